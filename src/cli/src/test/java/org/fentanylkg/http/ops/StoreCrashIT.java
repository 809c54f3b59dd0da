package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fentanylkg.dataset.SourceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during a TDB2 load (a reload, while a server serves the store), at several points of its writing: on restart the store is consistent and
 * holds the previous state or the new one, never a mix, checked by triple counts and a query; a bad source file
 * leaves the served state as it was. Runs the packaged jar's {@code load --tdb2} and {@code serve --tdb2}.
 */
class StoreCrashIT {
    /** The two states: the repository's sources, and the same without the appropriations file. */
    record State(String name, long defaultGraph, long asserted, int appropriationRows) {}

    /**
     * The three figures of a {@link State} in one query: one request reads one generation, while the server, which
     * follows the store, may switch generations between two requests (three requests could see two states).
     */
    static final String OBSERVE = "SELECT ?all ?asserted ?rows WHERE {"
            + " { SELECT (COUNT(*) AS ?all) WHERE { ?s ?p ?o } }"
            + " { SELECT (COUNT(*) AS ?asserted) WHERE { GRAPH <https://w3id.org/fentanyl-kg/graph/asserted> { ?s ?p ?o } } }"
            + " { SELECT (COUNT(?a) AS ?rows) WHERE { ?a a <https://w3id.org/fentanyl-kg/ontology#Appropriation> } } }";

    @TempDir Path dir;

    /** The server under test: stopped after the test, passed or failed, so that a failure leaves no process behind. */
    private JarProcess server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) server.close();
    }

    private static State observe(int port) throws Exception {
        List<String> rows = JarProcess.query(port, OBSERVE);
        assertEquals(1, rows.size(), rows.toString());
        String[] n = rows.get(0).split(",");
        return new State("observed", Long.parseLong(n[0]), Long.parseLong(n[1]), Integer.parseInt(n[2]));
    }

    private static void assertOneOf(State seen, State... allowed) {
        for (State s : allowed) {
            if (s.defaultGraph() == seen.defaultGraph() && s.asserted() == seen.asserted() && s.appropriationRows() == seen.appropriationRows()) return;
        }
        throw new AssertionError("the store holds neither state: " + seen + ", expected one of " + List.of(allowed));
    }

    private static Set<String> generations(Path store) throws java.io.IOException {
        try (var s = Files.list(store)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).collect(java.util.stream.Collectors.toSet());
        }
    }

    private JarProcess serve(Path store, int port) throws Exception {
        JarProcess started = JarProcess.start(dir, "serve", "--tdb2", store.toString(), "--port", Integer.toString(port));
        started.awaitServing(port, Duration.ofSeconds(120));
        return started;
    }

    @Test
    void killDashNineDuringLoadsLeavesTheOldStateOrTheNew() throws Exception {
        Path store = dir.resolve("store");
        Path full = SourceFixture.copyRepository(dir.resolve("full"));
        Path smaller = SourceFixture.copyRepository(dir.resolve("smaller"));
        Files.delete(smaller.resolve("data/facts/appropriations.trig"));

        try (JarProcess first = JarProcess.start(dir, "load", "--tdb2", store.toString(), "--sources", full.toString())) {
            assertEquals(0, first.waitFor(Duration.ofMinutes(3)), first.err());
        }
        int port = JarProcess.freePort();
        server = serve(store, port);
        State fullState = observe(port);
        assertTrue(fullState.appropriationRows() > 0, fullState.toString());
        long t0 = System.nanoTime();
        try (JarProcess timed = JarProcess.start(dir, "load", "--tdb2", store.toString(), "--sources", smaller.toString())) {
            assertEquals(0, timed.waitFor(Duration.ofMinutes(3)), timed.err());
        }
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(1500); // the server follows the published generation (it polls every second)
        State smallerState = observe(port);
        assertEquals(0, smallerState.appropriationRows(), smallerState.toString());
        assertTrue(smallerState.defaultGraph() < fullState.defaultGraph(), smallerState + " vs " + fullState);

        Map<Path, State> states = Map.of(full, fullState, smaller, smallerState);
        State current = smallerState;
        List<String> outcomes = new ArrayList<>();
        // Kill points: once while the graph is being built (nothing written yet), then at increasing delays after
        // the load has begun writing its new TDB2 generation (bulk load, closure, publish).
        long[] afterWriteStartMs = {-1, 0, 150, 400, 800, 1500, 2500, 4000};
        for (long delay : afterWriteStartMs) {
            Path next = current == fullState ? smaller : full;
            Set<String> before = generations(store);
            JarProcess load = JarProcess.start(dir, "load", "--tdb2", store.toString(), "--sources", next.toString());
            if (delay < 0) {
                Thread.sleep(1000);
            } else {
                for (int i = 0; i < 6000 && load.process.isAlive() && generations(store).equals(before); i++) Thread.sleep(10);
                Thread.sleep(delay);
            }
            boolean killed = load.process.isAlive();
            load.process.destroyForcibly().waitFor(); // kill -9
            // The server, still running, answers from one state or the other.
            assertOneOf(observe(port), current, states.get(next));
            // And after a crash of the server too, a restart finds a consistent store.
            server.process.destroyForcibly().waitFor();
            server = serve(store, port);
            State seen = observe(port);
            assertOneOf(seen, current, states.get(next));
            State now = seen.defaultGraph() == fullState.defaultGraph() ? fullState : smallerState;
            outcomes.add(String.format("kill -9 %s (%s): %s state", delay < 0 ? "1 s after start, while building" : delay + " ms after writing began",
                    killed ? "killed" : "had already finished", now == current ? "previous" : "new"));
            current = now;
        }
        // The store is not wedged: a load completes and the server switches to it.
        Path last = current == fullState ? smaller : full;
        try (JarProcess load = JarProcess.start(dir, "load", "--tdb2", store.toString(), "--sources", last.toString())) {
            assertEquals(0, load.waitFor(Duration.ofMinutes(3)), load.err());
        }
        Thread.sleep(1500);
        assertOneOf(observe(port), states.get(last));
        // A bad source file: the load is refused and the server keeps the last good state.
        SourceFixture.addFactFile(last, "broken.trig", "fact:broken { fkr:fentanyl rdfs:label \"unterminated }\n");
        try (JarProcess bad = JarProcess.start(dir, "load", "--tdb2", store.toString(), "--sources", last.toString())) {
            assertEquals(1, bad.waitFor(Duration.ofMinutes(3)));
            assertTrue(bad.err().contains("broken.trig:10"), bad.err());
            assertTrue(bad.err().contains("the store was not changed"), bad.err());
        }
        Thread.sleep(1500);
        assertOneOf(observe(port), states.get(last));
        System.out.println("StoreCrashIT: one load takes " + loadMs + " ms here; " + String.join("; ", outcomes));
    }
}
