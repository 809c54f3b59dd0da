package org.fentanylkg.vocab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;

/**
 * The one prefix map of the project: the namespaces the ontology, the report, the fact files and the saved queries
 * write with, plus those of the dataset's own descriptions (VoID, DCAT, SPARQL service description). Every
 * serialization, JSON-LD context, page, the query editor, the CLI's {@code query} and {@code explain}, and the
 * saved-query API name a term the same way with it.
 */
public final class Prefixes {
    private Prefixes() {}

    private static final Map<String, String> MAP;
    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fkg", FKG.NS);
        m.put("fkr", FKG.RESOURCE);
        m.put("fact", FKG.FACT);
        m.put("report", FKG.REPORT);
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", FKG.SKOS);
        m.put("dcterms", FKG.DCTERMS);
        m.put("prov", FKG.PROV);
        m.put("org", "http://www.w3.org/ns/org#");
        m.put("foaf", "http://xmlns.com/foaf/0.1/");
        m.put("nif", FKG.NIF);
        m.put("vann", "http://purl.org/vocab/vann/");
        m.put("wd", "http://www.wikidata.org/entity/");
        m.put("void", "http://rdfs.org/ns/void#");
        m.put("dcat", "http://www.w3.org/ns/dcat#");
        m.put("sd", "http://www.w3.org/ns/sparql-service-description#");
        MAP = Collections.unmodifiableMap(m);
    }

    /** The shared prefixes; locked. */
    public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefixes(MAP).lock();

    private static final PrefixMap PREFIX_MAP = PrefixMapFactory.create(PREFIXES);

    /** Prefix → namespace, in a stable order (read-only). */
    public static Map<String, String> map() { return MAP; }

    /**
     * A term as Turtle and SPARQL write it: a prefixed name where a shared prefix applies and the rest is a legal
     * local name ({@code fkr:4-piperidone}), else {@code <iri>}; literals and blank nodes in Turtle form.
     * Jena's {@code PrefixMapping.shortForm} would also abbreviate {@code report:IF10400/p3-s2}, which no parser reads back.
     */
    public static String shortForm(Node n) { return NodeFmtLib.str(n, PREFIX_MAP); }

    /** As {@link #shortForm(Node)} for an IRI. */
    public static String shortForm(String iri) { return shortForm(NodeFactory.createURI(iri)); }

    /** The part of an IRI after its last '#' or '/' (the whole IRI when that is empty): a term's name without a label. */
    public static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return i >= 0 && i < iri.length() - 1 ? iri.substring(i + 1) : iri;
    }

    /** The namespace of {@code prefix} (without its colon), or null when it is not a shared prefix. */
    public static String namespace(String prefix) { return PREFIXES.getNsPrefixURI(prefix); }

    /** The PREFIX lines of a SPARQL query, one per shared prefix. */
    public static String sparqlDeclarations() {
        StringBuilder sb = new StringBuilder();
        map().forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }

    /** The shared prefixes as a sentence: "fkg:, fkr:, ...". */
    public static String known() { return String.join(", ", map().keySet().stream().map(p -> p + ":").toList()); }
}
