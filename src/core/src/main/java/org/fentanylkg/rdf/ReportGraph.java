package org.fentanylkg.rdf;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.source.ReportText;
import org.fentanylkg.vocab.FKG;

/**
 * The report as RDF: the document (a NIF context holding the full text), its paragraphs and sentences, each
 * with its text and character offsets. These IRIs are what every quote in the graph points back to.
 */
public final class ReportGraph {
    private ReportGraph() {}

    public static Node reportIri(ReportText report) { return NodeFactory.createURI(FKG.REPORT + report.id()); }

    public static Node paragraphIri(ReportText report, int paragraph) {
        return NodeFactory.createURI(FKG.REPORT + report.id() + "/p" + paragraph);
    }

    public static Node sentenceIri(ReportText report, ReportText.Sentence s) {
        return NodeFactory.createURI(FKG.REPORT + report.id() + "/p" + s.paragraph() + "-s" + s.number());
    }

    public static Graph build(ReportText report) {
        Graph g = GraphFactory.createDefaultGraph();
        Node doc = reportIri(report);
        g.add(Triple.create(doc, RDF.Nodes.type, FKG.nifContext));
        g.add(Triple.create(doc, FKG.nifIsString, NodeFactory.createLiteralString(report.text())));
        Node previous = null;
        for (ReportText.Paragraph p : report.paragraphs()) {
            Node para = paragraphIri(report, p.number());
            span(g, para, FKG.Paragraph, doc, p.text(), p.begin(), p.end());
            g.add(Triple.create(para, FKG.dctIsPartOf, doc));
            for (ReportText.Sentence s : p.sentences()) {
                Node sent = sentenceIri(report, s);
                span(g, sent, FKG.Sentence, doc, s.text(), s.begin(), s.end());
                g.add(Triple.create(sent, FKG.dctIsPartOf, para));
                if (previous != null) g.add(Triple.create(previous, FKG.nifNextSentence, sent));
                previous = sent;
            }
        }
        return g;
    }

    /** The NIF description shared by paragraphs, sentences and located quotes. */
    static void span(Graph g, Node node, Node type, Node context, String text, int begin, int end) {
        g.add(Triple.create(node, RDF.Nodes.type, type));
        g.add(Triple.create(node, FKG.nifAnchorOf, NodeFactory.createLiteralString(text)));
        g.add(Triple.create(node, FKG.nifBeginIndex, offset(begin)));
        g.add(Triple.create(node, FKG.nifEndIndex, offset(end)));
        g.add(Triple.create(node, FKG.nifReferenceContext, context));
    }

    private static Node offset(int i) {
        return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDnonNegativeInteger);
    }
}
