package org.fentanylkg.explain;

import java.util.Locale;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Prefixes;

/**
 * The subject, predicate and object of a triple to explain, as a request or the command line writes them:
 * an IRI (bare or in {@code <...>}), a prefixed name of the shared {@link Prefixes} ({@code fkr:fentanyl},
 * {@code fkg:precursorOf}, {@code rdf:type}, or {@code a}), and for the object also a literal in N-Triples or
 * Turtle form ({@code "1959"^^<http://www.w3.org/2001/XMLSchema#gYear>}, {@code "1959"^^xsd:gYear}, {@code "x"@en}).
 */
public final class Terms {
    /**
     * Schemes of the bare IRIs a user may type without {@code <>} and without "//" after the colon; any other
     * {@code name:rest} is read as a prefixed name, so that a mistyped prefix is reported as one.
     */
    private static final Set<String> OPAQUE_SCHEMES = Set.of("urn", "mailto", "tag", "info", "doi", "isbn");

    private Terms() {}

    /** A triple from its three parts; the exception names the part that is wrong ("s", "p" or "o"). */
    public static Triple triple(String s, String p, String o) throws TermException {
        return Triple.create(resource("s", s), predicate(p), object(o));
    }

    static Node resource(String name, String value) throws TermException {
        if (value == null || value.isBlank()) throw new TermException(name, "a value is required: an IRI such as <" + FKG.RESOURCE + "fentanyl> or fkr:fentanyl");
        String v = value.strip();
        if (v.startsWith("_:")) throw new TermException(name, "blank nodes cannot be named from outside the graph: '" + value + "'");
        Node n = iri(name, v);
        if (n == null) throw new TermException(name, "'" + value + "' is not an IRI (write <https://...>, https://... or a prefixed name such as fkr:fentanyl)");
        return n;
    }

    static Node predicate(String value) throws TermException {
        if (value != null && value.strip().equals("a")) return RDF.Nodes.type;
        return resource("p", value);
    }

    static Node object(String value) throws TermException {
        if (value == null || value.isBlank()) throw new TermException("o", "a value is required: an IRI, or a literal such as \"1959\"^^<http://www.w3.org/2001/XMLSchema#gYear>");
        String v = value.strip();
        if (v.startsWith("\"") || v.startsWith("'")) {
            try {
                Node n = NodeFactoryExtra.parseNode(v, PrefixMapFactory.create(Prefixes.PREFIXES));
                if (n.isLiteral()) return n;
            } catch (RuntimeException e) {
                // reported below
            }
            throw new TermException("o", "'" + value + "' is not a literal in N-Triples form (\"text\", \"text\"@en or \"1959\"^^<datatype IRI>)");
        }
        return resource("o", v);
    }

    /**
     * An IRI from {@code <iri>}, a prefixed name or a bare absolute IRI ({@code https://...}, {@code urn:...});
     * null when it is none of these.
     * @throws TermException for {@code name:local} whose prefix is not a shared one
     */
    private static Node iri(String part, String v) throws TermException {
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        else {
            int colon = v.indexOf(':');
            if (colon >= 0) {
                String prefix = v.substring(0, colon);
                String ns = Prefixes.namespace(prefix);
                if (ns != null) v = ns + v.substring(colon + 1);
                else if (!v.startsWith("//", colon + 1) && !OPAQUE_SCHEMES.contains(prefix.toLowerCase(Locale.ROOT))) {
                    throw new TermException(part, "unknown prefix '" + prefix + ":' in '" + v + "'; known prefixes: " + Prefixes.known());
                }
            }
        }
        try {
            IRIx iri = IRIx.create(v);
            return iri.isReference() ? NodeFactory.createURI(v) : null; // has a scheme; isAbsolute() excludes fragments
        } catch (IRIException e) {
            return null;
        }
    }

    /** The N-Triples form of a term: the "o" parameter of an explanation link. */
    public static String ntriples(Node n) {
        return NodeFmtLib.strNT(n);
    }
}
