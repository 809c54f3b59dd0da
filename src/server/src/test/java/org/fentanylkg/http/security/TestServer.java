package org.fentanylkg.http.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.vocab.FKGC;

/**
 * A server started from the repository's {@code fuseki-config.ttl} with some settings changed (a shorter
 * timeout, a smaller cap, other sources), for one test class; and the HTTP calls the tests make.
 * Fuseki applies a configuration's context to ARQ's global context: {@link #close()} puts the timeout back.
 */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";

    private final FusekiServer server;
    private final Object previousTimeout;
    public final Path configFile;

    private TestServer(FusekiServer server, Object previousTimeout, Path configFile) {
        this.server = server;
        this.previousTimeout = previousTimeout;
        this.configFile = configFile;
    }

    /** A configuration to change, then start. */
    public static Config config() { return new Config(); }

    /** The repository's configuration as it is. */
    public static TestServer start() throws IOException { return config().start(); }

    public static final class Config {
        private final Map<String, String> server = new LinkedHashMap<>();
        private final Map<String, String> context = new LinkedHashMap<>();
        private Path sources;

        /** An {@code fkgc:} setting on the server node, e.g. {@code set("resultCap", "100")}. */
        public Config set(String fkgcLocalName, String value) { server.put(fkgcLocalName, value); return this; }

        /** A {@code ja:context} entry of the server node, e.g. {@code context("arq:queryTimeout", "2000")}. */
        public Config context(String name, String value) { context.put(name, value); return this; }

        /** Build the graph from this folder instead of the repository. */
        public Config sources(Path root) { this.sources = root; return this; }

        public TestServer start() throws IOException {
            Model model = ServerConfig.read(Path.of(ServerConfig.FILE_NAME));
            Resource node = model.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).next();
            server.forEach((k, v) -> {
                node.removeAll(model.createProperty(FKGC.NS + k));
                node.addProperty(model.createProperty(FKGC.NS + k), v);
            });
            context.forEach((k, v) -> {
                for (Statement s : node.listProperties(model.createProperty(JA + "context")).toList()) {
                    if (s.getResource().getProperty(model.createProperty(JA + "cxtName")).getString().equals(k)) {
                        model.removeAll(s.getResource(), null, null);
                        model.remove(s);
                    }
                }
                node.addProperty(model.createProperty(JA + "context"), model.createResource()
                        .addProperty(model.createProperty(JA + "cxtName"), k)
                        .addProperty(model.createProperty(JA + "cxtValue"), v));
            });
            if (sources != null) {
                for (Resource ds : model.listResourcesWithProperty(RDF.type, FKGC.KnowledgeGraph).toList()) {
                    ds.removeAll(FKGC.sources);
                    ds.addProperty(FKGC.sources, model.createResource(sources.toAbsolutePath().toUri().toString()));
                }
            }
            Path file = Files.createTempFile("fkg-test-config-", ".ttl");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                RDFDataMgr.write(out, model, Lang.TURTLE);
            }
            Object previous = ARQ.getContext().get(ARQ.queryTimeout);
            FusekiServer s = KnowledgeGraphServer.create().config(file).port(0).start();
            return new TestServer(s, previous, file);
        }
    }

    /** The {@code Authorization} header value of the administrator {@link #reloadable} starts with. */
    public static final String ADMIN_AUTH = "Basic " + java.util.Base64.getEncoder().encodeToString("operator:correct-horse".getBytes(StandardCharsets.UTF_8));

    /** A copy of the repository's sources in {@code root}, saved queries included, for a test that changes them and reloads. */
    public static Path sourcesWithQueries(Path root) throws IOException {
        Path sources = org.fentanylkg.dataset.SourceFixture.copyRepository(root);
        Files.createDirectories(sources.resolve("queries"));
        try (var files = Files.list(Path.of("queries"))) {
            for (Path f : files.toList()) Files.copy(f, sources.resolve("queries").resolve(f.getFileName().toString()));
        }
        return sources;
    }

    /** A server over {@code sources} with the administrative path on ({@code POST /$/reload} with {@link #ADMIN_AUTH}); its password file in {@code dir}. */
    public static TestServer reloadable(Path sources, Path dir) throws IOException {
        Path passwd = Files.writeString(dir.resolve("admin.passwd"), "operator: correct-horse\n");
        return config().set("adminPasswordFile", passwd.toString()).sources(sources).start();
    }

    public FusekiServer fuseki() { return server; }

    public int port() { return server.getHttpPort(); }

    public String base() { return "http://localhost:" + port(); }

    public static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** GET with headers given as name, value, name, value... */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A query by POST (form), answered as CSV. */
    public HttpResponse<String> query(String query) throws IOException, InterruptedException {
        return post("/kg/sparql", "application/x-www-form-urlencoded", "query=" + enc(query), "Accept", "text/csv");
    }

    /** The data rows of a CSV answer. */
    public static List<String> csvRows(HttpResponse<String> r) {
        List<String> lines = r.body().lines().toList();
        return lines.isEmpty() ? lines : lines.subList(1, lines.size());
    }

    @Override
    public void close() {
        server.stop();
        if (previousTimeout != null) ARQ.getContext().set(ARQ.queryTimeout, previousTimeout);
        else ARQ.getContext().unset(ARQ.queryTimeout);
    }
}
