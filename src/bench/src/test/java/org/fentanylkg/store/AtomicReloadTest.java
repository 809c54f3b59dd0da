package org.fentanylkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.vocab.Graphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloading a served store: a query sees the old state or the new, never a mix; a transaction begun on the old
 * state keeps seeing it to its end; new transactions see the new state.
 */
class AtomicReloadTest {
    /** One query that reads the default graph and two named graphs: a mix of states would show here. */
    private static final String COUNTS = "SELECT ?all ?asserted ?inferred {"
            + " { SELECT (COUNT(*) AS ?all) { ?s ?p ?o } }"
            + " { SELECT (COUNT(*) AS ?asserted) { GRAPH <" + Graphs.ASSERTED.getURI() + "> { ?s ?p ?o } } }"
            + " { SELECT (COUNT(*) AS ?inferred) { GRAPH <" + Graphs.INFERRED.getURI() + "> { ?s ?p ?o } } } }";

    @TempDir static Path tmp;
    private static KnowledgeGraph a;
    private static KnowledgeGraph b;
    private static String stateA;
    private static String stateB;
    private static KnowledgeGraphStore store;
    private static ServingDataset served;

    @BeforeAll
    static void twoStates() throws Exception {
        a = SyntheticKnowledgeGraph.build(1, 4_000);
        b = SyntheticKnowledgeGraph.build(2, 6_000);
        stateA = counts(a);
        stateB = counts(b);
        assertNotEquals(stateA, stateB);
        store = KnowledgeGraphStore.at(tmp.resolve("store"));
        store.load(a);
        served = store.serve(Duration.ofHours(1)); // switched by refresh() here, not by the poller
    }

    @AfterAll
    static void close() {
        if (served != null) served.close();
    }

    @Test
    void aTransactionKeepsItsStateAcrossAReload() throws Exception {
        String before = served.calculateRead(() -> counts(served));
        String after = before.equals(stateA) ? stateB : stateA;
        served.begin(org.apache.jena.query.TxnType.READ);
        try {
            assertEquals(before, counts(served));
            store.load(before.equals(stateA) ? b : a);
            assertTrue(served.refresh());
            assertEquals(before, counts(served), "the transaction begun before the reload still sees the old state");
        } finally {
            served.end();
        }
        assertEquals(after, served.calculateRead(() -> counts(served)), "a new transaction sees the new state");
    }

    @Test
    void derivationsAreThoseOfTheGenerationATransactionReads() throws Exception {
        KnowledgeGraph now = served.calculateRead(() -> counts(served)).equals(stateA) ? a : b;
        KnowledgeGraph next = now == a ? b : a;
        // A triple inferred in the state served now and not in the next.
        Triple only = now.closure().inferred().find().filterDrop(t -> next.closure().inferred().contains(t)).nextOptional()
                .orElseThrow(() -> new AssertionError("the two synthetic states infer the same triples"));
        String rule = now.closure().derivation(only).orElseThrow().rule();
        served.begin(org.apache.jena.query.TxnType.READ);
        try {
            assertEquals(rule, served.derivation(only).orElseThrow().rule());
            store.load(next);
            assertTrue(served.refresh());
            assertEquals(rule, served.derivation(only).orElseThrow().rule(), "the transaction begun before the reload still explains from its generation");
        } finally {
            served.end();
        }
        assertTrue(served.calculateRead(() -> served.derivation(only)).isEmpty(), "the new generation does not derive it");
    }

    @Test
    void concurrentQueriesSeeOneStateOrTheOtherNeverAMix() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> wrong = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                for (int n = 0; n < 100_000 && !stop.get(); n++) {
                    String s = served.calculateRead(() -> counts(served));
                    seen.add(s);
                    if (!s.equals(stateA) && !s.equals(stateB)) synchronized (wrong) { wrong.add(s); }
                }
            });
            t.start();
            readers.add(t);
        }
        try {
            for (int i = 0; i < 4; i++) {
                store.load(i % 2 == 0 ? b : a);
                served.refresh();
                Thread.sleep(200);
            }
        } finally {
            stop.set(true);
            for (Thread t : readers) t.join(60_000);
        }
        assertTrue(wrong.isEmpty(), "mixed states seen: " + wrong + " (A=" + stateA + ", B=" + stateB + ")");
        assertEquals(Set.of(stateA, stateB), seen, "both states were served");
    }

    @Test
    void oldGenerationsAreDeletedOnceReplaced() throws Exception {
        for (int i = 0; i < 3; i++) {
            store.load(i % 2 == 0 ? a : b);
            served.refresh();
        }
        try (Stream<Path> s = Files.list(store.root())) {
            long generations = s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
            assertTrue(generations <= 2, "kept only the current generation and the one it replaced: " + generations);
        }
        assertEquals(store.current().orElseThrow(), served.generation());
    }

    private static String counts(DatasetGraph dsg) {
        var rows = QueryExec.dataset(dsg).query(COUNTS).select();
        Binding row = rows.next();
        rows.close();
        return row.get("all").getLiteralLexicalForm() + "/" + row.get("asserted").getLiteralLexicalForm()
                + "/" + row.get("inferred").getLiteralLexicalForm();
    }

    private static String counts(KnowledgeGraph kg) { return kg.dataset().calculateRead(() -> counts(kg.dataset())); }
}
