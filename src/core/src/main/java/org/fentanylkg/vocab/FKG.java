package org.fentanylkg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The project's namespaces and the handful of terms the Java code itself writes or reads. */
public final class FKG {
    private FKG() {}

    public static final String BASE = "https://w3id.org/fentanyl-kg/";
    /** Ontology terms (hash namespace, like W3C ORG). */
    public static final String NS = BASE + "ontology#";
    public static final String ONTOLOGY_IRI = BASE + "ontology";
    /** Resources described by the graph. */
    public static final String RESOURCE = BASE + "id/";
    /** Fact graphs (one named graph per curated fact). */
    public static final String FACT = BASE + "fact/";
    /** Reports, their paragraphs and sentences. */
    public static final String REPORT = BASE + "report/";
    /** The dataset's fixed named graphs. */
    public static final String GRAPH = BASE + "graph/";

    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    public static Node term(String localName) { return NodeFactory.createURI(NS + localName); }

    // Terms the loader writes.
    public static final Node Report = term("Report");
    public static final Node Paragraph = term("Paragraph");
    public static final Node Sentence = term("Sentence");
    public static final Node Assertion = term("Assertion");
    public static final Node Quotation = term("Quotation");
    public static final Node quote = term("quote");
    public static final Node evidence = term("evidence");
    public static final Node sentence = term("sentence");

    // The claim layer: stated about a fact graph beside its evidence (see the ontology's "Claims" section).
    public static final Node epistemicStatus = term("epistemicStatus");
    public static final Node statedIn = term("statedIn");
    public static final Node startTime = term("startTime");
    public static final Node endTime = term("endTime");
    public static final Node pointInTime = term("pointInTime");
    public static final Node earliestTime = term("earliestTime");
    public static final Node latestTime = term("latestTime");
    public static final Node timeApproximate = term("timeApproximate");
    /** The status of a fact whose file states none. */
    public static final Node statusStated = NodeFactory.createURI(RESOURCE + "status-stated");

    public static final Node nifContext = NodeFactory.createURI(NIF + "Context");
    public static final Node nifAnchorOf = NodeFactory.createURI(NIF + "anchorOf");
    public static final Node nifBeginIndex = NodeFactory.createURI(NIF + "beginIndex");
    public static final Node nifEndIndex = NodeFactory.createURI(NIF + "endIndex");
    public static final Node nifIsString = NodeFactory.createURI(NIF + "isString");
    public static final Node nifReferenceContext = NodeFactory.createURI(NIF + "referenceContext");
    public static final Node nifNextSentence = NodeFactory.createURI(NIF + "nextSentence");

    public static final Node dctSource = NodeFactory.createURI(DCTERMS + "source");
    public static final Node dctIsPartOf = NodeFactory.createURI(DCTERMS + "isPartOf");
    public static final Node provWasDerivedFrom = NodeFactory.createURI(PROV + "wasDerivedFrom");
    public static final Node provWasAttributedTo = NodeFactory.createURI(PROV + "wasAttributedTo");
    public static final Node skosEditorialNote = NodeFactory.createURI(SKOS + "editorialNote");
}
