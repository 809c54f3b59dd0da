package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fentanylkg.dataset.SourceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults around the process, on the packaged jar: SIGTERM lets the queries in flight finish, then the server
 * stops; a data directory (or TDB2 store) that is missing or unreadable is a clear error at start.
 */
class SignalsIT {
    @TempDir Path dir;

    @Test
    void sigtermFinishesTheQueryInFlightThenStops() throws Exception {
        int port = JarProcess.freePort();
        Path config = JarProcess.config(dir, "ja:cxtValue \"10000\"", "ja:cxtValue \"120000\"");
        try (JarProcess server = JarProcess.start(dir, "serve", "--config", config.toString(), "--port", Integer.toString(port))) {
            server.awaitServing(port, Duration.ofSeconds(120));
            long typed = Long.parseLong(JarProcess.query(port, "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t }").get(0));
            CompletableFuture<List<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return JarProcess.query(port, GracefulShutdownTest.SLOW);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            awaitActiveRequests(port, 2); // the slow query and the metrics request asking
            server.process.destroy(); // SIGTERM
            boolean refused = false;
            for (int i = 0; i < 100 && !refused && server.process.isAlive(); i++) {
                try {
                    JarProcess.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/$/ping")).build(), HttpResponse.BodyHandlers.discarding());
                    Thread.sleep(50);
                } catch (IOException e) {
                    refused = true;
                }
            }
            assertTrue(refused, "new connections are refused once SIGTERM is received");
            assertFalse(inFlight.isDone(), "the query was still running when new connections were refused");
            assertEquals(List.of(Long.toString(typed * typed)), inFlight.get(), "the query in flight got its whole answer");
            int exit = server.waitFor(Duration.ofSeconds(60));
            assertEquals(143, exit, "terminated by SIGTERM");
            String log = server.err();
            assertTrue(log.contains("Stopping: no new requests"), log);
            assertTrue(log.contains("Stopped"), log);
            // The request log writes in batches: the line of the query that finished during the shutdown is not lost.
            assertEquals(2, log.lines().filter(l -> l.contains("RequestLog") && l.contains("POST /kg/sparql 200 ")).count(),
                    "one request line for each of the two queries: " + log);
        }
    }

    private static void awaitActiveRequests(int port, int n) throws Exception {
        for (int i = 0; i < 200; i++) {
            String metrics = JarProcess.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/$/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("fkg_http_requests_active{") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= n) return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow query never showed as in flight");
    }

    @Test
    void aMissingDataDirectoryIsAClearErrorAtStart() throws Exception {
        Path missing = dir.resolve("no-such-data");
        Path config = JarProcess.config(dir, "fkgc:sources \"" + Path.of("").toAbsolutePath() + "\"", "fkgc:sources \"" + missing + "\"");
        try (JarProcess p = JarProcess.start(dir, "serve", "--config", config.toString(), "--port", Integer.toString(JarProcess.freePort()))) {
            assertEquals(1, p.waitFor(Duration.ofSeconds(120)));
            String err = p.err();
            assertTrue(err.contains(missing.resolve("ontology/fentanyl-kg.ttl") + ": not found"), err);
            assertTrue(err.contains("The service did not start"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void aMissingStoreIsAClearErrorAtStart() throws Exception {
        Path missing = dir.resolve("no-such-store");
        try (JarProcess p = JarProcess.start(dir, "serve", "--tdb2", missing.toString(), "--port", Integer.toString(JarProcess.freePort()))) {
            assertEquals(2, p.waitFor(Duration.ofSeconds(120)));
            String err = p.err();
            assertTrue(err.contains(missing + ": not a fentanyl-kg store"), err);
            assertFalse(err.contains("\tat "), "no stack trace: " + err);
        }
    }

    @Test
    void anUnreadableDataDirectoryIsAClearErrorAtStart() throws Exception {
        // Root reads everything: then the server runs as nobody, for whom a mode-000 folder is unreadable.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path world = Files.createTempDirectory("fkg-unreadable-");
        try {
            Files.setPosixFilePermissions(world, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path sources = SourceFixture.copyRepository(world.resolve("repo"));
            Path facts = sources.resolve("data/facts");
            Files.setPosixFilePermissions(facts, PosixFilePermissions.fromString("---------"));
            Path config = JarProcess.config(world, "fkgc:sources \"" + Path.of("").toAbsolutePath() + "\"", "fkgc:sources \"" + sources + "\"");
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
            List<String> asNobody = root ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups") : List.of();
            try (JarProcess p = JarProcess.start(world, asNobody, "serve", "--config", config.toString(), "--port", Integer.toString(JarProcess.freePort()))) {
                assertEquals(1, p.waitFor(Duration.ofSeconds(120)), p.err());
                String err = p.err();
                assertTrue(err.contains(facts + ": not readable"), err);
                assertTrue(err.contains("The service did not start"), err);
                assertFalse(err.contains("\tat "), "no stack trace: " + err);
            }
        } finally {
            Files.setPosixFilePermissions(world.resolve("repo/data/facts"), PosixFilePermissions.fromString("rwxr-xr-x"));
            try (var s = Files.walk(world)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
