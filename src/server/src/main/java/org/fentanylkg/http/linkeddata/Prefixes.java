package org.fentanylkg.http.linkeddata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.shared.PrefixMapping;
import org.fentanylkg.vocab.FKG;

/**
 * The prefixes every serialization, the published JSON-LD context and the query editor share, so that a term
 * reads the same in Turtle, in JSON-LD and in a SPARQL query.
 */
public final class Prefixes {
    private Prefixes() {}

    private static final Map<String, String> MAP;
    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fkg", FKG.NS);
        m.put("fkr", FKG.RESOURCE);
        m.put("fact", FKG.FACT);
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
        m.put("wd", "http://www.wikidata.org/entity/");
        m.put("void", "http://rdfs.org/ns/void#");
        m.put("dcat", "http://www.w3.org/ns/dcat#");
        m.put("sd", "http://www.w3.org/ns/sparql-service-description#");
        MAP = Collections.unmodifiableMap(m);
    }

    private static final PrefixMapping STANDARD = PrefixMapping.Factory.create().setNsPrefixes(MAP).lock();

    /** The shared prefixes (read-only). */
    public static PrefixMapping standard() { return STANDARD; }

    /** Prefix → namespace, in a stable order. */
    public static Map<String, String> map() { return MAP; }

    /** The PREFIX lines of a SPARQL query, one per shared prefix. */
    public static String sparqlDeclarations() {
        StringBuilder sb = new StringBuilder();
        MAP.forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }

    /** {@code fkg:Cartel} for an IRI in a shared namespace whose local part needs no escaping, else {@code <iri>}. */
    public static String shortForm(String iri) {
        for (var e : MAP.entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && iri.length() > ns.length() && iri.substring(ns.length()).matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")
                    && !iri.endsWith(".")) {
                return e.getKey() + ":" + iri.substring(ns.length());
            }
        }
        return "<" + iri + ">";
    }
}
