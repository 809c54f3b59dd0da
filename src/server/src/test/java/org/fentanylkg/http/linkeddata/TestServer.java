package org.fentanylkg.http.linkeddata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;

/** One server for a test class (the repository's configuration unless told), with raw HTTP helpers. */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final FusekiServer server;
    private final KnowledgeGraphServer kgs;
    private final String base;

    private TestServer(KnowledgeGraphServer kgs) throws IOException {
        this.kgs = kgs;
        this.server = kgs.start();
        this.base = "http://localhost:" + server.getHttpPort() + "/";
    }

    public static TestServer start() { return start(Path.of(ServerConfig.FILE_NAME)); }

    public static TestServer start(Path config) { return start(KnowledgeGraphServer.create().config(config)); }

    /** A server as {@code builder} makes it, on a free port. */
    public static TestServer start(KnowledgeGraphServer builder) {
        try {
            return new TestServer(builder.port(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://localhost:PORT/} */
    public String base() { return base; }

    /** The served graph (its generation: the validators' source). */
    public ServedGraph graph() { return kgs.graph(); }

    public DatasetGraph dataset() {
        return kgs.graph().dataset();
    }

    /** A SELECT run in-process on the served dataset (independent of the HTTP code under test). */
    public ResultSetRewindable select(String query) {
        DatasetGraph dsg = dataset();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query).build()) {
                return ResultSetFactory.makeRewindable(qe.execSelect());
            }
        });
    }

    /** GET with header name/value pairs; path is relative to the base ("id/cjng"). */
    public HttpResponse<String> get(String path, String... headers) { return send("GET", path, headers); }

    public HttpResponse<byte[]> bytes(String path, String... headers) {
        return call(request("GET", path, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return call(request(method, path, headers), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to a raw URI string (not normalised by java.net.URI's builder rules beyond parsing). */
    public HttpResponse<String> raw(String rawPath, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + rawPath)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return call(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b.build();
    }

    private static <T> HttpResponse<T> call(HttpRequest r, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(r, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** All values of a response header. */
    public static List<String> headers(HttpResponse<?> r, String name) { return r.headers().allValues(name); }

    @Override
    public void close() { server.stop(); }
}
