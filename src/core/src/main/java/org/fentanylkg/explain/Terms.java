package org.fentanylkg.explain;

import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;

/**
 * The subject, predicate and object of a triple to explain, as a request or the command line writes them:
 * an IRI (bare or in {@code <...>}), a prefixed name of the project's prefixes ({@code fkr:fentanyl},
 * {@code fkg:precursorOf}, {@code rdf:type}, or {@code a}), and for the object also a literal in N-Triples or
 * Turtle form ({@code "1959"^^<http://www.w3.org/2001/XMLSchema#gYear>}, {@code "1959"^^xsd:gYear}, {@code "x"@en}).
 */
public final class Terms {
    /** The prefixes the project writes its data with. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("fkg", FKG.NS)
            .setNsPrefix("fkr", FKG.RESOURCE)
            .setNsPrefix("fact", FKG.FACT)
            .setNsPrefix("report", FKG.REPORT)
            .setNsPrefix("org", "http://www.w3.org/ns/org#")
            .setNsPrefix("dcterms", FKG.DCTERMS)
            .setNsPrefix("skos", FKG.SKOS)
            .setNsPrefix("prov", FKG.PROV)
            .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
            .setNsPrefix("nif", FKG.NIF)
            .lock();

    // SPARQL/Turtle local names may start with a digit (fkr:4-piperidone), unlike XML names
    private static final Pattern LOCAL_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?");

    private Terms() {}

    /** A triple from its three parts; the exception names the part that is wrong ("s", "p" or "o"). */
    public static Triple triple(String s, String p, String o) throws TermException {
        return Triple.create(resource("s", s), predicate(p), object(o));
    }

    static Node resource(String name, String value) throws TermException {
        if (value == null || value.isBlank()) throw new TermException(name, "a value is required: an IRI such as <" + FKG.RESOURCE + "fentanyl> or fkr:fentanyl");
        String v = value.strip();
        if (v.startsWith("_:")) throw new TermException(name, "blank nodes cannot be named from outside the graph: '" + value + "'");
        Node n = iri(v);
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
                Node n = NodeFactoryExtra.parseNode(v, PrefixMapFactory.create(PREFIXES));
                if (n.isLiteral()) return n;
            } catch (RuntimeException e) {
                // reported below
            }
            throw new TermException("o", "'" + value + "' is not a literal in N-Triples form (\"text\", \"text\"@en or \"1959\"^^<datatype IRI>)");
        }
        return resource("o", v);
    }

    /** An IRI from {@code <iri>}, a prefixed name or a bare absolute IRI; null when it is none of these. */
    private static Node iri(String v) {
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        else {
            int colon = v.indexOf(':');
            if (colon > 0) {
                String ns = PREFIXES.getNsPrefixURI(v.substring(0, colon));
                if (ns != null && !v.startsWith(v.substring(0, colon) + "://")) v = ns + v.substring(colon + 1);
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

    /** A readable short form: prefixed name where a project prefix applies, else the N-Triples form. */
    public static String shortForm(Node n) {
        if (n.isURI()) {
            String iri = n.getURI();
            for (var e : PREFIXES.getNsPrefixMap().entrySet()) {
                String local = iri.startsWith(e.getValue()) ? iri.substring(e.getValue().length()) : null;
                if (local != null && LOCAL_NAME.matcher(local).matches()) return e.getKey() + ":" + local;
            }
            return "<" + iri + ">";
        }
        return NodeFmtLib.str(n, PrefixMapFactory.create(PREFIXES));
    }
}
