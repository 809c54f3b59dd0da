package org.fentanylkg.http.security;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKGC;

/**
 * The limits of the public endpoint, read from the {@code fuseki:Server} node of {@code fuseki-config.ttl}
 * ({@code fkgc:} terms, plus ARQ's {@code arq:queryTimeout} and {@code arq:httpServiceAllowed} in its
 * {@code ja:context}). Every value has a safe default, so a configuration that says nothing is still safe.
 *
 * @param queryTimeoutMs    overall query time limit (ARQ's {@code arq:queryTimeout})
 * @param serviceAllowed    whether SPARQL {@code SERVICE} may call other hosts ({@code arq:httpServiceAllowed})
 * @param resultCap         at most this many rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in a response
 * @param maxQueryLength    the longest query text accepted, in characters
 * @param maxRequestBody    the largest request body accepted, in bytes
 * @param maxRequestHeader  the largest request line plus headers accepted, in bytes
 * @param adminPasswordFile the password file of the administrative path; absent means the path is off
 */
public record SecuritySettings(long queryTimeoutMs, boolean serviceAllowed, long resultCap, int maxQueryLength,
                               long maxRequestBody, int maxRequestHeader, Optional<Path> adminPasswordFile) {

    public static final long DEFAULT_QUERY_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_RESULT_CAP = 10_000;
    public static final int DEFAULT_MAX_QUERY_LENGTH = 16 * 1024;
    public static final long DEFAULT_MAX_REQUEST_BODY = 64 * 1024;
    public static final int DEFAULT_MAX_REQUEST_HEADER = 64 * 1024;

    private static final Property JA_CONTEXT = ResourceFactory.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#context");
    private static final Property JA_CXT_NAME = ResourceFactory.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtName");
    private static final Property JA_CXT_VALUE = ResourceFactory.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue");

    public SecuritySettings {
        require(queryTimeoutMs > 0, "arq:queryTimeout must be positive (milliseconds)");
        require(resultCap > 0, "fkgc:resultCap must be positive");
        require(maxQueryLength > 0, "fkgc:maxQueryLength must be positive");
        require(maxRequestBody >= maxQueryLength, "fkgc:maxRequestBody must be at least fkgc:maxQueryLength");
        require(maxRequestHeader >= 8 * 1024, "fkgc:maxRequestHeader must be at least 8192 bytes");
    }

    /** The defaults, as if the configuration said nothing. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(DEFAULT_QUERY_TIMEOUT_MS, false, DEFAULT_RESULT_CAP, DEFAULT_MAX_QUERY_LENGTH,
                DEFAULT_MAX_REQUEST_BODY, DEFAULT_MAX_REQUEST_HEADER, Optional.empty());
    }

    /** The settings of the configuration's server node; defaults where it says nothing. */
    public static SecuritySettings from(Model config) {
        Resource server = config == null ? null
                : config.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).nextOptional().orElse(null);
        if (server == null) return defaults();
        long timeout = contextValue(server, ARQ.queryTimeout.getSymbol())
                .map(v -> Timeouts.parseTimeoutStr(v, java.util.concurrent.TimeUnit.MILLISECONDS).getRight())
                .filter(ms -> ms > 0)
                .orElse(DEFAULT_QUERY_TIMEOUT_MS);
        boolean service = contextValue(server, ARQ.httpServiceAllowed.getSymbol()).map(Boolean::parseBoolean).orElse(false);
        return new SecuritySettings(timeout, service,
                number(server, FKGC.resultCap, DEFAULT_RESULT_CAP),
                (int) number(server, FKGC.maxQueryLength, DEFAULT_MAX_QUERY_LENGTH),
                number(server, FKGC.maxRequestBody, DEFAULT_MAX_REQUEST_BODY),
                (int) number(server, FKGC.maxRequestHeader, DEFAULT_MAX_REQUEST_HEADER),
                Optional.ofNullable(server.getProperty(FKGC.adminPasswordFile)).map(s -> Path.of(s.getString())));
    }

    /** A {@code ja:context} entry of the server node, by the full or the {@code arq:} short name of its symbol. */
    private static Optional<String> contextValue(Resource server, String symbol) {
        String shortName = symbol.replace(ARQ.arqParamNS, "arq:");
        for (Statement cxt : server.listProperties(JA_CONTEXT).toList()) {
            if (!cxt.getObject().isResource()) continue;
            Resource entry = cxt.getResource();
            Statement name = entry.getProperty(JA_CXT_NAME);
            Statement value = entry.getProperty(JA_CXT_VALUE);
            if (name == null || value == null) continue;
            String n = name.getObject().isURIResource() ? name.getResource().getURI() : name.getString();
            if (n.equals(symbol) || n.equals(shortName)) return Optional.of(lexical(value.getObject()));
        }
        return Optional.empty();
    }

    private static long number(Resource server, Property p, long dflt) {
        Statement s = server.getProperty(p);
        if (s == null) return dflt;
        try {
            return Long.parseLong(lexical(s.getObject()).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fuseki-config.ttl: " + p.getLocalName() + " must be a whole number, not '" + lexical(s.getObject()) + "'");
        }
    }

    private static String lexical(RDFNode n) { return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString(); }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException("fuseki-config.ttl: " + message);
    }
}
