package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fact that cites a VERIFIED row of data/sources/facts.tsv (all of the row's source_url_or_path IRIs) also cites
 * the row's primary_source IRIs, unless the exclusion list below says why that primary does not support the fact.
 */
class PrimarySourcesTest {
    private static final Path FACTS = Path.of("data", "facts");
    private static final Path TSV = Path.of("data", "sources", "facts.tsv");
    private static final Node DCT_SOURCE = NodeFactory.createURI("http://purl.org/dc/terms/source");
    private static final String FACT = "https://w3id.org/fentanyl-kg/fact/";

    /** A VERIFIED row with a primary source: its line in the TSV, its source IRIs, its primary IRIs. */
    record Row(int line, Set<String> sources, List<String> primaries) {}

    private static List<Row> rows;
    private static Map<String, Set<String>> cited;

    @BeforeAll
    static void load() throws IOException {
        rows = verifiedRowsWithPrimary();
        cited = citations();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Exclusions: fact IRI -> primary IRI -> why the fact cites the row's sources but not that primary.
    // A row's sources often serve several rows (one page states many facts), so a fact matches every row whose
    // sources it cites; the primary of one of those rows may not state this fact.
    // ---------------------------------------------------------------------------------------------------------

    private static final Map<String, Map<String, String>> EXCLUDED = new TreeMap<>();

    private static void exclude(String primary, String reason, String... factSlugs) {
        for (String slug : factSlugs) {
            EXCLUDED.computeIfAbsent(FACT + slug, k -> new TreeMap<>()).put(primary, reason);
        }
    }

    private static final String FR_2025_02870 = "https://www.federalregister.gov/d/2025-02870";
    private static final String FR_2025_20750 = "https://www.federalregister.gov/d/2025-20750";
    private static final String FR_2025_11993 = "https://www.federalregister.gov/d/2025-11993";
    private static final String H_DOC_119_30 = "https://www.govinfo.gov/content/pkg/CDOC-119hdoc30/html/CDOC-119hdoc30.htm";
    private static final String INCB_2024 = "https://www.incb.org/incb/en/news/news_2024/scheduling-2024-precursors.html";
    private static final String UNIS_2017 = "http://unis.unvienna.org/unis/en/pressrels/2017/unisnar1315.html";
    private static final String HALT_COMPILATION = "https://www.govinfo.gov/content/pkg/COMPS-18185/uslm/COMPS-18185.xml";
    private static final String USC_CH_28A =
            "http://143.231.180.67/view.xhtml?edition=prelim&path=%2Fprelim%40title21%2Fchapter28A%2Fsubchapter1";
    private static final String S_1271_INTRODUCED = "https://govinfo.gov/content/pkg/BILLS-118s1271is/html/BILLS-118s1271is.htm";
    private static final String CREC_S2476 = "https://www.govinfo.gov/content/pkg/CREC-2023-07-13/html/CREC-2023-07-13-pt1-PgS2476-2.htm";
    private static final String FINCEN_EXTENSION_1 =
            "https://www.fincen.gov/news/news-releases/treasury-extends-effective-dates-orders-issued-under-new-authority-counter";
    private static final String CONGRESS_HR_1968 = "https://www.congress.gov/bill/119th-congress/house-bill/1968";
    private static final String CONGRESS_HR_4779 = "https://www.congress.gov/bill/119th-congress/house-bill/4779";
    private static final String HOUSE_APPROPRIATIONS_NSRP =
            "https://appropriations.house.gov/subcommittees/national-security-department-state-and-related-programs?page=0";

    static {
        // Line 28 (the 1988 Convention's full name) has corecommunique.com as its only source, so every fact citing
        // that page matches it; its primaries (INCB, UNIS) are cited on fact:convention-1988 only.
        String line28 = "line 28's primaries support the 1988 Convention's name, not this fact";
        for (String p : List.of(INCB_2024, UNIS_2017)) {
            exclude(p, line28, "cnd-and-incb-names", "single-convention-1961", "single-convention-1961-control");
        }
        exclude(INCB_2024, line28 + " (the INCB page is about the 2024 scheduling; UNIS is cited)",
                "npp", "anpp", "npp-table-i-2017", "anpp-table-i-2017", "fentanyl-international-control-1964");

        // One GitHub file is the source of three rows, one Wikidata item per country.
        String country = "the source file serves one row per country; this fact cites its own country's item";
        exclude("https://www.wikidata.org/wiki/Q96", country, "china-identity", "united-states-identity");
        exclude("https://www.wikidata.org/wiki/Q148", country, "mexico-identity", "united-states-identity");
        exclude("https://www.wikidata.org/wiki/Q30", country, "china-identity", "mexico-identity");
        exclude("https://www.wikidata.org/wiki/Q583725",
                "the fact gives CDC's names, not its Wikidata identifier (cited on fact:cdc-registry-record)", "cdc-names");

        // February 2025 designations: the Federal Register notice 2025-02870 is the SDGT notice (E.O. 13224).
        exclude(FR_2025_02870, "the SDGT notice supports the E.O. 13224 authority only; this fact is about INA section 219 (FTO)",
                "february-2025-fto-designations-legal-authority", "usc-8-1189", "usc-8-1189-administered-by-state");
        exclude(FR_2025_02870, "the SDGT notice names E.O. 13224, not E.O. 14157 (matched through line 99, Rubio's office)",
                "february-2025-designations-of-mexican-cartels-under-eo-14157", "february-2025-designations-of-tda-and-ms13-under-eo-14157");
        exclude(H_DOC_119_30, "H. Doc. 119-30 confirms that E.O. 14157 directs such designations; that these were made in furtherance"
                        + " of it was seen only in State's press statement (scoop.co.nz reprint)",
                "february-2025-designations-of-mexican-cartels-under-eo-14157", "february-2025-designations-of-tda-and-ms13-under-eo-14157");
        // Line 99 (Marco Rubio, Secretary of State) has scoop.co.nz as its only source.
        exclude(FR_2025_20750, "line 99's second primary, the Cartel de los Soles notice, says nothing about this fact",
                "designations-cartel-del-noreste-fto-sdgt", "cartel-del-noreste-names", "gulf-cartel-names",
                "february-2025-designations-of-mexican-cartels-under-eo-14157", "february-2025-designations-of-tda-and-ms13-under-eo-14157");
        exclude(H_DOC_119_30, "H. Doc. 119-30 was not seen to give E.O. 13224's date; the fact cites E.O. 14157's text (FR 2025-02004)",
                "eo-13224-date");

        // FinCEN orders of June 2025: the Federal Register order 2025-11993 is the CIBanco order.
        exclude(FR_2025_11993, "document 2025-11993 is the order against CIBanco only",
                "pmlc-order-intercam", "pmlc-order-vector-casa-de-bolsa", "intercam-names", "vector-casa-de-bolsa-names",
                "fincen-orders-june-2025-targets");
        exclude(FR_2025_11993, "the CIBanco order text seen does not give the issue date (the FinCEN releases, cited, do)",
                "pmlc-orders-issued");
        exclude(FR_2025_11993, "the publication date 2025-06-30 was not seen in a primary source (facts.tsv line 84: partial)",
                "pmlc-orders-published");
        exclude(FINCEN_EXTENSION_1, "FinCEN names both Acts as the orders' authority; it does not say that one amends the other",
                "fend-off-fentanyl-act-amends-fentanyl-sanctions-act");

        // 21 U.S.C. 2313a (line 66): the cited U.S. Code page is chapter 28A (FEND Off Fentanyl); the source credit
        // of section 2313a was seen only on a mirror of that section's own page.
        exclude(USC_CH_28A, "the chapter 28A page is not the page that shows section 2313a's source credit",
                "pmlc-designation-type-authority", "pmlc-orders-legal-authority", "usc-21-2313a", "usc-21-2313a-administered-by-fincen",
                "fentanyl-sanctions-act-codified-at-21-usc-2313a", "fend-off-fentanyl-act-amends-fentanyl-sanctions-act");
        exclude(USC_CH_28A, "the U.S. Code page gives P.L. 118-50, div. E, but not that it was H.R. 815", "hr-815-118-enacted-as-pl-118-50");
        for (String p : List.of(S_1271_INTRODUCED, CREC_S2476)) {
            exclude(p, "the introduced bill S. 1271 and the Congressional Record support the Act's name only, not its enactment in P.L. 118-50",
                    "fend-off-fentanyl-act-part-of-pl-118-50", "hr-815-118-enacted-as-pl-118-50", "pl-118-50");
        }

        // HALT Fentanyl Act (lines 56-57): the govinfo compilation was seen for title, P.L. number and approval date.
        exclude(HALT_COMPILATION, "the compilation was seen for the Act's title, P.L. number and date only; the CSA amendment was seen"
                        + " in another copy of the enrolled text",
                "pl-119-26-amends-csa", "csa-schedule-i", "fentanyl-related-substances-csa-schedule-i");
        exclude(HALT_COMPILATION, "the compilation excerpt seen does not give the bill number S. 331", "s-331-119-enacted-as-pl-119-26");

        // Appropriations (lines 72-73): congress.gov bill pages are address patterns, not seen.
        exclude(CONGRESS_HR_1968, "the bill page identifies H.R. 1968; it does not state the counter-fentanyl appropriation (CRS R48517)",
                "pl-119-4-counter-fentanyl-fiscal-year");
        for (String p : List.of(CONGRESS_HR_4779, HOUSE_APPROPRIATIONS_NSRP)) {
            exclude(p, "the report number and date of H. Rept. 119-217 were seen only in GPO's text on a mirror, not on this page",
                    "h-rept-119-217", "report-cites-h-rept-119-217");
            exclude(p, "the recommendation is the CRS report's words (p17-s4); the bill and committee pages do not state it",
                    "h-rept-119-217-recommendation-assistance-to-mexico");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyFactCitingARowAlsoCitesItsPrimarySources() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (var fact : cited.entrySet()) {
            for (Row row : rows) {
                if (!fact.getValue().containsAll(row.sources())) continue;
                for (String primary : row.primaries()) {
                    checked++;
                    if (fact.getValue().contains(primary)) continue;
                    if (EXCLUDED.getOrDefault(fact.getKey(), Map.of()).containsKey(primary)) continue;
                    missing.add(fact.getKey() + " cites facts.tsv line " + row.line() + " but not its primary <" + primary + ">");
                }
            }
        }
        // Guards against a vacuous pass (a TSV or IRI form that no longer matches anything).
        assertTrue(checked > 150, "row primaries checked against facts: " + checked);
        assertTrue(missing.isEmpty(), missing.size() + " missing primary citation(s):\n" + String.join("\n", missing));
    }

    @Test
    void everyExclusionIsStillNeeded() {
        List<String> stale = new ArrayList<>();
        EXCLUDED.forEach((fact, primaries) -> primaries.keySet().forEach(primary -> {
            Set<String> sources = cited.get(fact);
            if (sources == null) {
                stale.add(fact + ": no such fact with a dcterms:source");
            } else if (sources.contains(primary)) {
                stale.add(fact + " now cites <" + primary + ">");
            } else if (rows.stream().noneMatch(r -> sources.containsAll(r.sources()) && r.primaries().contains(primary))) {
                stale.add(fact + " cites no row whose primary is <" + primary + ">");
            }
        }));
        assertTrue(stale.isEmpty(), "stale exclusions:\n" + String.join("\n", stale));
    }

    @Test
    void githubSourcesBecomeTheirBlobUrls() {
        assertEquals("https://github.com/integrateddatasvc/agency-registry/blob/HEAD/_registry/us/us-gov-cbp/html.md",
                sourceIri("integrateddatasvc/agency-registry:_registry/us/us-gov-cbp/html.md"));
        assertEquals(null, sourceIri("secondary copy only (no primary page seen)"));
        // The row of CBP's Wikidata identifier is cited under that form, so its primary is checked.
        Row cbp = rows.stream().filter(r -> r.primaries().contains("https://www.wikidata.org/wiki/Q368804")).findFirst().orElseThrow();
        assertTrue(cited.get(FACT + "cbp-registry-record").containsAll(cbp.sources()));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A source_url_or_path value as the fact files cite it: an IRI, a GitHub file's blob URL, or null (no IRI). */
    static String sourceIri(String value) {
        String v = value.strip();
        if (v.startsWith("http://") || v.startsWith("https://")) return v;
        int colon = v.indexOf(':');
        if (colon > 0 && v.substring(0, colon).matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            return "https://github.com/" + v.substring(0, colon) + "/blob/HEAD/" + v.substring(colon + 1);
        }
        return null;
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(" ; ")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    /** The TSV has a header and no quoting: one record a line, columns separated by tabs. */
    private static List<Row> verifiedRowsWithPrimary() throws IOException {
        List<String> lines = Files.readAllLines(TSV);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int source = header.indexOf("source_url_or_path"), status = header.indexOf("status"), primary = header.indexOf("primary_source");
        assertTrue(source >= 0 && status >= 0 && primary >= 0, "columns of " + TSV + ": " + header);
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            assertEquals(header.size(), cells.length, TSV + ":" + (i + 1) + ": number of columns");
            if (!cells[status].equals("VERIFIED")) continue;
            Set<String> sources = split(cells[source]).stream().map(PrimarySourcesTest::sourceIri)
                    .filter(s -> s != null).collect(Collectors.toCollection(TreeSet::new));
            List<String> primaries = split(cells[primary]);
            if (!sources.isEmpty() && !primaries.isEmpty()) out.add(new Row(i + 1, sources, primaries));
        }
        assertTrue(out.size() > 50, "VERIFIED rows with a primary source: " + out.size());
        return out;
    }

    /** Fact graph IRI -> its dcterms:source IRIs, from the default graphs of the fact files. */
    private static Map<String, Set<String>> citations() throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(FACTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".trig")).sorted().collect(Collectors.toList())) {
                Dataset one = RDFDataMgr.loadDataset(f.toString());
                one.asDatasetGraph().getDefaultGraph().find(Node.ANY, DCT_SOURCE, Node.ANY).forEachRemaining(t ->
                        out.computeIfAbsent(t.getSubject().getURI(), k -> new TreeSet<>()).add(t.getObject().getURI()));
            }
        }
        assertTrue(out.size() > 100, "facts with a dcterms:source: " + out.size());
        return out;
    }
}
