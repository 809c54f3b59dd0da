package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.fentanylkg.vocab.FKGC;

/**
 * Where this server answers for the canonical namespace {@code https://w3id.org/fentanyl-kg/}: the public base
 * IRI that links, VoID and the service description are written with. {@code fkgc:publicBase} in the
 * configuration (on the {@code fuseki:Server} or the dataset; {@code serve --public-base} sets it), else each
 * request's own {@code scheme://host:port/}.
 */
public final class PublicBase {
    private final String configured;

    private PublicBase(String configured) { this.configured = configured; }

    /** The base from the request alone. */
    public static PublicBase fromRequests() { return new PublicBase(null); }

    /** A fixed base; it must be an absolute http(s) IRI without query or fragment. */
    public static PublicBase of(String base) { return new PublicBase(check(base, "public base")); }

    /**
     * A public base as given by a user; {@code where} (an option or a term) starts the message when it is not an
     * absolute http(s) IRI without query or fragment. The result ends with a slash.
     */
    public static URI iri(String base, String where) { return URI.create(check(base, where)); }

    /** The base the configuration sets, else the request's own. */
    public static PublicBase fromConfig(Model config) {
        if (config == null) return fromRequests();
        Set<String> values = config.listObjectsOfProperty(FKGC.publicBase).toList().stream()
                .map(PublicBase::text).collect(Collectors.toSet());
        if (values.size() > 1) {
            throw new IllegalArgumentException("fuseki-config.ttl: fkgc:publicBase is given " + values.size()
                    + " different values " + values + "; give one");
        }
        return values.isEmpty() ? fromRequests() : new PublicBase(check(values.iterator().next(), "fuseki-config.ttl: fkgc:publicBase"));
    }

    private static String text(RDFNode n) {
        return n.isURIResource() ? n.asResource().getURI() : n.isLiteral() ? n.asLiteral().getLexicalForm().strip() : n.toString();
    }

    private static String check(String base, String place) {
        String where = place.isEmpty() ? "" : place + ": ";
        try {
            URI uri = new URI(base);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(where + "'" + base + "' is not an absolute http(s) IRI such as https://kg.example.org/");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(where + "'" + base + "' must have no query and no fragment");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + "'" + base + "' is not an IRI: " + e.getReason());
        }
        return base.endsWith("/") ? base : base + "/";
    }

    /** The configured base, if one is. */
    public Optional<String> configured() { return Optional.ofNullable(configured); }

    /** The base for a request: the configured one, else {@code scheme://host[:port]/context/}. */
    public String forRequest(HttpServletRequest request) {
        if (configured != null) return configured;
        String scheme = request.getScheme();
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath() + "/";
    }
}
