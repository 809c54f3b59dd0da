package org.fentanylkg.http.linkeddata;

import org.fentanylkg.vocab.Prefixes;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;

/**
 * The SPARQL 1.1 Service Description of a query endpoint: the language, the result formats Fuseki writes, and the
 * default dataset (the default graph, asserted ∪ inferred, and every named graph with its size).
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {}

    public static Model build(String endpoint, Statistics stats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Prefixes.map());
        Property triples = m.createProperty(DatasetDescription.VOID, "triples");
        Resource service = m.createResource(endpoint);
        service.addProperty(RDF.type, m.createResource(SD + "Service"));
        service.addProperty(m.createProperty(SD, "endpoint"), service);
        service.addProperty(m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
        for (String f : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "RDF_XML", "JSON-LD"}) {
            service.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + f));
        }
        service.addProperty(DCTerms.title, "fentanyl-kg SPARQL endpoint (read-only)", "en");

        Resource dataset = m.createResource();
        dataset.addProperty(RDF.type, m.createResource(SD + "Dataset"));
        dataset.addProperty(m.createProperty("http://rdfs.org/ns/void#", "sparqlEndpoint"), service);
        dataset.addProperty(DCTerms.isPartOf, m.createResource(FKG.BASE));
        service.addProperty(m.createProperty(SD, "defaultDataset"), dataset);

        Resource dflt = m.createResource();
        dflt.addProperty(RDF.type, m.createResource(SD + "Graph"));
        dflt.addProperty(DCTerms.description, "Everything asserted (ontology, report, facts, provenance) plus everything OWL 2 RL inference adds.", "en");
        dflt.addLiteral(triples, count(m, stats.triples()));
        dataset.addProperty(m.createProperty(SD, "defaultGraph"), dflt);

        for (Map.Entry<Node, Long> e : stats.graphTriples().entrySet()) {
            Resource named = m.createResource();
            named.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
            named.addProperty(m.createProperty(SD, "name"), m.createResource(e.getKey().getURI()));
            Resource g = m.createResource();
            g.addProperty(RDF.type, m.createResource(SD + "Graph"));
            g.addLiteral(triples, count(m, e.getValue()));
            named.addProperty(m.createProperty(SD, "graph"), g);
            dataset.addProperty(m.createProperty(SD, "namedGraph"), named);
        }
        return m;
    }

    /** A count as xsd:integer, as VoID's examples write it. */
    static org.apache.jena.rdf.model.Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
    }
}
