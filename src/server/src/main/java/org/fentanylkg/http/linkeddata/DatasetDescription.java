package org.fentanylkg.http.linkeddata;

import org.fentanylkg.vocab.Prefixes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * The dataset's VoID and DCAT description, served at {@code /.well-known/void} (and as the RDF of the
 * namespace root): counts, classes, properties, named graphs, license and source (those the ontology declares),
 * the SPARQL endpoint and the dumps with their sizes. The dataset's IRI is the namespace root,
 * {@code https://w3id.org/fentanyl-kg/}.
 */
public final class DatasetDescription {
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String PATH = ".well-known/void";
    public static final String TITLE = "fentanyl-kg";
    public static final String DESCRIPTION = "A knowledge graph of the Congressional Research Service report \"Illicit Fentanyl "
            + "and Mexico's Role\" (In Focus IF10400, version of 2025-08-26) and of facts checked against public sources: "
            + "criminal organizations, government bodies, chemicals and their control, laws, designations and sanctions, "
            + "appropriations and statistics. Every fact points back to the sentence of the report that states it, or to "
            + "the public source it came from; OWL 2 RL inferences are materialised and kept apart in their own named graph.";

    private DatasetDescription() {}

    /** The description (call inside a read transaction). */
    public static Model build(DatasetGraph dsg, Statistics stats, Map<Dumps.Dump, Long> dumpSizes, Instant served, Links links) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Prefixes.map());
        Property triples = m.createProperty(VOID, "triples");
        Resource ds = m.createResource(FKG.BASE);
        ds.addProperty(RDF.type, m.createResource(VOID + "Dataset"));
        ds.addProperty(RDF.type, m.createResource(DCAT + "Dataset"));
        ds.addProperty(DCTerms.title, TITLE, "en");
        ds.addProperty(DCTerms.description, DESCRIPTION, "en");

        // License and source: as the ontology declares them (the project states no other).
        Node ontology = org.apache.jena.graph.NodeFactory.createURI(FKG.ONTOLOGY_IRI);
        var onto = dsg.getGraph(Graphs.ONTOLOGY);
        onto.find(ontology, DCTerms.license.asNode(), Node.ANY).forEachRemaining(t -> ds.addProperty(DCTerms.license, m.asRDFNode(t.getObject())));
        onto.find(ontology, DCTerms.source.asNode(), Node.ANY).forEachRemaining(t -> ds.addProperty(DCTerms.source, m.asRDFNode(t.getObject())));
        dsg.getGraph(Graphs.REPORT).find(Node.ANY, RDF.Nodes.type, FKG.nifContext)
                .forEachRemaining(t -> ds.addProperty(DCTerms.source, m.asRDFNode(t.getSubject())));
        String day = served.atZone(ZoneOffset.UTC).toLocalDate().toString();
        ds.addProperty(DCTerms.created, m.createTypedLiteral(day, XSDDatatype.XSDdate));
        ds.addProperty(DCTerms.modified, m.createTypedLiteral(served.toString(), XSDDatatype.XSDdateTime));

        ds.addLiteral(triples, count(m, stats.triples()));
        ds.addLiteral(m.createProperty(VOID, "entities"), count(m, stats.entities()));
        ds.addLiteral(m.createProperty(VOID, "classes"), count(m, stats.classInstances().size()));
        ds.addLiteral(m.createProperty(VOID, "properties"), count(m, stats.propertyTriples().size()));
        ds.addLiteral(m.createProperty(VOID, "distinctSubjects"), count(m, stats.distinctSubjects()));
        ds.addLiteral(m.createProperty(VOID, "distinctObjects"), count(m, stats.distinctObjects()));
        ds.addProperty(m.createProperty(VOID, "uriSpace"), FKG.RESOURCE);
        ds.addProperty(m.createProperty(VOID, "vocabulary"), m.createResource(FKG.ONTOLOGY_IRI));
        for (String vocab : List.of("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", FKG.SKOS, FKG.DCTERMS,
                "http://xmlns.com/foaf/0.1/", FKG.NIF)) {
            ds.addProperty(m.createProperty(VOID, "vocabulary"), m.createResource(vocab));
        }
        Resource endpoint = m.createResource(links.at("kg/sparql"));
        ds.addProperty(m.createProperty(VOID, "sparqlEndpoint"), endpoint);
        ds.addProperty(m.createProperty(DCAT, "landingPage"), m.createResource(links.base()));
        for (String f : List.of("Turtle", "N-Triples", "N-Quads", "JSON-LD", "RDF_XML")) {
            ds.addProperty(m.createProperty(VOID, "feature"), m.createResource("http://www.w3.org/ns/formats/" + f));
        }

        for (Map.Entry<Node, Long> e : stats.classInstances().entrySet()) {
            Resource part = m.createResource();
            part.addProperty(m.createProperty(VOID, "class"), m.asRDFNode(e.getKey()));
            part.addLiteral(m.createProperty(VOID, "entities"), count(m, e.getValue()));
            ds.addProperty(m.createProperty(VOID, "classPartition"), part);
        }
        for (Map.Entry<Node, Long> e : stats.propertyTriples().entrySet()) {
            Resource part = m.createResource();
            part.addProperty(m.createProperty(VOID, "property"), m.asRDFNode(e.getKey()));
            part.addLiteral(triples, count(m, e.getValue()));
            ds.addProperty(m.createProperty(VOID, "propertyPartition"), part);
        }
        // The fixed named graphs as subsets (the fact graphs are listed by the service description).
        for (Map.Entry<Node, Long> e : stats.graphTriples().entrySet()) {
            if (!e.getKey().getURI().startsWith(FKG.GRAPH)) continue;
            Resource g = m.createResource(e.getKey().getURI());
            g.addProperty(RDF.type, m.createResource(VOID + "Dataset"));
            g.addLiteral(triples, count(m, e.getValue()));
            g.addProperty(m.createProperty(VOID, "sparqlEndpoint"), endpoint);
            ds.addProperty(m.createProperty(VOID, "subset"), g);
        }

        for (Dumps.Dump d : Dumps.Dump.values()) {
            Resource url = m.createResource(links.at(d.path()));
            ds.addProperty(m.createProperty(VOID, "dataDump"), url);
            Resource dist = m.createResource();
            dist.addProperty(RDF.type, m.createResource(DCAT + "Distribution"));
            dist.addProperty(DCTerms.title, d.title(), "en");
            dist.addProperty(m.createProperty(DCAT, "downloadURL"), url);
            dist.addProperty(m.createProperty(DCAT, "mediaType"),
                    m.createResource("https://www.iana.org/assignments/media-types/" + d.format().mediaType()));
            Long size = dumpSizes.get(d);
            if (size != null) dist.addLiteral(m.createProperty(DCAT, "byteSize"), count(m, size));
            ds.addProperty(m.createProperty(DCAT, "distribution"), dist);
        }

        endpoint.addProperty(RDF.type, m.createResource(DCAT + "DataService"));
        endpoint.addProperty(DCTerms.title, "fentanyl-kg SPARQL endpoint", "en");
        endpoint.addProperty(m.createProperty(DCAT, "endpointURL"), endpoint);
        endpoint.addProperty(m.createProperty(DCAT, "endpointDescription"), endpoint);
        endpoint.addProperty(m.createProperty(DCAT, "servesDataset"), ds);

        Resource doc = m.createResource(links.at(PATH));
        doc.addProperty(RDF.type, m.createResource(VOID + "DatasetDescription"));
        doc.addProperty(DCTerms.title, "VoID and DCAT description of fentanyl-kg", "en");
        doc.addProperty(m.createProperty("http://xmlns.com/foaf/0.1/", "primaryTopic"), ds);
        return m;
    }

    /** A count as xsd:integer, as VoID's examples write it. */
    static org.apache.jena.rdf.model.Literal count(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger);
    }
}
