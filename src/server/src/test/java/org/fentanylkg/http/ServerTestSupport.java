package org.fentanylkg.http;

import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** One server on a free port for a test class, and the HTTP calls the tests make. */
public final class ServerTestSupport implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FusekiServer server;
    private final String base;

    private ServerTestSupport(FusekiServer server) {
        this.server = server;
        this.base = "http://localhost:" + server.getHttpPort();
    }

    /** The service as configured by the repository's fuseki-config.ttl. */
    public static ServerTestSupport start() throws IOException {
        return new ServerTestSupport(KnowledgeGraphServer.create().config(Path.of(ServerConfig.FILE_NAME)).port(0).start());
    }

    public String base() { return base; }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a SELECT at /kg/sparql over HTTP GET and parses the SPARQL JSON results. */
    public ResultSetRewindable select(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        if (r.statusCode() != 200) throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        return ResultSetFactory.makeRewindable(rs);
    }

    @Override
    public void close() { server.stop(); }
}
