package org.fentanylkg.http.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.fentanylkg.vocab.FKG;

/**
 * The mapping between the canonical namespace {@code https://w3id.org/fentanyl-kg/} and this server, for one
 * request: {@code https://w3id.org/fentanyl-kg/id/cjng} is served at {@code {base}id/cjng}. RDF keeps the
 * canonical IRIs; links meant for a browser point at this server.
 */
public record Links(String base) {

    /** The canonical IRI of a path on this server ({@code /id/cjng} → {@code https://w3id.org/fentanyl-kg/id/cjng}). */
    public static String canonical(String path) {
        return FKG.BASE + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Whether an IRI is in the canonical namespace. */
    public static boolean inNamespace(String iri) { return iri.startsWith(FKG.BASE); }

    /** Where this server serves a canonical IRI; any other IRI is returned as it is. */
    public String local(String iri) {
        return inNamespace(iri) ? base + iri.substring(FKG.BASE.length()) : iri;
    }

    /** A path of this server ("query", "dumps/fentanyl-kg.ttl") as an absolute URL. */
    public String at(String path) { return base + (path.startsWith("/") ? path.substring(1) : path); }

    /**
     * The link a page gives for a node: this server for the canonical namespace, the IRI itself for any other
     * http(s) IRI; null for anything else (a blank node, a literal, or an IRI of another scheme such as
     * {@code javascript:}), which is never made a link.
     */
    public String href(Node n) {
        if (n == null || !n.isURI()) return null;
        String iri = n.getURI();
        if (inNamespace(iri)) return local(iri);
        return iri.startsWith("http://") || iri.startsWith("https://") ? iri : null;
    }

    /** The query UI with a query filled in (and run when {@code run}). */
    public String queryUi(String query, boolean run) {
        return at("query") + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (run ? "&run=1" : "");
    }
}
