package org.fentanylkg.vocab;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The configuration vocabulary of {@code fuseki-config.ttl} ({@code fkgc:}), in the manner of Jena's
 * {@link org.apache.jena.vocabulary.RDFS}: every term the code reads is declared here and nowhere else, so that
 * the configuration can be checked against {@link #terms()} (a misspelt term is an error, not a silent default).
 */
public final class FKGC {
    private FKGC() {}

    /** The namespace of the vocabulary. */
    public static final String NS = "https://w3id.org/fentanyl-kg/config#";

    /** The namespace of the vocabulary, as a string. */
    public static String getURI() { return NS; }

    // Before the terms: each one adds itself as it is created.
    private static final Set<Resource> TERMS = new LinkedHashSet<>();

    /** The namespace of the vocabulary, as a resource. */
    public static final Resource NAMESPACE = ResourceFactory.createResource(NS);

    // Datasets (a fuseki:dataset's rdf:type).

    /** A dataset built in memory from the sources at start ({@link #sources}), with OWL 2 RL inference materialised. */
    public static final Resource KnowledgeGraph = resource("KnowledgeGraph");
    /** A dataset served from a TDB2 store built by {@code fentanyl-kg load} ({@link #location}); nothing recomputed at start. */
    public static final Resource Store = resource("Store");
    /** Of a {@link #KnowledgeGraph}: the folder holding ontology/, data/ and queries/; a relative path is resolved against the configuration file's folder. */
    public static final Property sources = property("sources");
    /** Of a {@link #Store}: the folder of the store. */
    public static final Property location = property("location");

    // Limits of the public endpoint (on the fuseki:Server node).

    /** At most this many rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in an answer. */
    public static final Property resultCap = property("resultCap");
    /** The longest query text accepted, in characters. */
    public static final Property maxQueryLength = property("maxQueryLength");
    /** The largest request body accepted, in bytes. */
    public static final Property maxRequestBody = property("maxRequestBody");
    /** The largest request line plus headers accepted, in bytes. */
    public static final Property maxRequestHeader = property("maxRequestHeader");
    /** The password file that turns the administrative path ({@code POST /$/reload}) on; absent, the path is off. */
    public static final Property adminPasswordFile = property("adminPasswordFile");

    // Caches and operations (on the fuseki:Server node).

    /** Memory for the response cache of the linked-data pages and saved queries, in bytes; 0 turns it off. */
    public static final Property responseCacheBytes = property("responseCacheBytes");
    /** Memory for the answer cache of the SPARQL endpoints, in bytes; 0 turns it off. */
    public static final Property answerCacheBytes = property("answerCacheBytes");
    /** How long requests in flight may finish after SIGTERM, in milliseconds. */
    public static final Property shutdownGrace = property("shutdownGrace");

    // Linked data.

    /** The public base IRI of the linked-data links behind a proxy; absent, each request's own scheme://host:port/. */
    public static final Property publicBase = property("publicBase");

    /** Every term of the vocabulary, in the order declared. */
    public static Set<Resource> terms() { return Collections.unmodifiableSet(TERMS); }

    /** {@code fkgc:localName}, for messages. */
    public static String shortForm(Resource term) {
        String uri = term.getURI();
        return uri != null && uri.startsWith(NS) ? "fkgc:" + uri.substring(NS.length()) : String.valueOf(uri);
    }

    private static Resource resource(String local) {
        Resource r = ResourceFactory.createResource(NS + local);
        TERMS.add(r);
        return r;
    }

    private static Property property(String local) {
        Property p = ResourceFactory.createProperty(NS, local);
        TERMS.add(p);
        return p;
    }
}
