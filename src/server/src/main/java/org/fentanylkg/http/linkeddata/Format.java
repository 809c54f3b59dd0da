package org.fentanylkg.http.linkeddata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The server's one format table: every representation a non-SPARQL endpoint writes, with its media type (Jena's
 * {@link WebContent}), its Jena language ({@link Lang} for RDF, {@link ResultSetLang} for query results), the
 * writer's {@link RDFFormat} for RDF, and its file suffix, which is also its {@code ?format=} name. The lists below
 * say what each endpoint offers, in order of preference (the first is the default); {@link Negotiation} chooses
 * among them and nothing else names a media type.
 */
public enum Format {
    TURTLE(WebContent.contentTypeTurtle, "ttl", Lang.TURTLE, RDFFormat.TURTLE_PRETTY, List.of(), "turtle"),
    JSONLD(WebContent.contentTypeJSONLD, "jsonld", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY, List.of(), "json-ld"),
    RDFXML(WebContent.contentTypeRDFXML, "rdf", Lang.RDFXML, RDFFormat.RDFXML_PRETTY, List.of(), "rdfxml", "xml"),
    NTRIPLES(WebContent.contentTypeNTriples, "nt", Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8, List.of(), "ntriples", "n-triples"),
    NQUADS(WebContent.contentTypeNQuads, "nq", Lang.NQUADS, RDFFormat.NQUADS_UTF8, List.of(), "nquads", "n-quads"),
    HTML(WebContent.contentTypeHTML, "html", null, null, List.of(), "htm"),
    /** SPARQL results in JSON; a client asking for plain {@code application/json} gets them too. */
    RESULTS_JSON(WebContent.contentTypeResultsJSON, "json", ResultSetLang.RS_JSON, null, List.of(WebContent.contentTypeJSON), "srj"),
    RESULTS_XML(WebContent.contentTypeResultsXML, "xml", ResultSetLang.RS_XML, null, List.of(), "srx"),
    CSV(WebContent.contentTypeTextCSV, "csv", ResultSetLang.RS_CSV, null, List.of()),
    TSV(WebContent.contentTypeTextTSV, "tsv", ResultSetLang.RS_TSV, null, List.of()),
    /** JSON documents of this server's own shape (search hits, explanations, the saved-query catalogue). */
    JSON(WebContent.contentTypeJSON, "json", null, null, List.of(), "map"),
    /** RFC 9457 problem details: the error format of every endpoint but SPARQL's. */
    PROBLEM(HttpError.MEDIA_TYPE, "problem", null, null, List.of()),
    // The site's static files (AssetServlet), by suffix.
    CSS("text/css", "css", null, null, List.of()),
    JAVASCRIPT("text/javascript", "js", null, null, List.of()),
    SVG("image/svg+xml", "svg", null, null, List.of()),
    PNG("image/png", "png", null, null, List.of()),
    ICON("image/x-icon", "ico", null, null, List.of());

    /** What a resource IRI offers (linked data), in order of preference for {@code Accept: *}{@code /*}. */
    public static final List<Format> DESCRIPTION = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES, HTML);
    /** The RDF serializations of a graph. */
    public static final List<Format> GRAPH = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES);
    /** The dumps, by file suffix: the default graph in three syntaxes and the whole dataset in N-Quads. */
    public static final List<Format> DUMPS = List.of(TURTLE, NTRIPLES, NQUADS, JSONLD);
    /** SELECT and ASK answers of the saved-query API. */
    public static final List<Format> RESULTS = List.of(RESULTS_JSON, CSV, TSV, RESULTS_XML);
    /** CONSTRUCT and DESCRIBE answers of the saved-query API. */
    public static final List<Format> GRAPH_RESULTS = List.of(TURTLE, NTRIPLES, JSONLD, RDFXML);
    /** Search hits ({@code /api/search}). */
    public static final List<Format> SEARCH = List.of(JSON, CSV);
    /** JSON-only endpoints ({@code /api/explain}, {@code /api/queries}). */
    public static final List<Format> JSON_ONLY = List.of(JSON);
    /** An error: problem details, or a page for a browser. */
    public static final List<Format> ERROR = List.of(PROBLEM, HTML);
    /** The static files served from the jar, by suffix. */
    public static final List<Format> ASSETS = List.of(CSS, JAVASCRIPT, SVG, PNG, ICON, HTML, JSON);

    /**
     * What each non-SPARQL endpoint offers, by path (and by query form for a saved query), each list with the default
     * first: for the OpenAPI description and for tests that every advertised format works. A format's
     * {@link #formatName()} is its suffix ({@code /api/queries/{name}.csv}, {@code /dumps/fentanyl-kg.ttl}) or
     * {@code ?format=} value (linked data); {@link #mediaType()} and {@link #alsoAccepted()} are what Accept may name.
     */
    public static final Map<String, List<Format>> OFFERS;

    static {
        Map<String, List<Format>> m = new LinkedHashMap<>();
        m.put("/api/queries", JSON_ONLY);
        m.put("/api/queries/{name} SELECT ASK", RESULTS);
        m.put("/api/queries/{name} CONSTRUCT DESCRIBE", GRAPH_RESULTS);
        m.put("/api/search", SEARCH);
        m.put("/api/explain", JSON_ONLY);
        m.put("/{path} (linked data)", DESCRIPTION);
        m.put("/dumps/fentanyl-kg", DUMPS);
        OFFERS = Collections.unmodifiableMap(m);
    }

    private final String mediaType;
    private final String suffix;
    private final Lang lang;
    private final RDFFormat rdf;
    private final List<String> alsoAccepted;
    private final List<String> aliases;

    Format(String mediaType, String suffix, Lang lang, RDFFormat rdf, List<String> alsoAccepted, String... aliases) {
        this.mediaType = mediaType;
        this.suffix = suffix;
        this.lang = lang;
        this.rdf = rdf;
        this.alsoAccepted = alsoAccepted;
        this.aliases = List.of(aliases);
    }

    public String mediaType() { return mediaType; }

    /** The file suffix and {@code ?format=} value ({@code ttl}). */
    public String formatName() { return suffix; }

    /** Other names {@code ?format=} takes for it ({@code turtle}). */
    public List<String> aliases() { return aliases; }

    /** Further media types an Accept header may name to get this format ({@code application/json} for SPARQL JSON results). */
    public List<String> alsoAccepted() { return alsoAccepted; }

    /** Jena's language: an RDF syntax or a result-set format; null for HTML and this server's own JSON. */
    public Lang lang() { return lang; }

    /** The RDF writer's format; null when this is not an RDF syntax. */
    public RDFFormat rdf() { return rdf; }

    /** The Content-Type header: text says its charset (everything this server writes is UTF-8); an image does not. */
    public String contentType() { return mediaType.startsWith("image/") ? mediaType : mediaType + "; charset=utf-8"; }

    /** Whether a media type is text whose charset belongs in Content-Type: {@code text/*}, N-Triples, N-Quads, TriG. */
    public static boolean textual(String mediaType) {
        String t = mediaType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.equals(WebContent.contentTypeNTriples) || t.equals(WebContent.contentTypeNQuads)
                || t.equals(WebContent.contentTypeTriG);
    }

    /** The offer named by a suffix, a {@code ?format=} alias or a media type; the offers' order breaks ties. */
    public static Optional<Format> byName(String value, List<Format> offers) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Format f : offers) if (f.suffix.equals(v) || f.mediaType.equals(v)) return Optional.of(f);
        for (Format f : offers) if (f.aliases.contains(v) || f.alsoAccepted.contains(v)) return Optional.of(f);
        return Optional.empty();
    }

    /** Any format of the table by that name (see {@link #byName(String, List)}). */
    public static Optional<Format> byName(String value) { return byName(value, List.of(values())); }
}
