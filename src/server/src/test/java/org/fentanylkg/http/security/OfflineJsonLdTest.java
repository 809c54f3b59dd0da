package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Once installed, a JSON-LD parse in this JVM fetches no remote context and reads no local file. */
class OfflineJsonLdTest {
    private static final String CONTEXT = "{\"@context\": {\"name\": \"http://schema.org/name\"}}";
    private static HttpServer server;
    private static final AtomicInteger FETCHED = new AtomicInteger();

    @BeforeAll
    static void contextServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/context.jsonld", x -> {
            FETCHED.incrementAndGet();
            byte[] body = CONTEXT.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/ld+json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        OfflineJsonLd.install();
        OfflineJsonLd.install(); // idempotent: a second install wraps nothing twice
    }

    @AfterAll
    static void stop() { server.stop(0); }

    private static String document(String context) {
        return "{\"@context\": \"" + context + "\", \"@id\": \"http://example.org/s\", \"name\": \"Sinaloa\"}";
    }

    @Test
    void aRemoteContextIsNotFetched() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/context.jsonld";
        for (Lang lang : new Lang[] {Lang.JSONLD, Lang.JSONLD11}) {
            Graph g = GraphFactory.createDefaultGraph();
            RiotException e = assertThrows(RiotException.class, () -> RDFParser.fromString(document(url), lang).parse(g));
            assertTrue(e.getMessage().contains("does not fetch"), e.getMessage());
            assertTrue(g.isEmpty(), "no triple of a refused document");
        }
        assertEquals(0, FETCHED.get(), "requests that reached the context's server");
    }

    @Test
    void aLocalFileIsNotRead(@TempDir Path dir) throws Exception {
        Path context = Files.writeString(dir.resolve("context.jsonld"), CONTEXT);
        RiotException e = assertThrows(RiotException.class,
                () -> RDFParser.fromString(document(context.toUri().toString()), Lang.JSONLD).parse(GraphFactory.createDefaultGraph()));
        assertTrue(e.getMessage().contains("does not fetch"), e.getMessage());
    }

    @Test
    void aDocumentWithItsContextInlineStillParses() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString("{\"@context\": {\"name\": \"http://schema.org/name\"}, \"@id\": \"http://example.org/s\", \"name\": \"Sinaloa\"}", Lang.JSONLD).parse(g);
        assertEquals(1, g.size());
    }
}
