package org.fentanylkg.http.linkeddata;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.vocab.FKG;

/**
 * What the server says about one IRI: its own triples (asserted and inferred, each with the graphs that hold
 * it), its inverse links, the evidence of every fact among them, and the same as an RDF graph
 * ({@link #rdf()}), where each triple is also reified ({@code rdf:Statement}) with {@code dcterms:isPartOf} the
 * named graph(s) holding it: a fact graph or a fixed graph for an asserted triple, {@code graph/inferred} for an
 * inferred one.
 *
 * @param subject        the IRI described
 * @param statements     triples with the subject as subject, ordered
 * @param inverse        triples with the subject as object (at most {@link Describer#MAX_INVERSE})
 * @param inverseTotal   how many inverse triples there are in all
 * @param factTriples    when the subject is a fact graph, the triples it holds; else empty
 * @param evidence       the evidence of each fact graph that holds one of the triples, by fact IRI
 * @param labels         labels of the graph
 * @param rdf            the description as RDF
 */
public record Description(Node subject, List<Statement> statements, List<Statement> inverse, int inverseTotal,
                          List<Triple> factTriples, Map<Node, Evidence> evidence, Labels labels, Graph rdf) {

    /** A triple with the named graphs holding it (never graph/asserted, which holds everything asserted). */
    public record Statement(Triple triple, boolean inferred, List<Node> graphs) {
        /** The fact graphs among {@link #graphs()}. */
        public List<Node> facts() {
            return graphs.stream().filter(g -> g.isURI() && g.getURI().startsWith(FKG.FACT)).toList();
        }
    }

    /** The evidence of one fact: located quotes of the report, public sources, curators' notes. */
    public record Evidence(Node fact, List<Quote> quotes, List<Node> sources, List<String> notes) {}

    /** A quote of the report, its offsets and the sentence(s) it lies in. */
    public record Quote(Node iri, String text, int begin, int end, List<Sentence> sentences) {}

    public record Sentence(Node iri, String text) {}
}
