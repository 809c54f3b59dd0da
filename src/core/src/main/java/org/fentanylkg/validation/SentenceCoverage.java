package org.fentanylkg.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.vocab.FKG;

/**
 * Which of the report's sentences are the evidence of at least one fact: a sentence is covered when a located
 * quote of some fact lies (wholly or in part) in it. Every sentence of the report should be.
 */
public record SentenceCoverage(int total, List<Uncovered> uncovered) {

    /** A sentence no fact rests on: its IRI and text. */
    public record Uncovered(String iri, String text) {}

    public int covered() { return total - uncovered.size(); }

    public boolean complete() { return uncovered.isEmpty(); }

    /** From the report graph (its sentences) and the provenance graph (the quotes' fkg:sentence links). */
    public static SentenceCoverage of(Graph report, Graph provenance) {
        record Sentence(Node iri, long begin, String text) {}
        List<Sentence> sentences = new ArrayList<>();
        report.find(Node.ANY, RDF.Nodes.type, FKG.Sentence).forEachRemaining(t -> {
            Node s = t.getSubject();
            sentences.add(new Sentence(s, Long.parseLong(value(report, s, FKG.nifBeginIndex)), value(report, s, FKG.nifAnchorOf)));
        });
        sentences.sort(Comparator.comparingLong(Sentence::begin));
        List<Uncovered> uncovered = new ArrayList<>();
        for (Sentence s : sentences) {
            if (!provenance.contains(Node.ANY, FKG.sentence, s.iri())) uncovered.add(new Uncovered(s.iri().getURI(), s.text()));
        }
        return new SentenceCoverage(sentences.size(), List.copyOf(uncovered));
    }

    private static String value(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).nextOptional().map(Triple::getObject).map(Node::getLiteralLexicalForm).orElse("");
    }

    @Override
    public String toString() { return "sentences covered: " + covered() + "/" + total; }
}
