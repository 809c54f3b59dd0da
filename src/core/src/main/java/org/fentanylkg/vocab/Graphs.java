package org.fentanylkg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The named graphs of the dataset. The default graph is {@link #ASSERTED} ∪ {@link #INFERRED}, plus the labels and
 * definitions, from {@link #VOCABULARIES}, of the external terms it uses;
 * each curated fact is also its own named graph under {@link FKG#FACT}, described in {@link #PROVENANCE}.
 */
public final class Graphs {
    private Graphs() {}

    /** The ontology (TBox). */
    public static final Node ONTOLOGY = graph("ontology");
    /** The report as text: document, paragraphs, sentences, offsets. */
    public static final Node REPORT = graph("report");
    /** Evidence of every fact graph: quotes located in the report, public sources. */
    public static final Node PROVENANCE = graph("provenance");
    /** Everything loaded from the repository: ontology, report, facts and provenance. */
    public static final Node ASSERTED = graph("asserted");
    /** What OWL 2 RL inference adds, and nothing else. */
    public static final Node INFERRED = graph("inferred");
    /**
     * The published files of the external vocabularies the graph reuses (W3C ORG, PROV-O, SKOS, ...), whole.
     * Not inferred from; the labels and definitions of the terms the graph uses are also in the default graph.
     */
    public static final Node VOCABULARIES = graph("vocabularies");

    private static Node graph(String name) { return NodeFactory.createURI(FKG.GRAPH + name); }
}
