package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.jena.fuseki.server.DataService;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (what the JVM's shutdown hook does on SIGTERM) lets a query in flight finish with its full
 * answer, and refuses new connections. The packaged jar is stopped with a real SIGTERM in {@code SignalsIT}.
 */
class GracefulShutdownTest {
    /** Every typed node paired with every typed node: about 3.5 million rows counted, a few seconds. */
    static final String SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t . ?b a ?u }";

    @Test
    void aQueryInFlightFinishesThenTheServerStops() throws Exception {
        TestServer server = TestServer.config().context("arq:queryTimeout", "120000").start();
        try {
            long typed = Long.parseLong(TestServer.csvRows(server.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t }")).get(0));
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.query(SLOW);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            DataService kg = server.fuseki().getDataAccessPointRegistry().get("/kg").getDataService();
            for (int i = 0; i < 200 && kg.activeTxn.get() == 0; i++) Thread.sleep(50);
            assertEquals(1, kg.activeTxn.get(), "the slow query is running");

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                try {
                    server.fuseki().getJettyServer().stop();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            for (int i = 0; i < 200 && !server.fuseki().getJettyServer().isStopping(); i++) Thread.sleep(20);
            assertFalse(inFlight.isDone(), "still running when the stop began");
            // Jetty says it is stopping just before it closes its connectors: allow it that moment (up to 2 s).
            assertTrue(refusedWithin(server, 100), "new connections are refused while stopping");

            HttpResponse<String> r = inFlight.get();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(List.of(Long.toString(typed * typed)), TestServer.csvRows(r));
            stopping.get();
            assertTrue(server.fuseki().getJettyServer().isStopped());
        } finally {
            server.close();
        }
    }

    /** Whether a new request to the server fails to connect within {@code tries} attempts, 20 ms apart. */
    private static boolean refusedWithin(TestServer server, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            try {
                server.get("/$/ping");
            } catch (IOException e) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
