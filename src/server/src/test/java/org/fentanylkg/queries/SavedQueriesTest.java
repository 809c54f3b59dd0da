package org.fentanylkg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.expr.NodeValue;
import org.fentanylkg.http.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The saved queries of {@code queries/}: each runs over HTTP against the service started from the repository's
 * fuseki-config.ttl, and its whole answer is checked against what the report and the fact files say.
 *
 * <p>Expected rows are written as text blocks, one row per line and cells separated by {@code |}; IRIs are
 * abbreviated (fkr:, fkg:, fact:, rep:), numbers are compared by value, and an empty cell is an unbound variable.
 */
class SavedQueriesTest {
    private static final Path QUERIES = Path.of("queries");
    private static final Path FACTS = Path.of("data", "facts");
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();
    static {
        PREFIXES.put("https://w3id.org/fentanyl-kg/id/", "fkr:");
        PREFIXES.put("https://w3id.org/fentanyl-kg/ontology#", "fkg:");
        PREFIXES.put("https://w3id.org/fentanyl-kg/fact/", "fact:");
        PREFIXES.put("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/", "rep:");
    }

    /** Names the query file a test method checks; every file in queries/ must be named by one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Covers { String value(); }

    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static String read(String file) throws IOException { return Files.readString(QUERIES.resolve(file)); }

    /** Runs a saved query as it is, parameters unbound. */
    private static ResultSetRewindable run(String file) throws Exception { return server.select(read(file)); }

    /** Runs a saved query with grlc-style IRI parameters filled in, as grlc does: ?_name_iri becomes <value>. */
    private static ResultSetRewindable run(String file, String param, String iri) throws Exception {
        String text = read(file);
        String variable = "?_" + param + "_iri";
        assertTrue(text.contains(variable), file + " has no parameter " + variable);
        return server.select(text.replace(variable, "<" + iri + ">"));
    }

    private static String compact(String iri) {
        for (var e : PREFIXES.entrySet()) if (iri.startsWith(e.getKey())) return e.getValue() + iri.substring(e.getKey().length());
        return iri;
    }

    /** A cell as text: abbreviated IRI, lexical form, number normalized (125000000.0 -> 125000000), "" when unbound. */
    private static String cell(RDFNode n) {
        if (n == null) return "";
        if (n.isURIResource()) return compact(n.asResource().getURI());
        if (n.isLiteral()) {
            Literal l = n.asLiteral();
            NodeValue v = NodeValue.makeNode(l.asNode());
            if (v.isNumber()) return v.getDecimal().stripTrailingZeros().toPlainString();
            return l.getLexicalForm();
        }
        return n.toString();
    }

    private static List<List<String>> rows(ResultSetRewindable rs, String... vars) {
        rs.reset();
        List<List<String>> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            List<String> row = new ArrayList<>();
            for (String v : vars) row.add(cell(s.get(v)));
            out.add(row);
        }
        rs.reset();
        return out;
    }

    private static List<String> column(ResultSetRewindable rs, String var) {
        return rows(rs, var).stream().map(r -> r.get(0)).collect(Collectors.toList());
    }

    private static List<List<String>> parse(String table, int width) {
        List<List<String>> out = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            if (line.isBlank()) continue;
            List<String> row = Arrays.stream(line.split("\\|", -1)).map(String::strip).collect(Collectors.toList());
            assertEquals(width, row.size(), "expected row has the wrong number of cells: " + line);
            out.add(row);
        }
        return out;
    }

    /** The whole result, in order: same number of rows, same cells. */
    private static void assertRows(ResultSetRewindable rs, String[] vars, String expected) {
        List<List<String>> want = parse(expected, vars.length);
        List<List<String>> got = rows(rs, vars);
        if (!want.equals(got)) {
            fail("result differs (columns " + String.join(", ", vars) + ")\nexpected:\n" + format(want) + "\nactual:\n" + format(got));
        }
    }

    private static String format(List<List<String>> rows) {
        return rows.stream().map(r -> "  " + String.join(" | ", r)).collect(Collectors.joining("\n"));
    }

    private static String[] cols(String... vars) { return vars; }

    private static Map<String, Long> countBy(ResultSetRewindable rs, String var) {
        return column(rs, var).stream().collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()));
    }

    /** The fact files, parsed here independently of the service: named graphs are facts, the default graph their evidence. */
    private static Dataset factFiles() throws IOException {
        Dataset all = org.apache.jena.query.DatasetFactory.create();
        try (Stream<Path> files = Files.list(FACTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".trig")).sorted().collect(Collectors.toList())) {
                Dataset one = RDFDataMgr.loadDataset(f.toString());
                one.asDatasetGraph().find().forEachRemaining(q -> all.asDatasetGraph().add(q));
            }
        }
        return all;
    }

    private static final String FKG = "https://w3id.org/fentanyl-kg/ontology#";
    private static final String DCT_SOURCE = "http://purl.org/dc/terms/source";

    // ---------------------------------------------------------------------------------------------------------
    // Every saved query: a header, a parse, a test
    // ---------------------------------------------------------------------------------------------------------

    private static List<Path> queryFiles() throws IOException {
        try (Stream<Path> s = Files.list(QUERIES)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everySavedQueryHasAHeaderParsesAndRunsAsIs() throws Exception {
        List<Path> files = queryFiles();
        assertTrue(files.size() >= 15, "only " + files.size() + " saved queries");
        Pattern param = Pattern.compile("\\?_([A-Za-z0-9]+)_iri\\b");
        for (Path f : files) {
            String text = Files.readString(f);
            String name = f.getFileName().toString();
            List<String> header = text.lines().takeWhile(l -> l.startsWith("#+")).collect(Collectors.toList());
            assertFalse(header.isEmpty(), name + ": no grlc header at the top");
            assertTrue(header.get(0).matches("#\\+ summary: \\S.{10,}"), name + ": the first line is not a #+ summary: " + header.get(0));
            int d = header.indexOf("#+ description: >");
            assertTrue(d > 0, name + ": no '#+ description: >'");
            String description = header.stream().skip(d + 1).takeWhile(l -> l.startsWith("#+   "))
                    .map(l -> l.substring(5)).collect(Collectors.joining(" "));
            assertTrue(description.length() > 150, name + ": the description is too short: " + description);
            assertTrue(header.contains("#+ tags:"), name + ": no '#+ tags:'");
            QueryFactory.create(text); // throws on a syntax error

            // grlc parameters: each has a default in the header, and the query parses with it filled in
            Set<String> params = new TreeSet<>();
            Matcher m = param.matcher(text);
            while (m.find()) params.add(m.group(1));
            String filled = text;
            for (String p : params) {
                Matcher def = Pattern.compile("^#\\+   - " + p + ": (\\S+)$", Pattern.MULTILINE).matcher(text);
                assertTrue(def.find(), name + ": no default for parameter " + p);
                filled = filled.replace("?_" + p + "_iri", "<" + def.group(1) + ">");
            }
            QueryFactory.create(filled);
            // as-is, parameters unbound, the query answers something
            assertTrue(server.select(text).size() > 0, name + ": no rows when run as-is");
            if (!params.isEmpty()) assertTrue(server.select(filled).size() > 0, name + ": no rows with its defaults");
        }
    }

    @Test
    void everySavedQueryHasItsOwnTest() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (Method method : SavedQueriesTest.class.getDeclaredMethods()) {
            Covers c = method.getAnnotation(Covers.class);
            if (c != null) assertTrue(covered.add(c.value()), "two tests cover " + c.value());
        }
        Set<String> files = queryFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, covered);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Designations and sanctions
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("foreign-terrorist-organizations.rq")
    void foreignTerroristOrganizations() throws Exception {
        var rs = run("foreign-terrorist-organizations.rq");
        // The six Mexican cartels, Tren de Aragua and MS-13 (February 2025), and Cartel de los Soles (November 2025).
        assertRows(rs, cols("organizationLabel", "legalAuthorityLabel", "dateSigned", "dateEffective", "designatedByLabel",
                        "designatedByPostLabel", "inFurtheranceOfLabel"), """
                Cartel de los Soles           | 8 U.S.C. 1189 (INA section 219) | 2025-11-16 | 2025-11-24 | Marco Rubio | U.S. Secretary of State |
                Cártel del Noreste            | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Cárteles Unidos               | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Gulf Cartel                   | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Jalisco New Generation Cartel | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                La Nueva Familia Michoacana   | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Mara Salvatrucha              | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Sinaloa Cartel                | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                Tren de Aragua                | 8 U.S.C. 1189 (INA section 219) | 2025-02-06 | 2025-02-20 | Marco Rubio | U.S. Secretary of State | Executive Order 14157
                """);
        assertEquals(List.of("fkr:cartel-de-los-soles", "fkr:cartel-del-noreste", "fkr:carteles-unidos", "fkr:gulf-cartel",
                "fkr:cjng", "fkr:la-nueva-familia-michoacana", "fkr:ms-13", "fkr:sinaloa-cartel", "fkr:tren-de-aragua"),
                column(rs, "organization"));
    }

    @Test
    @Covers("designations.rq")
    void designations() throws Exception {
        var all = run("designations.rq");
        assertEquals(20, all.size());
        assertEquals(Map.of("Foreign Terrorist Organization designation", 9L,
                        "Specially Designated Global Terrorist designation", 8L,
                        "primary money laundering concern finding", 3L),
                countBy(all, "designationTypeLabel"));
        // the class inferred from each designation's type
        Map<String, String> classOfType = Map.of("Foreign Terrorist Organization designation", "fkg:FTODesignation",
                "Specially Designated Global Terrorist designation", "fkg:SDGTDesignation",
                "primary money laundering concern finding", "fkg:PMLCOrder");
        for (List<String> r : rows(all, "designationTypeLabel", "designationClass")) assertEquals(classOfType.get(r.get(0)), r.get(1), r.toString());

        var fto = run("designations.rq", "designationtype", "https://w3id.org/fentanyl-kg/id/fto-designation-type");
        assertEquals(9, fto.size());
        assertEquals(List.of("Cartel de los Soles", "Cártel del Noreste", "Cárteles Unidos", "Gulf Cartel",
                "Jalisco New Generation Cartel", "La Nueva Familia Michoacana", "Mara Salvatrucha", "Sinaloa Cartel",
                "Tren de Aragua"), column(fto, "designeeLabel"));

        var sdgt = run("designations.rq", "designationtype", "https://w3id.org/fentanyl-kg/id/sdgt-designation-type");
        assertRows(sdgt, cols("designeeLabel", "designationClass", "legalAuthorityLabel", "designatedByLabel", "dateSigned",
                        "dateEffective", "federalRegisterDocument"), """
                Cártel del Noreste            | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Cárteles Unidos               | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Gulf Cartel                   | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Jalisco New Generation Cartel | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                La Nueva Familia Michoacana   | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Mara Salvatrucha              | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Sinaloa Cartel                | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                Tren de Aragua                | fkg:SDGTDesignation | Executive Order 13224 | Marco Rubio | 2025-02-06 | 2025-02-20 | 2025-02870
                """);

        var pmlc = run("designations.rq", "designationtype", "https://w3id.org/fentanyl-kg/id/pmlc-designation-type");
        assertRows(pmlc, cols("designeeLabel", "designationClass", "legalAuthorityLabel", "designatedByLabel", "dateSigned",
                        "dateIssued", "datePublished", "dateEffective"), """
                CIBanco              | fkg:PMLCOrder | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | | 2025-06-25 | 2025-06-30 | 2025-10-20
                Intercam             | fkg:PMLCOrder | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | | 2025-06-25 | 2025-06-30 | 2025-10-20
                Vector Casa de Bolsa | fkg:PMLCOrder | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | | 2025-06-25 | 2025-06-30 | 2025-10-20
                """);

        // The report says OFAC sanctions Mexico-based persons under E.O. 14059 but names none: no such designation.
        assertEquals(0, run("designations.rq", "designationtype",
                "https://w3id.org/fentanyl-kg/id/eo14059-sanctions-designation-type").size());
    }

    @Test
    @Covers("sanctioned-entities.rq")
    void sanctionedEntities() throws Exception {
        var rs = run("sanctioned-entities.rq");
        assertEquals(20, rs.size());
        Map<String, Set<String>> classes = new TreeMap<>();
        for (List<String> r : rows(rs, "entity", "sanctionClass")) classes.computeIfAbsent(r.get(0), k -> new TreeSet<>()).add(r.get(1));
        Set<String> terrorist = Set.of("fkg:ForeignTerroristOrganization", "fkg:SpeciallyDesignatedGlobalTerrorist");
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String g : List.of("sinaloa-cartel", "cjng", "cartel-del-noreste", "la-nueva-familia-michoacana", "gulf-cartel",
                "carteles-unidos", "tren-de-aragua", "ms-13")) expected.put("fkr:" + g, terrorist);
        expected.put("fkr:cartel-de-los-soles", Set.of("fkg:ForeignTerroristOrganization"));
        for (String bank : List.of("cibanco", "intercam", "vector-casa-de-bolsa")) expected.put("fkr:" + bank, Set.of("fkg:PrimaryMoneyLaunderingConcern"));
        assertEquals(expected, classes);
        // each row names the designation behind the class
        for (List<String> r : rows(rs, "entity", "designation", "designationTypeLabel")) {
            assertTrue(r.get(1).startsWith("fkr:designation-") || r.get(1).startsWith("fkr:pmlc-order-"), r.toString());
            assertTrue(r.get(1).contains(r.get(0).substring(4)), r.toString());
        }
        assertEquals(List.of("CIBanco", "Cartel de los Soles", "Cártel del Noreste", "Cárteles Unidos", "Gulf Cartel", "Intercam",
                "Jalisco New Generation Cartel", "La Nueva Familia Michoacana", "Mara Salvatrucha", "Sinaloa Cartel",
                "Tren de Aragua", "Vector Casa de Bolsa"), column(rs, "entityLabel").stream().distinct().collect(Collectors.toList()));
    }

    @Test
    @Covers("designation-authority-chain.rq")
    void designationAuthorityChain() throws Exception {
        assertRows(run("designation-authority-chain.rq"), cols("designationTypeLabel", "legalAuthorityLabel", "codifiedActLabel",
                        "actAmendedByLabel", "administeringAgencyLabel", "departmentLabel", "inFurtheranceOfLabel", "designations"), """
                Foreign Terrorist Organization designation        | 8 U.S.C. 1189 (INA section 219) | | | U.S. Department of State | U.S. Department of State | | 1
                Foreign Terrorist Organization designation        | 8 U.S.C. 1189 (INA section 219) | | | U.S. Department of State | U.S. Department of State | Executive Order 14157 | 8
                Specially Designated Global Terrorist designation | Executive Order 13224 | | | | | Executive Order 14157 | 8
                primary money laundering concern finding          | 21 U.S.C. 2313a | Fentanyl Sanctions Act | FEND Off Fentanyl Act | Financial Crimes Enforcement Network | U.S. Department of the Treasury | | 3
                """);
    }

    @Test
    @Covers("sanction-types.rq")
    void sanctionTypes() throws Exception {
        assertRows(run("sanction-types.rq"), cols("designationTypeLabel", "authorizedByLabel", "administeredByLabel", "consequenceLabel",
                        "consequenceStatedOn", "designations"), """
                E.O. 14059 illicit drug trade sanctions designation | Executive Order 14059 | Office of Foreign Assets Control | ban on entry into the United States | designation type | 0
                E.O. 14059 illicit drug trade sanctions designation | Executive Order 14059 | Office of Foreign Assets Control | blocking of assets under U.S. jurisdiction | designation type | 0
                E.O. 14059 illicit drug trade sanctions designation | Executive Order 14059 | Office of Foreign Assets Control | prohibition on U.S. persons engaging in financial transactions with those designated | designation type | 0
                Foreign Terrorist Organization designation | 8 U.S.C. 1189 (INA section 219) | U.S. Department of State | additional prosecutorial and enforcement options | designation type | 9
                Foreign Terrorist Organization designation | 8 U.S.C. 1189 (INA section 219) | U.S. Department of State | immigration-related policy tools | designation type | 9
                Foreign Terrorist Organization designation | 8 U.S.C. 1189 (INA section 219) | U.S. Department of State | secondary sanctions risks | designation type | 9
                Specially Designated Global Terrorist designation | Executive Order 13224 | | additional prosecutorial and enforcement options | designation type | 8
                Specially Designated Global Terrorist designation | Executive Order 13224 | | immigration-related policy tools | designation type | 8
                Specially Designated Global Terrorist designation | Executive Order 13224 | | secondary sanctions risks | designation type | 8
                primary money laundering concern finding | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | prohibition of certain transmittals of funds involving the designated institution | designation | 3
                """);
    }

    @Test
    @Covers("fincen-orders.rq")
    void fincenOrders() throws Exception {
        assertRows(run("fincen-orders.rq"), cols("institutionLabel", "institutionKindLabel", "countryLabel", "dateIssued", "datePublished",
                        "dateEffective", "legalAuthorityLabel", "administeringAgencyLabel", "consequenceLabel", "allegedlyLaunderedForLabel",
                        "order"), """
                CIBanco              | bank           | Mexico | 2025-06-25 | 2025-06-30 | 2025-10-20 | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | prohibition of certain transmittals of funds involving the designated institution | Gulf Cartel                   | fkr:pmlc-order-cibanco
                Intercam             | bank           | Mexico | 2025-06-25 | 2025-06-30 | 2025-10-20 | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | prohibition of certain transmittals of funds involving the designated institution | Jalisco New Generation Cartel | fkr:pmlc-order-intercam
                Vector Casa de Bolsa | brokerage firm | Mexico | 2025-06-25 | 2025-06-30 | 2025-10-20 | 21 U.S.C. 2313a | Financial Crimes Enforcement Network | prohibition of certain transmittals of funds involving the designated institution | Sinaloa Cartel                | fkr:pmlc-order-vector-casa-de-bolsa
                """);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Chemicals and their control
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("precursor-chain.rq")
    void precursorChain() throws Exception {
        // Immediate steps (fkg:directPrecursorOf) and steps stated as fkg:precursorOf, each chemical with the year of
        // its Table I decision (2017 NPP/ANPP, 2022 4-AP/1-boc-4-AP/norfentanyl, 2024 4-piperidone/1-boc-4-piperidone).
        assertRows(run("precursor-chain.rq"), cols("fromLabel", "fromTableIYear", "step", "toLabel", "toTableIYear", "reachesFentanyl", "fact"), """
                ANPP               | 2017 | immediate          | fentanyl     |      | stated                | fact:anpp-direct-precursor-of-fentanyl
                NPP                | 2017 | immediate          | ANPP         | 2017 | inferred (transitive) | fact:npp-direct-precursor-of-anpp
                1-boc-4-AP         | 2022 | via unstated steps | norfentanyl  | 2022 | inferred (transitive) | fact:1-boc-4-ap-precursor-of-norfentanyl
                4-AP               | 2022 | via unstated steps | fentanyl     |      | stated                | fact:4-ap-fentanyl-precursor
                norfentanyl        | 2022 | immediate          | fentanyl     |      | stated                | fact:norfentanyl-direct-precursor-of-fentanyl
                1-boc-4-piperidone | 2024 | via unstated steps | 1-boc-4-AP   | 2022 | inferred (transitive) | fact:1-boc-4-piperidone-precursor-of-1-boc-4-ap
                1-boc-4-piperidone | 2024 | via unstated steps | 4-piperidone | 2024 | inferred (transitive) | fact:1-boc-4-piperidone-precursor-of-4-piperidone
                4-piperidone       | 2024 | via unstated steps | 4-AP         | 2022 | inferred (transitive) | fact:4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl
                4-piperidone       | 2024 | via unstated steps | ANPP         | 2017 | inferred (transitive) | fact:4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl
                4-piperidone       | 2024 | via unstated steps | NPP          | 2017 | inferred (transitive) | fact:4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl
                4-piperidone       | 2024 | via unstated steps | norfentanyl  | 2022 | inferred (transitive) | fact:4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl
                """);
    }

    @Test
    @Covers("fentanyl-precursors.rq")
    void fentanylPrecursors() throws Exception {
        // The closure of fkg:precursorOf: ANPP and norfentanyl are named immediate precursors, 4-AP a stated precursor
        // with no intermediate named (INCB 2022), the others reach fentanyl only through the chemicals between them.
        assertRows(run("fentanyl-precursors.rq"), cols("chemical", "acronym", "link", "intermediates", "casNumber", "tableIYear"), """
                fkr:anpp               | ANPP       | immediate precursor (stated)     | 0 |             | 2017
                fkr:npp                | NPP        | through intermediates (inferred) | 1 |             | 2017
                fkr:4-ap               | 4-AP       | precursor (stated)               | 0 | 23056-29-3  | 2022
                fkr:norfentanyl        |            | immediate precursor (stated)     | 0 | 1609-66-1   | 2022
                fkr:1-boc-4-ap         | 1-boc-4-AP | through intermediates (inferred) | 1 | 125541-22-2 | 2022
                fkr:1-boc-4-piperidone |            | through intermediates (inferred) | 6 | 79099-07-3  | 2024
                fkr:4-piperidone       |            | through intermediates (inferred) | 4 |             | 2024
                """);
    }

    @Test
    @Covers("international-control-by-year.rq")
    void internationalControlByYear() throws Exception {
        String tableI = "Table I of the 1988 Convention";
        String singleConvention = "Substances under international control pursuant to the Single Convention on Narcotic Drugs, 1961";
        assertRows(run("international-control-by-year.rq"), cols("year", "chemicalLabel", "acronym", "controlListLabel",
                        "controllingPartyLabel", "recommendedByLabel", "proposedByLabel", "decisionDate", "dateEffective"), ("""
                1964 | fentanyl                                           |            | {SC}  | United Nations               |                                       |               | 1964    |
                2017 | 4-anilino-N-phenethylpiperidine                    | ANPP       | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2017-03 |
                2017 | N-phenethyl-4-piperidone                           | NPP        | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2017-03 |
                2022 | N-phenylpiperidin-4-amine                          | 4-AP       | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2022-03 | 2022-11-23
                2022 | norfentanyl                                        |            | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2022-03 | 2022-11-23
                2022 | tert-butyl 4-(phenylamino)piperidine-1-carboxylate | 1-boc-4-AP | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2022-03 | 2022-11-23
                2024 | 1-boc-4-piperidone                                 |            | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board |               | 2024-03 | 2024-12-03
                2024 | 4-piperidone                                       |            | {TABLE} | Commission on Narcotic Drugs | International Narcotics Control Board | United States | 2024-03 | 2024-12-03
                """).replace("{TABLE}", tableI).replace("{SC}", singleConvention));
    }

    @Test
    @Covers("table-i-precursors-by-year.rq")
    void tableIPrecursorsByYear() throws Exception {
        // "two fentanyl precursors ... in 2017", "three additional fentanyl precursors in 2022 and two more in 2024";
        // and every one of them is tied to fentanyl by the closure of fkg:precursorOf.
        assertRows(run("table-i-precursors-by-year.rq"), cols("year", "chemicalsInGraph", "reportedByReport", "agrees", "inPrecursorClosure"), """
                2017 | 2 | 2 | true | 2
                2022 | 3 | 3 | true | 3
                2024 | 2 | 2 | true | 2
                """);
    }

    @Test
    @Covers("chemical-controls.rq")
    void chemicalControls() throws Exception {
        var all = run("chemical-controls.rq");
        // 1 Single Convention + 7 Table I + 7 DEA + 1 HALT Fentanyl Act + 5 China
        assertEquals(21, all.size());
        assertEquals(Map.of("international", 8L, "national", 13L), countBy(all, "scope"));
        assertEquals(10, column(all, "chemicalLabel").stream().distinct().count());

        assertRows(run("chemical-controls.rq", "chemical", "https://w3id.org/fentanyl-kg/id/norfentanyl"),
                cols("chemicalLabel", "controlListLabel", "scope", "controllingPartyLabel", "decisionDate", "dateEffective"), """
                norfentanyl | Schedule II of the Controlled Substances Act                       | national      | Drug Enforcement Administration | 2020-04-17 | 2020-05-18
                norfentanyl | Table I of the 1988 Convention                                     | international | Commission on Narcotic Drugs    | 2022-03    | 2022-11-23
                norfentanyl | Precursor chemical controls of the People's Republic of China | national      | People's Republic of China      | 2024-08-02 | 2024-09-01
                """);
        assertRows(run("chemical-controls.rq", "chemical", "https://w3id.org/fentanyl-kg/id/fentanyl-related-substances"),
                cols("chemicalLabel", "controlListLabel", "scope", "controllingPartyLabel", "decisionDate", "dateEffective"), """
                fentanyl-related substances | Schedule I of the Controlled Substances Act | national | 119th Congress | 2025-07-16 |
                """);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Law, money, agencies
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("legal-instruments.rq")
    void legalInstruments() throws Exception {
        assertRows(run("legal-instruments.rq"), cols("instrumentLabel", "number", "relationLabel", "objectLabel"), """
                21 U.S.C. 2313a                                             | 21 U.S.C. 2313a | administered by    | Financial Crimes Enforcement Network
                21 U.S.C. 2313a                                             | 21 U.S.C. 2313a | authorizes         | primary money laundering concern finding
                31 CFR part 599                                             | 31 CFR part 599 | implements         | Executive Order 14059
                8 U.S.C. 1189 (INA section 219)                             | 8 U.S.C. 1189   | administered by    | U.S. Department of State
                8 U.S.C. 1189 (INA section 219)                             | 8 U.S.C. 1189   | authorizes         | Foreign Terrorist Organization designation
                Comprehensive Drug Abuse Prevention and Control Act of 1970 | P.L. 91-513     | codified at        | 21 U.S.C. 801 et seq.
                Controlled Substances Act                                   |                 | administered by    | Drug Enforcement Administration
                Controlled Substances Act                                   |                 | codified at        | 21 U.S.C. 801 et seq.
                Controlled Substances Act                                   |                 | part of instrument | Comprehensive Drug Abuse Prevention and Control Act of 1970
                Executive Order 13224                                       | E.O. 13224      | authorizes         | Specially Designated Global Terrorist designation
                Executive Order 14059                                       | E.O. 14059      | administered by    | Office of Foreign Assets Control
                Executive Order 14059                                       | E.O. 14059      | authorizes         | E.O. 14059 illicit drug trade sanctions designation
                FEND Off Fentanyl Act                                       |                 | amends             | Fentanyl Sanctions Act
                FEND Off Fentanyl Act                                       |                 | part of instrument | P.L. 118-50
                Fentanyl Sanctions Act                                      |                 | codified at        | 21 U.S.C. 2301 et seq.
                Fentanyl Sanctions Act                                      |                 | codified at        | 21 U.S.C. 2312
                Fentanyl Sanctions Act                                      |                 | codified at        | 21 U.S.C. 2313a
                Fentanyl Sanctions Act                                      |                 | part of instrument | P.L. 116-92
                H.R. 1968 (119th Congress)                                  | H.R. 1968       | enacted as         | P.L. 119-4
                H.R. 2882 (118th Congress)                                  | H.R. 2882       | enacted as         | P.L. 118-47
                H.R. 815 (118th Congress)                                   | H.R. 815        | enacted as         | P.L. 118-50
                HALT Fentanyl Act                                           | P.L. 119-26     | amends             | Controlled Substances Act
                S. 1790 (116th Congress)                                    | S. 1790         | enacted as         | P.L. 116-92
                S. 331 (119th Congress)                                     | S. 331          | enacted as         | HALT Fentanyl Act
                """);
    }

    @Test
    @Covers("pending-bills.rq")
    void pendingBills() throws Exception {
        // No full (long) titles are known: the names the sources give are short titles (fkg:shortTitle).
        assertRows(run("pending-bills.rq"), cols("billNumber", "congress", "title", "shortTitles", "reportedByLabel", "objective",
                        "wouldProvideUSD", "appropriations", "bill"), """
                H.R. 1577 | 119 | | Stop Fentanyl Money Laundering Act of 2025                                            |                                | amplify efforts to prevent fentanyl-related money laundering           | 0         | 0 | fkr:hr-1577-119
                H.R. 4779 | 119 | | National Security, Department of State, and Related Programs Appropriations Act, 2026 | House Appropriations Committee |                                                                        | 175000000 | 2 | fkr:hr-4779-119
                S. 860    | 119 | | BUST FENTANYL Act / Break Up Suspicious Transactions of Fentanyl Act                   |                                | expand sanctions under the Fentanyl Sanctions Act (21 U.S.C. §2312) | 0         | 0 | fkr:s-860-119
                """);
    }

    @Test
    @Covers("appropriations-by-fiscal-year.rq")
    void appropriationsByFiscalYear() throws Exception {
        // P.L. 119-4: foreign assistance at the same level and subject to the same conditions as P.L. 118-47 - what the
        // report says; no amount and no counter-fentanyl purpose are inferred for it.
        assertRows(run("appropriations-by-fiscal-year.rq"), cols("fiscalYear", "kindLabel", "amountUSD", "sameLevelAsAmountUSD",
                        "sameLevelAndConditionsAsLabel", "providedByLabel", "purpose", "geographicScope", "recipientLabel",
                        "withholdingPercentage", "withholdingCondition"), """
                2023 | aid allocation         | 48000000  | |             |                                                  | counternarcotics aid                                              |        | Mexico |    |
                2024 | enacted appropriation  | 125000000 | |             | P.L. 118-47                                      | to counter U.S.-bound flows of fentanyl and other synthetic drugs | global |        |    |
                2025 | enacted appropriation  |           | | P.L. 118-47 | P.L. 119-4                                       | foreign assistance                                                |        |        |    |
                2026 | budget request         | 125000000 | |             | The Trump Administration's FY2026 budget request | to combat fentanyl and other synthetic drugs globally             | global |        |    |
                2026 | proposed appropriation | 175000000 | |             | H.R. 4779 (119th Congress)                       | to counter fentanyl globally                                      | global |        |    |
                2026 | proposed appropriation |           | |             | H.R. 4779 (119th Congress)                       | counternarcotics assistance                                       |        | Mexico | 30 | until certain security-related conditions are met
                """);
    }

    @Test
    @Covers("agencies-by-department.rq")
    void agenciesByDepartment() throws Exception {
        assertRows(run("agencies-by-department.rq"), cols("departmentLabel", "agencyLabel", "immediateParentLabel", "levels", "countryLabel"), """
                U.S. Department of Health and Human Services | Centers for Disease Control and Prevention       | U.S. Department of Health and Human Services | 1 | United States
                U.S. Department of Homeland Security         | U.S. Customs and Border Protection               | U.S. Department of Homeland Security         | 1 | United States
                U.S. Department of Justice                   | Drug Enforcement Administration                  | U.S. Department of Justice                   | 1 | United States
                U.S. Department of State                     |                                                  |                                              |   | United States
                U.S. Department of the Treasury              | Financial Crimes Enforcement Network             | U.S. Department of the Treasury              | 1 | United States
                U.S. Department of the Treasury              | Office of Foreign Assets Control                 | U.S. Department of the Treasury              | 1 | United States
                                                             | Congressional Research Service                   |                                              |   |
                                                             | Mexican National Guard                           |                                              |   | Mexico
                                                             | Office of the Director of National Intelligence  |                                              |   |
                """);
    }

    @Test
    @Covers("criminal-organizations.rq")
    void criminalOrganizations() throws Exception {
        assertRows(run("criminal-organizations.rq"), cols("organizationLabel", "link", "otherLabel", "status"), """
                Chinese Money Laundering Organizations            | collaborates with            | Mexico-based transnational criminal organizations | inferred
                Cártel del Noreste                                | based in                     | Mexico                                            | asserted
                Cárteles Unidos                                   | based in                     | Mexico                                            | asserted
                Gulf Cartel                                       | based in                     | Mexico                                            | asserted
                Gulf Cartel                                       | money allegedly laundered by | CIBanco                                           | asserted
                Jalisco New Generation Cartel                     | based in                     | Mexico                                            | asserted
                Jalisco New Generation Cartel                     | money allegedly laundered by | Intercam                                          | asserted
                Jalisco New Generation Cartel                     | supplies                     | fentanyl                                          | asserted
                Jalisco New Generation Cartel                     | trafficks                    | fentanyl                                          | inferred
                La Nueva Familia Michoacana                       | based in                     | Mexico                                            | asserted
                Mexico-based transnational criminal organizations | based in                     | Mexico                                            | asserted
                Mexico-based transnational criminal organizations | collaborates with            | Chinese Money Laundering Organizations            | asserted
                Mexico-based transnational criminal organizations | supplies                     | fentanyl                                          | asserted
                Mexico-based transnational criminal organizations | trafficks                    | fentanyl                                          | asserted
                Sinaloa Cartel                                    | based in                     | Mexico                                            | asserted
                Sinaloa Cartel                                    | money allegedly laundered by | Vector Casa de Bolsa                              | asserted
                Sinaloa Cartel                                    | supplies                     | fentanyl                                          | asserted
                Sinaloa Cartel                                    | trafficks                    | fentanyl                                          | inferred
                U.S. affiliates of the Mexican TCOs               | based in                     | United States                                     | asserted
                U.S. affiliates of the Mexican TCOs               | trafficks                    | fentanyl                                          | inferred
                """);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Statistics, timeline, documents
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("statistics-by-year.rq")
    void statisticsByYear() throws Exception {
        assertRows(run("statistics-by-year.rq"), cols("year", "valueQualifier", "value", "unitLabel", "period", "countryLabel", "citedSourceLabel"), """
                2017 |           | 2     | count   | 2017            |               |
                2022 |           | 3     | count   | 2022            |               |
                2023 | more than | 76282 | count   | 2023            | United States | Centers for Disease Control and Prevention
                2024 |           | 2     | count   | 2024            |               |
                2024 |           | 48422 | count   | 2024            | United States | Centers for Disease Control and Prevention
                2025 |           | -53   | percent | 2025-01/2025-06 | United States | U.S. Customs and Border Protection
                2025 | more than | 30    | count   | 2025-07         |               |
                     | more than | 12    | count   |                 | Mexico        | 2025 International Narcotics Control Strategy Report
                     | over      | 3100  | count   |                 |               | 2022 report of the U.S. Commission on Combating Synthetic Opioid Trafficking
                     |           | 8     | count   |                 | Mexico        | 2025 International Narcotics Control Strategy Report
                     |           | 55    | count   |                 | Mexico        |
                     | some      | 10000 | count   |                 | Mexico        |
                """);
        // one measure over time: the CDC's synthetic opioid overdose deaths, "48,422 ... in 2024, down from more than 76,282 in 2023"
        assertRows(run("statistics-by-year.rq", "measure", "https://w3id.org/fentanyl-kg/id/measure-synthetic-opioid-overdose-deaths"),
                cols("year", "valueQualifier", "value", "statistic"), """
                2023 | more than | 76282 | fkr:stat-synthetic-opioid-overdose-deaths-2023
                2024 |           | 48422 | fkr:stat-synthetic-opioid-overdose-deaths-2024
                """);
    }

    @Test
    @Covers("timeline.rq")
    void timeline() throws Exception {
        var rs = run("timeline.rq");
        // 43 designation dates (16 February designations signed and effective, Cartel de los Soles signed and effective,
        // 3 FinCEN orders issued, published and effective), 30 control-decision dates, 15 dates of laws and orders,
        // 7 dated events (among them the February 2025 designation decision and the June 2025 FinCEN orders as policy actions).
        assertEquals(95, rs.size());
        assertEquals(Map.of("designation", 43L, "control decision", 30L, "legal instrument", 15L, "policy action", 6L, "event", 1L),
                countBy(rs, "category"));
        assertEquals(Map.of("date signed", 23L, "date effective", 20L, "date issued", 3L, "date published", 5L,
                "date enacted", 6L, "effective date", 16L, "date", 22L), countBy(rs, "datePropertyLabel"));
        List<List<String>> rows = rows(rs, "date", "datePropertyLabel", "category", "label");
        assertEquals(List.of("1964", "date", "control decision", "Fentanyl placed under international control (1964)"), rows.get(0));
        assertEquals(List.of("1970-10-27", "date enacted", "legal instrument", "Comprehensive Drug Abuse Prevention and Control Act of 1970"), rows.get(1));
        // the dates without a year come last
        assertEquals(List.of("--07-11", "--07-11", "--07-31"), rows.subList(92, 95).stream().map(r -> r.get(0)).collect(Collectors.toList()));
        assertEquals(List.of("--07-31", "date", "policy action", "90-day postponement of new U.S. tariffs on Mexico"), rows.get(94));
        // in date order
        List<String> dated = rows.subList(0, 92).stream().map(r -> r.get(0)).collect(Collectors.toList());
        assertEquals(dated.stream().sorted().collect(Collectors.toList()), dated);
        assertTrue(rows.contains(List.of("2025-07-16", "date signed", "legal instrument", "HALT Fentanyl Act")));
        assertTrue(rows.contains(List.of("2025-10-20", "date effective", "designation",
                "FinCEN order identifying CIBanco as of primary money laundering concern (June 2025)")));
        assertTrue(rows.contains(List.of("2024-12-03", "effective date", "control decision", "4-piperidone placed in Table I of the 1988 Convention (2024)")));
        assertTrue(rows.contains(List.of("2025-02", "date", "policy action",
                "Pledge by high-level U.S. and Mexican officials to secure borders, dismantle cartels and stop illicit flows of drugs and weapons")));
        assertTrue(rows.contains(List.of("2025-06", "date", "policy action",
                "FinCEN orders identifying two Mexico-based banks and a Mexico-based brokerage firm as of primary money laundering concern (June 2025)")));
    }

    @Test
    @Covers("cited-reports.rq")
    void citedReports() throws Exception {
        assertRows(run("cited-reports.rq"), cols("citedLabel", "issuedByLabel", "issued", "statistics"), """
                2022 report of the U.S. Commission on Combating Synthetic Opioid Trafficking | U.S. Commission on Combating Synthetic Opioid Trafficking | 2022-02-08 | 1
                2024 National Money Laundering Risk Assessment                               | U.S. Department of the Treasury                          | 2024       | 0
                2025 Annual Threat Assessment                                                | Office of the Director of National Intelligence          | 2025       | 0
                2025 International Narcotics Control Strategy Report                         | U.S. Department of State                                 | 2025       | 2
                2025 National Drug Threat Assessment                                         | Drug Enforcement Administration                          | 2025       | 0
                H. Rept. 119-217                                                             | House Appropriations Committee                           | 2025-07-25 | 0
                """);
    }

    @Test
    @Covers("external-identifiers.rq")
    void externalIdentifiers() throws Exception {
        // one row per public source: an identifier whose fact also cites its primary source (the Federal Register,
        // PubChem, Wikidata) appears twice
        assertRows(run("external-identifiers.rq"), cols("scheme", "resource", "identifier", "link"), """
                CAS         | fkr:1-boc-4-piperidone | 79099-07-3  |
                CAS         | fkr:1-boc-4-piperidone | 79099-07-3  |
                CAS         | fkr:4-ap               | 23056-29-3  |
                CAS         | fkr:norfentanyl        | 1609-66-1   |
                CAS         | fkr:1-boc-4-ap         | 125541-22-2 |
                PubChem CID | fkr:fentanyl           | 3345        | https://pubchem.ncbi.nlm.nih.gov/compound/3345
                PubChem CID | fkr:fentanyl           | 3345        | https://pubchem.ncbi.nlm.nih.gov/compound/3345
                Wikidata    | fkr:cdc                | Q583725     | http://www.wikidata.org/entity/Q583725
                Wikidata    | fkr:cdc                | Q583725     | http://www.wikidata.org/entity/Q583725
                Wikidata    | fkr:dea                | Q622899     | http://www.wikidata.org/entity/Q622899
                Wikidata    | fkr:dea                | Q622899     | http://www.wikidata.org/entity/Q622899
                Wikidata    | fkr:mexico             | Q96         | http://www.wikidata.org/entity/Q96
                Wikidata    | fkr:mexico             | Q96         | http://www.wikidata.org/entity/Q96
                Wikidata    | fkr:china              | Q148        | http://www.wikidata.org/entity/Q148
                Wikidata    | fkr:china              | Q148        | http://www.wikidata.org/entity/Q148
                Wikidata    | fkr:cbp                | Q368804     | http://www.wikidata.org/entity/Q368804
                Wikidata    | fkr:cbp                | Q368804     | http://www.wikidata.org/entity/Q368804
                Wikidata    | fkr:united-states      | Q30         | http://www.wikidata.org/entity/Q30
                Wikidata    | fkr:united-states      | Q30         | http://www.wikidata.org/entity/Q30
                Wikidata    | fkr:fentanyl           | Q407541     | http://www.wikidata.org/entity/Q407541
                Wikidata    | fkr:fentanyl           | Q407541     | http://www.wikidata.org/entity/Q407541
                """);
        assertTrue(column(run("external-identifiers.rq"), "source").contains("https://www.wikidata.org/wiki/Q96"));
        // every identifier comes with the public source of the fact that states it
        for (String source : column(run("external-identifiers.rq"), "source")) assertTrue(source.startsWith("http"), source);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Provenance: quotes, sources, asserted and inferred
    // ---------------------------------------------------------------------------------------------------------

    private static String reportText() throws Exception {
        var rs = server.select("SELECT ?t WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/report> {"
                + " <https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t } }");
        assertEquals(1, rs.size());
        return rs.next().getLiteral("t").getLexicalForm();
    }

    /** Every row's quote is the report's text at its offsets, and lies (at least in part) in its sentence. */
    private static void assertQuotesLocated(ResultSetRewindable rs) throws Exception {
        String report = reportText();
        for (List<String> r : rows(rs, "quote", "beginIndex", "endIndex", "sentenceText")) {
            int begin = Integer.parseInt(r.get(1));
            int end = Integer.parseInt(r.get(2));
            assertEquals(r.get(0), report.substring(begin, end));
            assertTrue(r.get(3).contains(r.get(0)) || r.get(0).contains(r.get(3)) || overlaps(r.get(0), r.get(3)), r.toString());
        }
    }

    private static boolean overlaps(String quote, String sentence) {
        // a quote spanning sentences shares its start or its end with the sentence
        for (int k = Math.min(quote.length(), sentence.length()); k >= 10; k--) {
            if (sentence.endsWith(quote.substring(0, k)) || sentence.startsWith(quote.substring(quote.length() - k))) return true;
        }
        return false;
    }

    @Test
    @Covers("report-evidence.rq")
    void reportEvidence() throws Exception {
        var sinaloa = run("report-evidence.rq", "resource", "https://w3id.org/fentanyl-kg/id/sinaloa-cartel");
        String rubio = "Secretary of State Marco Rubio designated six Mexican cartels as foreign terrorist organizations and specially designated global terrorists";
        String eo = "pursuant to President Trump's E.O. 14157, Secretary of State Marco Rubio designated six Mexican cartels";
        String suppliers = "Mexico-based transnational criminal organizations (TCOs), especially the Sinaloa and the Jalisco New Generation Cartel"
                + " (CJNG, for its name in Spanish), are primary suppliers of illicit drugs, including fentanyl";
        String based = "Mexico-based transnational criminal organizations (TCOs), especially the Sinaloa and the Jalisco New Generation Cartel";
        String primary = "According to DEA's 2025 National Drug Threat Assessment and the Office of the Director of National Intelligence's"
                + " 2025 Annual Threat Assessment, " + suppliers + ", for the U.S. market";
        assertRows(sinaloa, cols("mentionedAs", "fact", "subject", "property", "object", "quote", "sentence"), ("""
                object                                  | fact:february-2025-designation-of-six-mexican-cartels-targets     | fkr:february-2025-designation-of-six-mexican-cartels | fkg:target | fkr:sinaloa-cartel | {RUBIO} | rep:p12-s3
                via its designation or control decision | fact:february-2025-designations-of-mexican-cartels-by-rubio       | fkr:designation-sinaloa-cartel-fto  | fkg:designatedBy    | fkr:marco-rubio | {RUBIO} | rep:p12-s3
                via its designation or control decision | fact:february-2025-designations-of-mexican-cartels-by-rubio       | fkr:designation-sinaloa-cartel-sdgt | fkg:designatedBy    | fkr:marco-rubio | {RUBIO} | rep:p12-s3
                via its designation or control decision | fact:february-2025-designations-of-mexican-cartels-under-eo-14157 | fkr:designation-sinaloa-cartel-fto  | fkg:inFurtheranceOf | fkr:eo-14157    | {EO} | rep:p12-s3
                via its designation or control decision | fact:february-2025-designations-of-mexican-cartels-under-eo-14157 | fkr:designation-sinaloa-cartel-sdgt | fkg:inFurtheranceOf | fkr:eo-14157    | {EO} | rep:p12-s3
                subject                                 | fact:mexican-tcos-primary-suppliers-for-us-market                 | fkr:sinaloa-cartel                  | fkg:mainSourceOf    | fkr:us-bound-illicit-fentanyl | {PRIMARY} | rep:p7-s1
                subject                                 | fact:mexico-based-tcos-supply-fentanyl                            | fkr:sinaloa-cartel                  | fkg:supplies        | fkr:fentanyl    | {SUPPLIERS} | rep:p7-s1
                subject                                 | fact:sinaloa-cartel-and-cjng-based-in-mexico                      | fkr:sinaloa-cartel                  | fkg:basedIn         | fkr:mexico      | {BASED} | rep:p7-s1
                """).replace("{RUBIO}", rubio).replace("{EO}", eo).replace("{SUPPLIERS}", suppliers).replace("{BASED}", based)
                .replace("{PRIMARY}", primary));
        assertQuotesLocated(sinaloa);

        // run as-is: every resource, hence every fact that carries a quote, exactly those (checked against the fact files)
        var all = run("report-evidence.rq");
        assertQuotesLocated(all);
        Dataset files = factFiles();
        Set<String> quoted = new TreeSet<>();
        files.asDatasetGraph().getDefaultGraph().find(Node.ANY, org.apache.jena.graph.NodeFactory.createURI(FKG + "quote"), Node.ANY)
                .forEachRemaining(t -> quoted.add(compact(t.getSubject().getURI())));
        assertTrue(quoted.size() > 80, "quoted facts in the files: " + quoted.size());
        assertEquals(quoted, new TreeSet<>(column(all, "fact")));
        assertTrue(rows(all, "resource", "fact").contains(List.of("fkr:fentanyl", "fact:fentanyl-first-synthesized")));
    }

    @Test
    @Covers("asserted-vs-inferred.rq")
    void assertedVsInferred() throws Exception {
        var sinaloa = run("asserted-vs-inferred.rq", "resource", "https://w3id.org/fentanyl-kg/id/sinaloa-cartel");
        String type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        assertRows(sinaloa, cols("status", "property", "value", "fact"), ("""
                asserted | {TYPE} | fkg:Cartel                             | fact:sinaloa-cartel-names
                asserted | http://www.w3.org/2000/01/rdf-schema#label    | Sinaloa Cartel                         | fact:sinaloa-cartel-names
                asserted | http://www.w3.org/2004/02/skos/core#altLabel | Cártel de Sinaloa                      | fact:sinaloa-cartel-names
                asserted | fkg:basedIn                                   | fkr:mexico                             | fact:sinaloa-cartel-and-cjng-based-in-mexico
                asserted | fkg:mainSourceOf                              | fkr:us-bound-illicit-fentanyl          | fact:mexican-tcos-primary-suppliers-for-us-market
                asserted | fkg:supplies                                  | fkr:fentanyl                           | fact:mexico-based-tcos-supply-fentanyl
                inferred | {TYPE} | http://www.w3.org/ns/org#Organization  |
                inferred | {TYPE} | http://www.w3.org/ns/prov#Agent        |
                inferred | {TYPE} | http://xmlns.com/foaf/0.1/Agent        |
                inferred | {TYPE} | fkg:CriminalOrganization               |
                inferred | {TYPE} | fkg:ForeignTerroristOrganization       |
                inferred | {TYPE} | fkg:SanctionedEntity                   |
                inferred | {TYPE} | fkg:SpeciallyDesignatedGlobalTerrorist |
                inferred | {TYPE} | fkg:TransnationalCriminalOrganization  |
                inferred | fkg:designatedAs                              | fkr:fto-designation-type               |
                inferred | fkg:designatedAs                              | fkr:sdgt-designation-type              |
                inferred | fkg:designatedIn                              | fkr:designation-sinaloa-cartel-fto     |
                inferred | fkg:designatedIn                              | fkr:designation-sinaloa-cartel-sdgt    |
                inferred | fkg:sanctionedUnder                           | fkr:eo-13224                           |
                inferred | fkg:sanctionedUnder                           | fkr:usc-8-1189                         |
                inferred | fkg:sourceOf                                  | fkr:us-bound-illicit-fentanyl          |
                inferred | fkg:trafficks                                 | fkr:fentanyl                           |
                """).replace("{TYPE}", type));

        // run as-is: every resource of the id namespace, and no statement is both asserted and inferred
        var all = run("asserted-vs-inferred.rq");
        Map<List<String>, Set<String>> status = new java.util.HashMap<>();
        for (List<String> r : rows(all, "resource", "property", "value", "status")) {
            assertTrue(r.get(0).startsWith("fkr:"), r.toString());
            status.computeIfAbsent(r.subList(0, 3), k -> new TreeSet<>()).add(r.get(3));
        }
        status.forEach((k, v) -> assertEquals(1, v.size(), k + " is " + v));
        assertTrue(status.containsKey(List.of("fkr:cibanco", type, "fkg:PrimaryMoneyLaunderingConcern")));
        assertEquals(Set.of("inferred"), status.get(List.of("fkr:4-piperidone", "fkg:precursorOf", "fkr:fentanyl")));
        assertEquals(Set.of("asserted"), status.get(List.of("fkr:4-piperidone", "fkg:precursorOf", "fkr:npp")));
    }

    @Test
    @Covers("facts-from-public-sources.rq")
    void factsFromPublicSources() throws Exception {
        var rs = run("facts-from-public-sources.rq");
        // The same, computed from the fact files: the fact graphs with no fkg:quote, each with its dcterms:source IRIs
        // and its number of triples.
        Dataset files = factFiles();
        var evidence = files.asDatasetGraph().getDefaultGraph();
        Node quote = org.apache.jena.graph.NodeFactory.createURI(FKG + "quote");
        Node source = org.apache.jena.graph.NodeFactory.createURI(DCT_SOURCE);
        Set<List<String>> expected = new TreeSet<>(SavedQueriesTest::compareRows);
        files.asDatasetGraph().listGraphNodes().forEachRemaining(g -> {
            if (evidence.contains(g, quote, Node.ANY)) return;
            long size = files.asDatasetGraph().getGraph(g).size();
            evidence.find(g, source, Node.ANY).forEachRemaining(t ->
                    expected.add(List.of(compact(g.getURI()), t.getObject().getURI(), Long.toString(size))));
        });
        List<List<String>> got = rows(rs, "fact", "source", "triples");
        assertEquals(262, got.size());
        assertEquals(new ArrayList<>(expected), got);
        // a few that the report indeed does not state
        assertTrue(got.contains(List.of("fact:sinaloa-cartel-names", "https://thenewsintel.com/designation-of-international-cartels-united-states-department-of-state", "3")));
        assertTrue(got.contains(List.of("fact:fentanyl-wikidata", "https://github.com/dpriskorn/ItemSubjector/blob/HEAD/tests/test_main_subject_item.py", "1")));
        assertFalse(column(rs, "fact").contains("fact:fentanyl-first-synthesized"), "a quoted fact is listed");
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Claims: the supply picture and how fentanyl moves
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("main-source-over-time.rq")
    void mainSourceOverTime() throws Exception {
        // p1-s3: "Since approximately 2019, Mexico has reportedly replaced the People's Republic of China ... as the main
        // source of U.S.-bound illicit fentanyl"; p6-s1: Mexico "again the most significant source ... in 2024" (2025
        // INCSR); p7-s1: the Mexico-based TCOs, especially the Sinaloa Cartel and the CJNG, "primary suppliers ... for the
        // U.S. market" (DEA's 2025 NDTA and ODNI's 2025 ATA)
        String[] columns = cols("sourceLabel", "flowLabel", "when", "statusLabel", "attributedTo", "statedIn", "sentences", "fact");
        String expected = """
                People's Republic of China                        | U.S.-bound illicit fentanyl                                                       | until about 2019 | reported |                                                                                  |                                                                     | p1-s3 | fact:prc-main-source-until-2019
                Mexico                                            | U.S.-bound illicit fentanyl                                                       | since about 2019 | reported |                                                                                  |                                                                     | p1-s3 | fact:mexico-main-source-since-2019
                Mexico                                            | illicit fentanyl and fentanyl analogues significantly affecting the United States | in 2024          | stated   | U.S. Department of State                                                         | 2025 International Narcotics Control Strategy Report                | p6-s1 | fact:mexico-most-significant-source-2024
                Jalisco New Generation Cartel                     | U.S.-bound illicit fentanyl                                                       |                  | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment | p7-s1 | fact:mexican-tcos-primary-suppliers-for-us-market
                Mexico-based transnational criminal organizations | U.S.-bound illicit fentanyl                                                       |                  | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment | p7-s1 | fact:mexican-tcos-primary-suppliers-for-us-market
                Sinaloa Cartel                                    | U.S.-bound illicit fentanyl                                                       |                  | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment | p7-s1 | fact:mexican-tcos-primary-suppliers-for-us-market
                """;
        assertRows(run("main-source-over-time.rq"), columns, expected);
        // the defaults passed as parameters give the same answer; no supply of fentanyl is bound for Mexico
        assertRows(run("main-source-over-time.rq", "drug", "https://w3id.org/fentanyl-kg/id/fentanyl"), columns, expected);
        assertRows(run("main-source-over-time.rq", "country", "https://w3id.org/fentanyl-kg/id/united-states"), columns, expected);
        assertEquals(0, run("main-source-over-time.rq", "country", "https://w3id.org/fentanyl-kg/id/mexico").size());
    }

    @Test
    @Covers("supply-chain.rq")
    void supplyChain() throws Exception {
        // paragraphs 6 to 9: precursors and equipment (p6-s1, p6-s2, p7-s3), diversion (p6-s3), manufacture (p1-s5,
        // p7-s2, p7-s3), main sources (p1-s3, p6-s1, p7-s1), trafficking into the United States (p8-s1, p8-s3),
        // distribution (p8-s2), laundering (p9-s1); hedged steps keep their status, attributed steps their sources
        String[] columns = cols("stageOrder", "subjectLabel", "propertyLabel", "objectLabel", "statusLabel", "attributedTo", "statedIn",
                "when", "sentences");
        String expected = """
                1 | companies in the People's Republic of China               | main source of      | equipment used to manufacture illicit fentanyl                                    | stated   | U.S. Department of State                                                         | 2025 International Narcotics Control Strategy Report                         |                            | p6-s1
                1 | companies in the People's Republic of China               | main source of      | precursor chemicals used to manufacture illicit fentanyl                          | stated   | U.S. Department of State                                                         | 2025 International Narcotics Control Strategy Report                         |                            | p6-s1
                1 | equipment used to manufacture illicit fentanyl            | used to manufacture | fentanyl                                                                          | stated   |                                                                                  |                                                                              |                            | p6-s1
                1 | fentanyl precursors not subject to international controls | exported from       | People's Republic of China                                                        | possible |                                                                                  |                                                                              |                            | p6-s2
                1 | fentanyl precursors not subject to international controls | legal in            | People's Republic of China                                                        | possible |                                                                                  |                                                                              |                            | p6-s2
                1 | fentanyl precursors not subject to international controls | produced in         | People's Republic of China                                                        | possible |                                                                                  |                                                                              |                            | p6-s2
                1 | pill presses                                              | imported from       | People's Republic of China                                                        | reported |                                                                                  |                                                                              |                            | p7-s3
                1 | precursor chemicals used to manufacture illicit fentanyl  | used to manufacture | fentanyl                                                                          | stated   |                                                                                  |                                                                              |                            | p6-s1
                2 | Mexican customs officials                                 | struggles to detect | illicit diversion of precursor chemicals                                          | reported |                                                                                  |                                                                              |                            | p6-s3
                3 | Mexico-based transnational criminal organizations         | main producer of    | fentanyl                                                                          | stated   |                                                                                  |                                                                              |                            | p1-s5
                3 | Mexico-based transnational criminal organizations         | manufactures        | counterfeit medication                                                            | reported |                                                                                  |                                                                              |                            | p7-s3
                3 | Mexico-based transnational criminal organizations         | manufactures        | fentanyl                                                                          | stated   |                                                                                  |                                                                              | no earlier than about 2019 | p7-s2
                3 | Mexico-based transnational criminal organizations         | manufactures in     | Mexico                                                                            | stated   |                                                                                  |                                                                              | no earlier than about 2019 | p7-s2
                3 | Mexico-based transnational criminal organizations         | uses                | pill presses                                                                      | reported |                                                                                  |                                                                              |                            | p7-s3
                3 | counterfeit medication                                    | laced with          | fentanyl                                                                          | reported |                                                                                  |                                                                              |                            | p7-s3
                3 | counterfeit medication                                    | laced with          | methamphetamine                                                                   | reported |                                                                                  |                                                                              |                            | p7-s3
                3 | counterfeit veterinary medication                         | laced with          | fentanyl                                                                          | reported |                                                                                  |                                                                              |                            | p7-s3
                3 | counterfeit veterinary medication                         | laced with          | methamphetamine                                                                   | reported |                                                                                  |                                                                              |                            | p7-s3
                4 | Jalisco New Generation Cartel                             | main source of      | U.S.-bound illicit fentanyl                                                       | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment          |                            | p7-s1
                4 | Mexico                                                    | main source of      | U.S.-bound illicit fentanyl                                                       | reported |                                                                                  |                                                                              | since about 2019           | p1-s3
                4 | Mexico                                                    | main source of      | illicit fentanyl and fentanyl analogues significantly affecting the United States | stated   | U.S. Department of State                                                         | 2025 International Narcotics Control Strategy Report                         | in 2024                    | p6-s1
                4 | Mexico-based transnational criminal organizations         | main source of      | U.S.-bound illicit fentanyl                                                       | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment          |                            | p7-s1
                4 | People's Republic of China                                | main source of      | U.S.-bound illicit fentanyl                                                       | reported |                                                                                  |                                                                              | until about 2019           | p1-s3
                4 | Sinaloa Cartel                                            | main source of      | U.S.-bound illicit fentanyl                                                       | stated   | Drug Enforcement Administration; Office of the Director of National Intelligence | 2025 Annual Threat Assessment; 2025 National Drug Threat Assessment          |                            | p7-s1
                5 | Mexico-based transnational criminal organizations         | traffics into       | United States                                                                     | stated   | U.S. Commission on Combating Synthetic Opioid Trafficking                        | 2022 report of the U.S. Commission on Combating Synthetic Opioid Trafficking |                            | p8-s3
                5 | Mexico-based transnational criminal organizations         | traffics into       | United States                                                                     | stated   |                                                                                  |                                                                              |                            | p8-s1
                5 | U.S.-bound illicit fentanyl                               | conveyance          | passenger vehicles                                                                | stated   | U.S. Commission on Combating Synthetic Opioid Trafficking                        | 2022 report of the U.S. Commission on Combating Synthetic Opioid Trafficking |                            | p8-s3
                5 | U.S.-bound illicit fentanyl                               | route               | U.S.-Mexico land border                                                           | stated   | U.S. Commission on Combating Synthetic Opioid Trafficking                        | 2022 report of the U.S. Commission on Combating Synthetic Opioid Trafficking |                            | p8-s3
                6 | U.S. affiliates of the Mexican TCOs                       | distributes         | fentanyl                                                                          | stated   |                                                                                  |                                                                              |                            | p8-s2
                7 | Mexico-based transnational criminal organizations         | launders money with | Chinese Money Laundering Organizations                                            | stated   | U.S. Department of the Treasury                                                  | 2024 National Money Laundering Risk Assessment                               |                            | p9-s1
                """;
        assertRows(run("supply-chain.rq"), columns, expected);
        assertRows(run("supply-chain.rq", "drug", "https://w3id.org/fentanyl-kg/id/fentanyl"), columns, expected);
        // another drug: no supply flow carries methamphetamine, so the flows' steps drop out and the rest stays
        var meth = run("supply-chain.rq", "drug", "https://w3id.org/fentanyl-kg/id/methamphetamine");
        assertFalse(column(meth, "stageOrder").contains("4"));
        assertFalse(column(meth, "subjectLabel").contains("U.S.-bound illicit fentanyl"));
        assertFalse(column(meth, "propertyLabel").contains("used to manufacture"));
        assertEquals(expected.strip().split("\n").length - 10, meth.size());
    }

    // (end of supply claims)

    // ---------------------------------------------------------------------------------------------------------
    // Claims: the U.S. response and Mexico's actions
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("us-policy-tools.rq")
    void usPolicyTools() throws Exception {
        assertRows(run("us-policy-tools.rq"), cols("kind", "label", "toolTypeLabel", "broaderToolTypeLabel", "agents", "targets", "ends", "legalBasis",
                "effects", "affects", "date", "status", "sentences"), """
                objective | "Secure our borders, dismantle cartel[s] … and stop the illicit flows of drugs and weapons"                                           |                                                       |           | Mexico, United States                |                                                                                                                              |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p10-s3
                objective | "Total elimination" of TCOs in the United States                                                                                      |                                                       |           | Trump Administration                 | TCOs in the United States                                                                                                    |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p10-s1
                objective | Discrete, tactical objectives to counter drug trafficking from Mexico                                                                 |                                                       |           | Trump Administration                 |                                                                                                                              |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p2-s1
                tool      | Counterterrorism sanctions imposed to target drug cartels and their enablers                                                          | counterterrorism sanctions and terrorist designations | sanctions | Trump Administration                 | drug cartels, enablers of drug cartels                                                                                       |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p10-s2
                tool      | Designation of six Mexican cartels as foreign terrorist organizations and specially designated global terrorists (February 2025)      | counterterrorism sanctions and terrorist designations | sanctions | Marco Rubio                          | Cártel del Noreste, Cárteles Unidos, Gulf Cartel, Jalisco New Generation Cartel, La Nueva Familia Michoacana, Sinaloa Cartel |                                                                                                                                         | Executive Order 14157  | additional prosecutorial and enforcement options, immigration-related policy tools, secondary sanctions risks                                                         |                                                                  | 2025-02 | stated   | p12-s3 p12-s4
                tool      | Expansion of the U.S. military presence at the southern border                                                                        | deployment of military or security forces             |           | Trump Administration                 |                                                                                                                              |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p10-s2
                tool      | Pledge by high-level U.S. and Mexican officials to secure borders, dismantle cartels and stop illicit flows of drugs and weapons      | diplomatic commitment                                 |           | Mexico                               |                                                                                                                              | "Secure our borders, dismantle cartel[s] … and stop the illicit flows of drugs and weapons"                                             |                        |                                                                                                                                                                       |                                                                  | 2025-02 | stated   | p10-s3
                tool      | President Trump's initial praise of Mexico's actions against drug cartels                                                             | diplomatic statement                                  |           | President Trump                      | Mexico's actions against drug cartels                                                                                        |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | stated   | p14-s1
                tool      | Reported authorization by President Trump of U.S. military actions against cartels                                                    | military action                                       |           | President Trump                      | drug cartels                                                                                                                 |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  |         | reported | p11-s3
                tool      | FinCEN orders identifying two Mexico-based banks and a Mexico-based brokerage firm as of primary money laundering concern (June 2025) | primary money laundering concern orders               | sanctions | Financial Crimes Enforcement Network | CIBanco, Intercam, Vector Casa de Bolsa                                                                                      |                                                                                                                                         | Fentanyl Sanctions Act | prohibition of certain transmittals of funds involving the designated institution                                                                                     |                                                                  | 2025-06 | stated   | p13-s1 p13-s2
                tool      | OFAC's continued sanctioning of Mexico-based persons pursuant to E.O. 14059                                                           | sanctions                                             |           | Office of Foreign Assets Control     | Mexico-based persons sanctioned by OFAC pursuant to E.O. 14059                                                               |                                                                                                                                         | Executive Order 14059  | ban on entry into the United States, blocking of assets under U.S. jurisdiction, prohibition on U.S. persons engaging in financial transactions with those designated |                                                                  |         | stated   | p12-s1 p12-s2
                tool      | Use of sanctions to pressure the Mexican government                                                                                   | sanctions                                             |           | Trump Administration                 | Mexican government                                                                                                           | Pressure on the Mexican government to do more to combat fentanyl                                                                        |                        |                                                                                                                                                                       |                                                                  |         | stated   | p2-s2
                tool      | President Trump's July 11 letter to Sheinbaum deeming Mexico's efforts "insufficient" and threatening new tariffs                     | tariff threats                                        |           | President Trump                      | Mexico                                                                                                                       |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  | --07-11 | stated   | p14-s1
                tool      | Use of tariff threats to pressure the Mexican government                                                                              | tariff threats                                        |           | Trump Administration                 | Mexican government                                                                                                           | Pressure on the Mexican government to do more to combat fentanyl                                                                        |                        |                                                                                                                                                                       | U.S.-Mexico security and counternarcotics cooperation (possible) |         | stated   | p14-s3 p2-s2
                tool      | 90-day postponement of new U.S. tariffs on Mexico                                                                                     | tariffs                                               |           | President Trump                      | Mexico                                                                                                                       |                                                                                                                                         |                        |                                                                                                                                                                       |                                                                  | --07-31 | stated   | p14-s3
                tool      | Use of tariffs to pressure the Mexican government to take increased antidrug actions                                                  | tariffs                                               |           | Trump Administration                 | Mexican government                                                                                                           | Pressure on the Mexican government to do more to combat fentanyl, Pressure on the Mexican government to take increased antidrug actions |                        |                                                                                                                                                                       |                                                                  |         | stated   | p10-s2 p2-s2
                tool      | Threats of potential U.S. military action against criminal groups                                                                     | threats of military action                            |           | Trump Administration                 | criminal groups                                                                                                              | Pressure on the Mexican government to do more to combat fentanyl                                                                        |                        |                                                                                                                                                                       |                                                                  |         | stated   | p2-s2
                """);
    }

    @Test
    @Covers("mexico-actions.rq")
    void mexicoActions() throws Exception {
        assertRows(run("mexico-actions.rq"), cols("label", "toolTypeLabel", "agents", "targets", "date", "status", "inResponseTo",
                "targetEffects", "sentences"), """
                Deployment of some 10,000 Mexican National Guard troops to Mexico's borders to combat drugs                                      | deployment of military or security forces         | Mexican National Guard, Sheinbaum administration |                                                        |         | stated |                                                                                               |                                                                                                                                     | p11-s2
                Pledge by high-level U.S. and Mexican officials to secure borders, dismantle cartels and stop illicit flows of drugs and weapons | diplomatic commitment                             | United States                                    |                                                        | 2025-02 | stated |                                                                                               |                                                                                                                                     | p10-s3
                Rejection by the Sheinbaum government of any potential U.S. unilateral actions in Mexican territory                              | diplomatic statement                              | Sheinbaum administration                         | Potential U.S. unilateral actions in Mexican territory |         | stated | Reported authorization by President Trump of U.S. military actions against cartels (reported) | Potential U.S. unilateral actions in Mexican territory jeopardizes U.S.-Mexico security and counternarcotics cooperation (possible) | p11-s3
                Mexican President Sheinbaum's willingness to collaborate with U.S. efforts to combat cartels                                     | security cooperation                              | Claudia Sheinbaum                                | drug cartels                                           |         | stated |                                                                                               |                                                                                                                                     | p11-s1
                Permission for expanded U.S. surveillance flights over Mexican territory                                                         | surveillance flights                              | Sheinbaum administration                         |                                                        |         | stated |                                                                                               |                                                                                                                                     | p11-s2
                Transfer of a total of 55 high-level drug traffickers into U.S. custody                                                          | transfer of suspects to another country's custody | Sheinbaum administration                         |                                                        |         | stated |                                                                                               |                                                                                                                                     | p11-s2
                """);
    }

    /** Runs a saved query through the HTTP API (/api/queries/NAME?...), as a client would, and reads its JSON results. */
    private static ResultSetRewindable api(String name, String parameters) throws Exception {
        var r = server.get("/api/queries/" + name + (parameters.isEmpty() ? "" : "?" + parameters), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        var in = new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return org.apache.jena.riot.ResultSetMgr.read(in, org.apache.jena.riot.resultset.ResultSetLang.RS_JSON).rewindable();
    }

    private static final String FEBRUARY_2025_DESIGNATIONS = """
                2025-02-20 | Foreign Terrorist Organization designation        | Cártel del Noreste            | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Cárteles Unidos               | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Gulf Cartel                   | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Jalisco New Generation Cartel | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | La Nueva Familia Michoacana   | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Mara Salvatrucha              | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Sinaloa Cartel                | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Foreign Terrorist Organization designation        | Tren de Aragua                | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Cártel del Noreste            | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Cárteles Unidos               | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Gulf Cartel                   | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Jalisco New Generation Cartel | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | La Nueva Familia Michoacana   | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Mara Salvatrucha              | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Sinaloa Cartel                | Marco Rubio | 2025-02-06 | 2025-02-20
                2025-02-20 | Specially Designated Global Terrorist designation | Tren de Aragua                | Marco Rubio | 2025-02-06 | 2025-02-20
                """;

    private static final String FINCEN_ORDERS_IN_FORCE = """
                2025-10-20 | primary money laundering concern finding | CIBanco              | Financial Crimes Enforcement Network |  | 2025-10-20
                2025-10-20 | primary money laundering concern finding | Intercam             | Financial Crimes Enforcement Network |  | 2025-10-20
                2025-10-20 | primary money laundering concern finding | Vector Casa de Bolsa | Financial Crimes Enforcement Network |  | 2025-10-20
                """;

    @Test
    @Covers("designations-in-force.rq")
    void designationsInForce() throws Exception {
        String[] cols = cols("inForceFrom", "designationTypeLabel", "designeeLabel", "designatedByLabel", "dateSigned", "dateEffective");
        // the day before the February 2025 designations took effect: signed on 2025-02-06, yet none is in force
        var before = api("designations-in-force", "date=2025-02-19");
        assertEquals(0, before.size(), "in force on 2025-02-19: " + rows(before, "designation"));
        // the day they took effect, and the default date (2025-03-01): the sixteen February designations
        var onTheDay = api("designations-in-force", "date=2025-02-20");
        assertRows(onTheDay, cols, FEBRUARY_2025_DESIGNATIONS);
        assertEquals(List.of("2025-02-20"), column(onTheDay, "onDate").stream().distinct().collect(Collectors.toList()));
        var byDefault = api("designations-in-force", "");
        assertRows(byDefault, cols, FEBRUARY_2025_DESIGNATIONS);
        assertEquals(List.of("2025-03-01"), column(byDefault, "onDate").stream().distinct().collect(Collectors.toList()));
        // the FinCEN orders were issued in June 2025 but take effect on 2025-10-20 (no signature date: the effective date decides)
        assertRows(api("designations-in-force", "date=2025-10-19"), cols, FEBRUARY_2025_DESIGNATIONS);
        assertRows(api("designations-in-force", "date=2025-10-20"), cols, FEBRUARY_2025_DESIGNATIONS + FINCEN_ORDERS_IN_FORCE);
        // after the report: Cartel de los Soles, signed 2025-11-16, in force from its publication on 2025-11-24
        assertRows(api("designations-in-force", "date=2025-12-31"), cols, FEBRUARY_2025_DESIGNATIONS + FINCEN_ORDERS_IN_FORCE + """
                2025-11-24 | Foreign Terrorist Organization designation | Cartel de los Soles | Marco Rubio | 2025-11-16 | 2025-11-24
                """);
        // run as-is (date unbound): every designation with the date from which it is in force
        var all = run("designations-in-force.rq");
        assertEquals(20, all.size());
        assertEquals(List.of(""), column(all, "onDate").stream().distinct().collect(Collectors.toList()));
        // a date that is not an xsd:date is refused with the parameter named
        var bad = server.get("/api/queries/designations-in-force?date=2025-02-xx", "application/sparql-results+json");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("date"), bad.body());
    }

    // (end of response claims)

    // ---------------------------------------------------------------------------------------------------------
    // Claims: U.S. aid and Congress
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("us-aid-to-mexico.rq")
    void usAidToMexico() throws Exception {
        var rs = run("us-aid-to-mexico.rq");
        // p15: the whole (in flux) and the items of p15-s2, p15-s3 and p15-s5; p17-s3: the assistance H.R. 4779 would
        // condition; p17-s4: what the accompanying report (H. Rept. 119-217) recommends the assistance focus on.
        assertRows(rs, cols("itemLabel", "kindLabel", "objective", "beneficiaryLabel", "assistanceStatusLabel", "fiscalYear",
                        "amountUSD", "providedByLabel", "withholdingPercentage", "recommendedFocus", "statusLabel", "fact"), """
                Container control program at several Mexican ports | program | help Mexican agencies prevent the illicit diversion of chemical precursors from China | Mexico | provided | | | | | | stated | fact:aid-container-control-program-mexico
                H.R. 4779: counternarcotics assistance to Mexico, 30% withheld until certain security-related conditions are met | funding | counternarcotics assistance | Mexico | proposed | 2026 | | H.R. 4779 (119th Congress) | 30 | | stated | fact:hr-4779-mexico-counternarcotics-assistance-proposed
                Hundreds of canines trained to identify fentanyl | detection animals | identify fentanyl | Mexico | provided | | | | | | stated | fact:aid-detection-canines-mexico
                Lab equipment for drug analysis | equipment | drug analysis | Mexico | provided | | | | | | stated | fact:aid-lab-equipment-mexico
                Protective equipment for dismantling fentanyl labs | equipment | dismantling fentanyl labs | Mexico | provided | | | | | | stated | fact:aid-protective-equipment-mexico
                U.S. counternarcotics aid allocated to Mexico, FY2023: $48 million | funding | counternarcotics aid | Mexico | provided | 2023 | 48000000 | | | | stated | fact:fy2023-counternarcotics-aid-mexico-assistance
                U.S. foreign assistance to Mexico | | supporting U.S.-Mexico antidrug efforts | Mexico | in flux | | | | | combat opioid and other drug trafficking; secure its borders; strengthen judicial and security institutions | stated | fact:us-foreign-assistance-to-mexico-in-flux
                U.S. funding for vetted U.S.-trained and -equipped law enforcement units in Mexico | funding | support vetted U.S.-trained and -equipped law enforcement units in Mexico | Vetted U.S.-trained and -equipped law enforcement units in Mexico | continuing | | | | | | stated | fact:aid-vetted-units-mexico
                """);
        // every item's evidence is a quote of the report
        String report = reportText();
        for (String quote : column(rs, "quote")) assertTrue(report.contains(quote), quote);
        assertEquals(List.of("The role of U.S. foreign assistance in supporting U.S.-Mexico antidrug efforts is in flux"),
                rows(rs, "item", "quote").stream().filter(r -> r.get(0).equals("fkr:us-foreign-assistance-to-mexico"))
                        .map(r -> r.get(1)).collect(Collectors.toList()));
        // the recommendation is the House Appropriations Committee's, stated in H. Rept. 119-217
        var recommendation = server.select("""
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?agent ?document ?status WHERE {
                  GRAPH <https://w3id.org/fentanyl-kg/graph/provenance> {
                    <https://w3id.org/fentanyl-kg/fact/h-rept-119-217-recommendation-assistance-to-mexico>
                        prov:wasAttributedTo ?agent ; fkg:statedIn ?document ; fkg:epistemicStatus ?status } }""");
        assertRows(recommendation, cols("agent", "document", "status"), """
                fkr:house-appropriations-committee | fkr:h-rept-119-217 | fkr:status-stated
                """);
    }

    @Test
    @Covers("congress-levers.rq")
    void congressLevers() throws Exception {
        var rs = run("congress-levers.rq");
        // What Congress has done or has pending (stated), then what the report says it "may" do (possible).
        assertRows(rs, cols("leverLabel", "kinds", "holderLabel", "instruments", "fiscalYear", "statusLabel", "fact"), """
                Legislation the 119th Congress enacted to stiffen penalties for fentanyl trafficking | legislation | 119th Congress | HALT Fentanyl Act, S. 331 (119th Congress) | | stated | fact:lever-119th-congress-fentanyl-penalties
                Other related legislation pending in the 119th Congress | legislation | 119th Congress | H.R. 1577 (119th Congress), S. 860 (119th Congress) | | stated | fact:lever-119th-congress-pending-legislation
                Withholding of 30% of counternarcotics assistance to Mexico until certain security-related conditions are met (H.R. 4779) | appropriations | House Appropriations Committee | H.R. 4779 (119th Congress) | 2026 | stated | fact:lever-hr-4779-mexico-withholding
                Annual State and Defense Department appropriations acts | appropriations | 119th Congress | | | possible | fact:lever-congress-appropriations-acts
                Annual State and Defense Department authorization acts | authorization | 119th Congress | | | possible | fact:lever-congress-authorization-acts
                Assessment by Congress of the adequacy of U.S., Mexican, and bilateral efforts to address fentanyl trafficking | oversight | 119th Congress | | | possible | fact:lever-congress-assess-efforts
                Legislation, including FY2026 appropriations measures, through which Congress may shape future efforts to address fentanyl trafficking | appropriations, legislation | 119th Congress | H.R. 4779 (119th Congress) | 2026 | possible | fact:lever-congress-fy2026-appropriations
                Other legislative vehicles | legislation | 119th Congress | | | possible | fact:lever-congress-other-legislative-vehicles
                Other measures the 119th Congress may consider | legislation | 119th Congress | | | possible | fact:lever-119th-congress-other-measures
                Related oversight activities | oversight | 119th Congress | | | possible | fact:lever-congress-oversight
                """);
        String report = reportText();
        for (String quote : column(rs, "quote")) assertTrue(report.contains(quote), quote);
        // every lever the report hedges with "may" is possible, every other one stated
        for (List<String> r : rows(rs, "quote", "statusLabel")) {
            assertEquals(r.get(0).matches(".*\\bmay\\b.*") ? "possible" : "stated", r.get(1), r.get(0));
        }
    }

    // (end of aid and Congress claims)

    // ---------------------------------------------------------------------------------------------------------
    // Claims: by source and by status
    // ---------------------------------------------------------------------------------------------------------

    @Test
    @Covers("claims-by-status.rq")
    void claimsByStatus() throws Exception {
        // What the report only reports: "reportedly", "appear to", "in response to reports".
        var reported = run("claims-by-status.rq", "status", "https://w3id.org/fentanyl-kg/id/status-reported");
        assertRows(reported, cols("statusLabel", "fact", "attributedToLabel", "statedInLabel", "startTime", "endTime",
                        "timeApproximate", "sentence"), """
                reported | fact:mexico-main-source-since-2019 | | | 2019 | | true | rep:p1-s3
                reported | fact:prc-main-source-until-2019 | | | | 2019 | true | rep:p1-s3
                reported | fact:traffickers-marketing-fentanyl-analogues | | | | | | rep:p4-s1
                reported | fact:mexico-controlled-fentanyl-precursors | U.S. Department of State | 2025 International Narcotics Control Strategy Report | | | | rep:p5-s3
                reported | fact:mexico-watchlist-fentanyl-precursors | U.S. Department of State | 2025 International Narcotics Control Strategy Report | | | | rep:p5-s3
                reported | fact:mexican-customs-struggle-to-detect-precursor-diversion | | | | | | rep:p6-s3
                reported | fact:mexican-tcos-lace-counterfeit-medication | | | | | | rep:p7-s3
                reported | fact:pill-presses-imported-from-china | | | | | | rep:p7-s3
                reported | fact:trump-military-action-authorization-reported | | | | | | rep:p11-s3
                """);
        // What experts dispute, and on whose word.
        var contested = run("claims-by-status.rq", "status", "https://w3id.org/fentanyl-kg/id/status-contested");
        assertRows(contested, cols("fact", "attributedToLabel", "quote"), """
                fact:overdose-deaths-decline-factors-debated | experts (unnamed) | Experts debate the factors behind this decline in overdose deaths
                fact:experts-disagree-on-cause-of-seizure-decline | experts (unnamed) | Experts disagree as to the cause of that decline
                """);
        var estimated = run("claims-by-status.rq", "status", "https://w3id.org/fentanyl-kg/id/status-estimated");
        assertEquals(Set.of("Centers for Disease Control and Prevention"), Set.copyOf(column(estimated, "attributedToLabel")));
        assertEquals(List.of("fact:synthetic-opioid-overdose-deaths-2023", "fact:synthetic-opioid-overdose-deaths-2024",
                "fact:synthetic-opioid-overdose-deaths-decline", "fact:synthetic-opioid-overdose-deaths-decline"), column(estimated, "fact"));
        var possible = run("claims-by-status.rq", "status", "https://w3id.org/fentanyl-kg/id/status-possible");
        assertRows(possible, cols("fact", "attributedToLabel", "sentence"), """
                fact:lever-119th-congress-other-measures | | rep:p2-s3
                fact:lever-congress-assess-efforts | | rep:p2-s4
                fact:lever-congress-fy2026-appropriations | | rep:p2-s4
                fact:lever-congress-fy2026-appropriations-hr-4779 | | rep:p2-s4
                fact:supply-side-policies-possible-factor-in-decline | some experts (unnamed) | rep:p3-s5
                fact:uncontrolled-precursors-legal-in-china | | rep:p6-s2
                fact:us-unilateral-actions-could-jeopardize-cooperation | | rep:p11-s1
                fact:us-tariff-threats-could-affect-cooperation | | rep:p14-s3
                fact:lever-congress-appropriations-acts | | rep:p16-s1
                fact:lever-congress-authorization-acts | | rep:p16-s1
                fact:lever-congress-other-legislative-vehicles | | rep:p16-s1
                fact:lever-congress-oversight | | rep:p16-s1
                fact:lever-congress-fy2026-appropriations-hr-4779 | | rep:p17-s2
                """);
        // As-is, every status; each fact once per status, whatever its number of quotes.
        var all = run("claims-by-status.rq");
        Map<String, Long> factsByStatus = new TreeMap<>();
        rows(all, "statusLabel", "fact").stream().distinct()
                .forEach(r -> factsByStatus.merge(r.get(0), 1L, Long::sum));
        assertEquals(List.of("contested", "estimated", "possible", "reported", "stated"), new ArrayList<>(factsByStatus.keySet()));
        assertEquals(2L, factsByStatus.get("contested"));
        assertEquals(3L, factsByStatus.get("estimated"));
        assertEquals(12L, factsByStatus.get("possible"));
        assertEquals(9L, factsByStatus.get("reported"));
    }

    @Test
    @Covers("claims-by-source.rq")
    void claimsBySource() throws Exception {
        // What the 2025 INCSR says, as opposed to DEA and ODNI.
        var state = run("claims-by-source.rq", "source", "https://w3id.org/fentanyl-kg/id/department-of-state");
        assertRows(state, cols("sourceLabel", "statedInLabel", "statusLabel", "fact", "pointInTime", "sentence"), """
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | reported | fact:mexico-controlled-fentanyl-precursors | | rep:p5-s3
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | reported | fact:mexico-watchlist-fentanyl-precursors | | rep:p5-s3
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | stated | fact:mexico-most-significant-source-2024 | 2024 | rep:p6-s1
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | stated | fact:prc-companies-main-source-of-precursors-and-equipment | | rep:p6-s1
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | stated | fact:prc-companies-main-source-of-precursors-and-equipment | | rep:p6-s1
                U.S. Department of State | 2025 International Narcotics Control Strategy Report | stated | fact:corruption-and-lack-of-capacity-hinder-mexico | | rep:p9-s2
                """);
        // One claim, two sources: each with its own document, never the other's.
        var dea = run("claims-by-source.rq", "source", "https://w3id.org/fentanyl-kg/id/dea");
        assertRows(dea, cols("sourceLabel", "statedInLabel", "fact", "sentence"), """
                Drug Enforcement Administration | 2025 National Drug Threat Assessment | fact:mexican-tcos-primary-suppliers-for-us-market | rep:p7-s1
                Drug Enforcement Administration | 2025 National Drug Threat Assessment | fact:mexico-based-tcos-supply-fentanyl | rep:p7-s1
                """);
        var odni = run("claims-by-source.rq", "source", "https://w3id.org/fentanyl-kg/id/odni");
        assertEquals(List.of("2025 Annual Threat Assessment", "2025 Annual Threat Assessment"), column(odni, "statedInLabel"));
        assertEquals(column(dea, "fact"), column(odni, "fact"));
        // As-is, every attributed claim: agents and facts.
        var all = run("claims-by-source.rq");
        Map<String, Long> factsBySource = new TreeMap<>();
        rows(all, "sourceLabel", "fact").stream().distinct().forEach(r -> factsBySource.merge(r.get(0), 1L, Long::sum));
        assertEquals(Map.ofEntries(
                Map.entry("Centers for Disease Control and Prevention", 3L),
                Map.entry("Drug Enforcement Administration", 2L),
                Map.entry("House Appropriations Committee", 1L),
                Map.entry("Office of the Director of National Intelligence", 2L),
                Map.entry("President Trump", 1L),
                Map.entry("U.S. Commission on Combating Synthetic Opioid Trafficking", 5L),
                Map.entry("U.S. Customs and Border Protection", 1L),
                Map.entry("U.S. Department of State", 5L),
                Map.entry("U.S. Department of the Treasury", 2L),
                Map.entry("experts (unnamed)", 2L),
                Map.entry("some experts (unnamed)", 1L)), factsBySource);
    }

    // (end of claims by source and status)
}
