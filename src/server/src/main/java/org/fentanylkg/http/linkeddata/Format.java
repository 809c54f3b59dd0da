package org.fentanylkg.http.linkeddata;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.WebContent;

/** The representations the server offers, by media type and by {@code ?format=} name. */
public enum Format {
    TURTLE(WebContent.contentTypeTurtle, "ttl", RDFFormat.TURTLE_PRETTY, "turtle"),
    JSONLD(WebContent.contentTypeJSONLD, "jsonld", RDFFormat.JSONLD11_PRETTY, "json-ld"),
    RDFXML(WebContent.contentTypeRDFXML, "rdf", RDFFormat.RDFXML_PRETTY, "rdfxml", "xml"),
    NTRIPLES(WebContent.contentTypeNTriples, "nt", RDFFormat.NTRIPLES_UTF8, "ntriples", "n-triples"),
    NQUADS(WebContent.contentTypeNQuads, "nq", RDFFormat.NQUADS_UTF8, "nquads", "n-quads"),
    HTML(WebContent.contentTypeHTML, "html", null, "htm");

    /** What a resource IRI offers, in order of preference for {@code Accept: *}{@code /*}. */
    public static final List<Format> DESCRIPTION = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES, HTML);
    /** The RDF serializations of a graph. */
    public static final List<Format> GRAPH = List.of(TURTLE, JSONLD, RDFXML, NTRIPLES);

    private final String mediaType;
    private final String name;
    private final RDFFormat rdf;
    private final List<String> aliases;

    Format(String mediaType, String name, RDFFormat rdf, String... aliases) {
        this.mediaType = mediaType;
        this.name = name;
        this.rdf = rdf;
        this.aliases = List.of(aliases);
    }

    public String mediaType() { return mediaType; }

    /** The {@code ?format=} value and file extension. */
    public String formatName() { return name; }

    public RDFFormat rdf() { return rdf; }

    public boolean isRdf() { return rdf != null; }

    /** The Content-Type header: every text format here is UTF-8. */
    public String contentType() { return mediaType + "; charset=utf-8"; }

    public static Optional<Format> byName(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.name.equals(v) || f.aliases.contains(v) || f.mediaType.equals(v)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
