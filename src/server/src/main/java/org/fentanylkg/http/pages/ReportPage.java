package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * The report as a page: its text, paragraph by paragraph and sentence by sentence (each sentence has the id of
 * its IRI, so {@code #p7-s1} lands on it), with every mention of a known entity linked to the entity's page and
 * a link from each sentence to the facts that cite it.
 */
final class ReportPage {
    private ReportPage() {}

    private record Span(Node iri, int begin, int end) {}

    /** The report of the dataset: the NIF context of the report graph (the first by IRI if there were several). */
    static Node reportIri(DatasetGraph dsg) {
        return dsg.getGraph(Graphs.REPORT).find(Node.ANY, RDF.Nodes.type, FKG.nifContext).toList().stream()
                .map(Triple::getSubject).min(Comparator.comparing(Node::getURI)).orElse(null);
    }

    static boolean isReport(DatasetGraph dsg, Node iri) {
        return dsg.getGraph(Graphs.REPORT).contains(iri, RDF.Nodes.type, FKG.nifContext);
    }

    static Map<String, Object> view(DatasetGraph dsg, Node report, Mentions mentions, Labels labels, Links links) {
        Graph g = dsg.getGraph(Graphs.REPORT);
        String text = g.find(report, FKG.nifIsString, Node.ANY).nextOptional().map(t -> t.getObject().getLiteralLexicalForm()).orElse("");
        List<Span> paragraphs = spans(g, report, FKG.Paragraph);
        List<Span> sentences = spans(g, report, FKG.Sentence);
        Map<Node, Integer> factsPerSentence = new HashMap<>();
        dsg.getDefaultGraph().find(Node.ANY, FKG.provWasDerivedFrom, Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(FKG.FACT)) factsPerSentence.merge(t.getObject(), 1, Integer::sum);
        });

        Map<String, Object> page = Templates.page(links, report, labels.of(report), "report");
        page.put("iri", report.getURI());
        List<Map<String, Object>> ps = new ArrayList<>();
        int linked = 0;
        for (Span p : paragraphs) {
            List<Map<String, Object>> ss = new ArrayList<>();
            int at = p.begin();
            for (Span s : sentences) {
                if (s.begin() < p.begin() || s.end() > p.end()) continue;
                List<Map<String, Object>> segments = new ArrayList<>();
                if (s.begin() > at) segments.add(View.of("text", text.substring(at, s.begin()), "href", null));
                String sentence = text.substring(s.begin(), s.end());
                int cursor = 0;
                for (Mentions.Mention m : mentions.find(sentence)) {
                    if (m.begin() > cursor) segments.add(View.of("text", sentence.substring(cursor, m.begin()), "href", null));
                    segments.add(View.of("text", sentence.substring(m.begin(), m.end()), "href", links.local(m.resource().getURI()),
                            "title", labels.of(m.resource())));
                    cursor = m.end();
                    linked++;
                }
                if (cursor < sentence.length()) segments.add(View.of("text", sentence.substring(cursor), "href", null));
                int facts = factsPerSentence.getOrDefault(s.iri(), 0);
                ss.add(View.of("id", Values.sentenceId(s.iri()), "href", links.local(s.iri().getURI()), "segments", segments,
                        "facts", facts, "hasFacts", facts > 0));
                at = s.end();
            }
            ps.add(View.of("id", Values.sentenceId(p.iri()), "href", links.local(p.iri().getURI()), "sentences", ss,
                    "tail", at < p.end() ? text.substring(at, p.end()) : null));
        }
        page.put("paragraphs", ps);
        page.put("mentions", linked);
        page.put("sentenceCount", sentences.size());
        return page;
    }

    private static List<Span> spans(Graph g, Node report, Node type) {
        List<Span> out = new ArrayList<>();
        for (Triple t : g.find(Node.ANY, RDF.Nodes.type, type).toList()) {
            Node n = t.getSubject();
            if (!g.contains(n, FKG.nifReferenceContext, report)) continue;
            int begin = offset(g, n, FKG.nifBeginIndex);
            int end = offset(g, n, FKG.nifEndIndex);
            if (begin >= 0 && end >= begin) out.add(new Span(n, begin, end));
        }
        out.sort(Comparator.comparingInt(Span::begin));
        return out;
    }

    private static int offset(Graph g, Node n, Node p) {
        return g.find(n, p, Node.ANY).nextOptional().map(t -> Integer.parseInt(t.getObject().getLiteralLexicalForm())).orElse(-1);
    }
}
