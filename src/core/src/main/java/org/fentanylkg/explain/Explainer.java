package org.fentanylkg.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.fentanylkg.inference.Derivation;
import org.fentanylkg.inference.Derivations;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * Explains the triples of a knowledge graph:
 * <pre>  Optional&lt;Explanation&gt; why = Explainer.of(dsg, derivations).explain(triple);</pre>
 * An inferred triple is explained by the derivation the reasoner recorded
 * ({@code Closure.derivation(triple)}, or the copy a TDB2 store keeps: {@link #of(DatasetGraph,
 * Derivations)}), its premises recursively, down to asserted triples;
 * an asserted triple by its evidence: the fact graph that states it, with the fact's quote of the report
 * (located in its sentence) or public source, or the ontology or report graph it belongs to.
 */
public final class Explainer {
    /** Deeper than any derivation in the project's graph; a guard against a pathological one. */
    private static final int MAX_DEPTH = 64;

    private final DatasetGraph dsg;
    private final Derivations derivations;

    private Explainer(DatasetGraph dsg, Derivations derivations) {
        this.dsg = dsg;
        this.derivations = derivations;
    }

    /**
     * Explains the triples of {@code dsg} (with the named-graph layout of a knowledge graph) from
     * {@code derivations}, which must be those of the closure {@code dsg} holds. Each explanation is computed in one
     * read transaction on {@code dsg}.
     */
    public static Explainer of(DatasetGraph dsg, Derivations derivations) { return new Explainer(dsg, derivations); }

    /** Where the derivations come from. */
    public Derivations derivations() { return derivations; }

    /** The explanation of a triple; empty when the graph does not hold it. */
    public Optional<Explanation> explain(Triple t) {
        return Txn.calculateRead(dsg, () -> {
            if (!dsg.getDefaultGraph().contains(t)) return Optional.empty();
            return Optional.of(explain(t, new HashMap<>(), new LinkedHashSet<>()));
        });
    }

    private Explanation explain(Triple t, Map<Triple, Explanation> done, Set<Triple> path) {
        Explanation known = done.get(t);
        if (known != null) return known;
        Optional<Derivation> d = derivations.derivation(t);
        Explanation e;
        if (d.isEmpty()) {
            e = new Explanation(t, Explanation.Status.ASSERTED, null, null, List.of(), List.of(), evidence(t));
        } else {
            path.add(t);
            List<Explanation> premises = new ArrayList<>();
            for (Triple p : d.get().premises()) {
                // derivations are recorded in order, so premises never lead back; the guard is for safety only
                if (path.contains(p) || path.size() > MAX_DEPTH) continue;
                premises.add(explain(p, done, path));
            }
            path.remove(t);
            e = new Explanation(t, Explanation.Status.INFERRED, d.get().rule(), d.get().ruleDescription(),
                    d.get().axioms(), premises, List.of());
        }
        done.put(t, e);
        return e;
    }

    /** Where an asserted triple is stated: each fact graph holding it, else the fixed graph it is in. */
    List<Evidence> evidence(Triple t) {
        List<Evidence> out = new ArrayList<>();
        Iterator<Quad> quads = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        List<Node> facts = new ArrayList<>();
        while (quads.hasNext()) {
            Node g = quads.next().getGraph();
            if (g.isURI() && g.getURI().startsWith(FKG.FACT)) facts.add(g);
        }
        facts.sort(Comparator.comparing(Node::getURI));
        for (Node fact : facts) out.add(factEvidence(fact));
        for (var fixed : List.of(Map.entry(Graphs.ONTOLOGY, Evidence.Origin.ONTOLOGY), Map.entry(Graphs.REPORT, Evidence.Origin.REPORT),
                Map.entry(Graphs.PROVENANCE, Evidence.Origin.PROVENANCE))) {
            if (dsg.contains(fixed.getKey(), t.getSubject(), t.getPredicate(), t.getObject())) {
                out.add(new Evidence(fixed.getValue(), fixed.getKey().getURI(), List.of(), List.of(), List.of()));
            }
        }
        if (out.isEmpty()) out.add(new Evidence(Evidence.Origin.OTHER, Graphs.ASSERTED.getURI(), List.of(), List.of(), List.of()));
        return out;
    }

    private Evidence factEvidence(Node fact) {
        Node prov = Graphs.PROVENANCE;
        List<Quoted> quotes = new ArrayList<>();
        for (Node q : objects(prov, fact, FKG.evidence)) {
            String text = objects(prov, q, FKG.nifAnchorOf).stream().findFirst().map(Node::getLiteralLexicalForm).orElse("");
            long begin = objects(prov, q, FKG.nifBeginIndex).stream().findFirst()
                    .map(n -> Long.parseLong(n.getLiteralLexicalForm())).orElse(Long.MAX_VALUE);
            for (Node sentence : objects(prov, q, FKG.sentence)) {
                String sentenceText = objects(Graphs.REPORT, sentence, FKG.nifAnchorOf).stream().findFirst()
                        .map(Node::getLiteralLexicalForm).orElse("");
                quotes.add(new Quoted(begin, new Evidence.Quote(text, sentence.getURI(), sentenceText)));
            }
        }
        quotes.sort(Comparator.comparingLong(Quoted::begin).thenComparing(q -> q.quote().sentence()));
        List<String> sources = objects(prov, fact, FKG.dctSource).stream().map(Node::getURI).sorted().toList();
        // Sorted, as the rest: a graph's order is not the file's, and differs between stores.
        List<String> notes = objects(prov, fact, FKG.skosEditorialNote).stream().map(Node::getLiteralLexicalForm).sorted().toList();
        return new Evidence(Evidence.Origin.FACT, fact.getURI(), quotes.stream().map(Quoted::quote).toList(), sources, notes);
    }

    private record Quoted(long begin, Evidence.Quote quote) {}

    private List<Node> objects(Node graph, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(graph, s, p, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }
}
