package org.fentanylkg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.syntax.ElementNamedGraph;

/**
 * Peer (d): OpenLink Virtuoso 7.2 from Debian ({@code virtuoso-opensource-7-bin}, the server of Debian's
 * {@code virtuoso-opensource}), in a process of its own with a database in a scratch folder, loaded with the same
 * quads as fentanyl-kg serves: its default graph in a graph of its own ({@link #DEFAULT_GRAPH}), the named graphs
 * as themselves. Virtuoso's default graph is the union of all graphs, so each query is sent with its top-level
 * pattern wrapped in {@code GRAPH <DEFAULT_GRAPH>} ({@link #rewrite}), the form under which it answers over the same
 * default graph. Found on the PATH, or installed with apt-get when this runs as root; else absent, and said why.
 */
final class Virtuoso implements AutoCloseable {
    static final String PACKAGE = "virtuoso-opensource-7-bin";
    static final String DEFAULT_GRAPH = "urn:x-fentanyl-kg:default-graph";
    private static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    private static final Path ISQL = Path.of("/usr/bin/isql-vt");
    static final DebianPackage DEBIAN = new DebianPackage(PACKAGE, List.of(SERVER, ISQL));

    private final Path dir;
    private final int sqlPort;
    private final int httpPort;
    private Process process;

    private Virtuoso(Path dir, int sqlPort, int httpPort) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
    }

    /** Virtuoso's server and isql, installed if need be; empty with the reason when neither is possible. */
    static Optional<String> ensureInstalled(PrintStream log) { return DEBIAN.ensureInstalled(log, "peer (d)"); }

    static String version() {
        try {
            Process p = new ProcessBuilder(SERVER.toString(), "-?").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.startsWith("Version")).findFirst().orElse("?").trim();
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** A new, empty database in {@code dir}, configured and started. */
    static Virtuoso create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Virtuoso v = new Virtuoso(dir.toAbsolutePath(), freePort(), freePort());
        Files.writeString(dir.resolve("virtuoso.ini"), v.ini());
        v.start(Duration.ofSeconds(120));
        return v;
    }

    /** As a server of the benchmark: every query answered over HTTP, no row limit below fentanyl-kg's cap. */
    private String ini() {
        String d = dir.toString();
        return """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel = 7
                FileExtend = 200
                MaxCheckpointRemap = 2000
                Striping = 0
                TempStorage = TempDatabase

                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping = 0

                [Parameters]
                ServerPort = 127.0.0.1:%2$d
                ServerThreads = 20
                CheckpointInterval = 60
                NumberOfBuffers = 20000
                MaxDirtyBuffers = 15000
                DirsAllowed = ., %1$s

                [HTTPServer]
                ServerPort = 127.0.0.1:%3$d
                ServerRoot = %1$s
                MaxClientConnections = 64
                ServerThreads = 64
                EnabledDavVSP = 0

                [SPARQL]
                ResultSetMaxRows = 100000
                MaxQueryExecutionTime = 60
                """.formatted(d, sqlPort, httpPort);
    }

    /** Starts the server on the database and waits for its first answer; returns the milliseconds that took. */
    long start(Duration bound) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(SERVER.toString(), "-f", "-c", dir.resolve("virtuoso.ini").toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // never left running when the benchmark is stopped
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(endpoint() + "?query=ASK%7B%7D")).timeout(Duration.ofSeconds(5)).build();
        long deadline = t0 + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("Virtuoso stopped at start: " + Files.readString(dir.resolve("server.out")));
            try {
                if (http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return (System.nanoTime() - t0) / 1_000_000;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("Virtuoso gave no answer within " + bound.toSeconds() + " s");
    }

    /** Stops the server cleanly (a checkpoint, so the next start has nothing to roll forward). */
    void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) return;
        isql("shutdown;");
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stop();
        } finally {
            if (process != null && process.isAlive()) process.destroyForcibly();
        }
    }

    /**
     * Loads the dataset with Virtuoso's bulk loader: one N-Quads file, the default graph's triples in
     * {@link #DEFAULT_GRAPH}, every named graph as itself. Returns the quads Virtuoso holds afterwards.
     */
    long load(DatasetGraph served, long[] written) throws IOException, InterruptedException {
        Path file = dir.resolve("fentanyl-kg.nq");
        Node dflt = NodeFactory.createURI(DEFAULT_GRAPH);
        long[] n = {0};
        try (OutputStream out = Files.newOutputStream(file)) {
            DatasetGraph relabelled = DatasetGraphFactory.create();
            served.executeRead(() -> {
                served.getDefaultGraph().find().forEachRemaining(t -> { relabelled.add(new Quad(dflt, t)); n[0]++; });
                served.listGraphNodes().forEachRemaining(g -> served.getGraph(g).find().forEachRemaining(t -> { relabelled.add(new Quad(g, t)); n[0]++; }));
            });
            RDFDataMgr.write(out, relabelled, Lang.NQUADS);
        }
        written[0] = n[0];
        long before = quads();
        isql("ld_dir('" + dir + "', 'fentanyl-kg.nq', '" + DEFAULT_GRAPH + "'); rdf_loader_run(); checkpoint;");
        return quads() - before; // Virtuoso holds graphs of its own besides
    }

    private long quads() throws IOException, InterruptedException {
        String count = isql("SELECT COUNT(*) FROM DB.DBA.RDF_QUAD;");
        return count.lines().map(String::trim).filter(l -> l.matches("\\d+")).mapToLong(Long::parseLong).findFirst()
                .orElseThrow(() -> new IOException("Virtuoso did not count its quads: " + count));
    }

    private String isql(String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && !sql.startsWith("shutdown")) throw new IOException("isql " + sql + ": " + out);
        return out;
    }

    String endpoint() { return "http://127.0.0.1:" + httpPort + "/sparql"; }

    /** The server process (for its CPU time). */
    ProcessHandle process() { return process.toHandle(); }

    /** The query with its top-level pattern inside {@code GRAPH <DEFAULT_GRAPH>}: Virtuoso then answers over fentanyl-kg's default graph. */
    static String rewrite(String query) {
        Query q = QueryFactory.create(query, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        q.setQueryPattern(new ElementNamedGraph(NodeFactory.createURI(DEFAULT_GRAPH), q.getQueryPattern()));
        return q.serialize();
    }

    /** CPU time of a process so far, in ms. */
    static double cpuMillis(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static List<String> describe() { return List.of(version(), PACKAGE); }
}
