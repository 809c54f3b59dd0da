package org.fentanylkg.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.fentanylkg.http.main.KnowledgeGraphServer;

/**
 * What the container costs whatever the server does: Jetty (the version Fuseki runs on, in this JVM) with one servlet
 * that sends a fixed body, against fentanyl-kg's {@code /$/ping} and {@code ASK {}} (answer cache off), one
 * connection (wrk), in alternating rounds, CPU per request as {@link PeerBench} counts it. The bodies are 2 bytes and
 * the sizes of the saved queries' SPARQL JSON answers above {@link #LARGE}; each is also written, back to back, through
 * a loopback socket ({@link AnswerSink}), as the benchmark's in-process side sends an answer. The difference is what
 * Jetty adds to sending those bytes: part of issue 13's request overhead on a large answer that no server code of
 * fentanyl-kg's runs.
 */
public final class ContainerBench {
    /** Answers above this size get a body of their own (below it, the 2-byte body stands for them). */
    static final int LARGE = 32 * 1024;

    private final Path config;
    private final Path queries;
    private final int rounds;
    private final Duration round;

    public ContainerBench(Path config, Path queries, int rounds, Duration round) {
        this.config = config;
        this.queries = queries;
        this.rounds = rounds;
        this.round = round;
    }

    /** Jetty with one servlet: {@code GET /body?bytes=N} answers N bytes of 'x' with their length, in 32 KB writes. */
    static Server bareJetty() throws Exception {
        Server jetty = new Server();
        ServerConnector http = new ServerConnector(jetty);
        http.setHost("127.0.0.1");
        http.setPort(0);
        jetty.addConnector(http);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                int n;
                try {
                    n = Integer.parseInt(req.getParameter("bytes"));
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 0) {
                    resp.sendError(400, "bytes: a whole number of bytes, 0 to " + Integer.MAX_VALUE);
                    return;
                }
                resp.setContentType("application/sparql-results+json");
                resp.setContentLength(n);
                OutputStream out = resp.getOutputStream();
                byte[] block = filled(Math.min(n, AnswerSink.OUTPUT_BUFFER));
                for (int sent = 0; sent < n; sent += block.length) out.write(block, 0, Math.min(block.length, n - sent));
            }
        }), "/body");
        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }

    static int port(Server jetty) { return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort(); }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    public void run(PrintStream log) throws Exception {
        Wrk.ensureInstalled(log).ifPresent(why -> { throw new IllegalStateException("wrk " + why); });
        Path scratch = Files.createTempDirectory("fkg-container-");
        FusekiServer a = KnowledgeGraphServer.create().config(PeerBench.withoutAnswerCache(config)).port(0).start();
        Server jetty = bareJetty();
        try (AnswerSink sink = new AnswerSink()) {
            String fkg = "http://127.0.0.1:" + a.getHttpPort();
            String bare = "http://127.0.0.1:" + port(jetty) + "/body?bytes=";
            Map<Integer, List<String>> large = largeAnswers(fkg, queries);
            log.printf("answers above %d bytes: %s%n", LARGE, large);

            List<String> names = new ArrayList<>(List.of("Jetty alone, 2-byte body", "fentanyl-kg /$/ping", "fentanyl-kg ASK {}"));
            List<String> urls = new ArrayList<>(List.of(bare + 2, fkg + "/$/ping", fkg + "/kg/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)));
            List<Integer> bytes = new ArrayList<>(List.of(2, 0, 0)); // the body sizes of the bare requests; fentanyl-kg's are not sent apart
            for (var e : large.entrySet()) {
                names.add("Jetty alone, " + e.getKey() + "-byte body (" + String.join(", ", e.getValue()) + ")");
                urls.add(bare + e.getKey());
                bytes.add(e.getKey());
            }
            // JIT warm-up: every request, then every socket write, a few seconds each.
            for (String u : urls) PeerBench.inJvm(List.of(u), 1, Duration.ofSeconds(3), scratch);
            for (int n : bytes) if (n > LARGE) sendCpu(sink, n, Duration.ofSeconds(2));

            double[][] server = new double[urls.size()][rounds];
            double[][] socket = new double[urls.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < urls.size(); k++) {
                    int i = r % 2 == 0 ? k : urls.size() - 1 - k; // alternate the order, so that drift falls on both ends
                    server[i][r] = PeerBench.inJvm(List.of(urls.get(i)), 1, round, scratch).cpuMsPerRequest();
                    socket[i][r] = bytes.get(i) > LARGE ? sendCpu(sink, bytes.get(i), round) : Double.NaN;
                }
                log.printf("round %d of %d done%n", r + 1, rounds);
            }
            log.printf("%nCPU per request, one connection (wrk -t1 -c1), median of %d rounds of %d ms (range):%n", rounds, round.toMillis());
            log.printf("| request | CPU per request (ms) | the same bytes through a loopback socket (ms) | Jetty beyond that socket send and its 2-byte request (ms) |%n|---|--:|--:|--:|%n");
            for (int i = 0; i < urls.size(); i++) {
                PeerBench.Spread s = PeerBench.Spread.of(server[i]);
                String sent = "–", beyond = "–";
                if (bytes.get(i) > LARGE) {
                    PeerBench.Spread sock = PeerBench.Spread.of(socket[i]);
                    double[] d = new double[rounds];
                    for (int r = 0; r < rounds; r++) d[r] = server[i][r] - socket[i][r] - server[0][r];
                    PeerBench.Spread extra = PeerBench.Spread.of(d);
                    sent = String.format("%.3f", sock.ms());
                    beyond = String.format("%.3f (%.3f to %.3f)", extra.ms(), extra.lowMs(), extra.highMs());
                }
                log.printf("| %s | %.3f (%.3f to %.3f) | %s | %s |%n", names.get(i), s.ms(), s.lowMs(), s.highMs(), sent, beyond);
            }
            log.printf("%nfentanyl-kg's /$/ping above Jetty alone: %.3f ms; ASK {} above Jetty alone: %.3f ms (medians of the rounds' differences)%n",
                    medianDifference(server[1], server[0]), medianDifference(server[2], server[0]));
        } finally {
            jetty.stop();
            a.stop();
            StartBench.deleteTree(scratch);
        }
    }

    /** Every saved query's SPARQL JSON answer from fentanyl-kg, by size, those above {@link #LARGE}: size → queries. */
    private static Map<Integer, List<String>> largeAnswers(String fkg, Path queries) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, List<String>> large = new TreeMap<>();
        for (Path q : PeerBench.savedQueries(queries)) {
            String name = q.getFileName().toString().replaceFirst("\\.rq$", "");
            HttpRequest get = HttpRequest.newBuilder(URI.create(fkg + "/kg/sparql?query=" + URLEncoder.encode(Files.readString(q), StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").build();
            HttpResponse<byte[]> resp = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) throw new IOException(name + ": HTTP " + resp.statusCode());
            if (resp.body().length > LARGE) large.computeIfAbsent(resp.body().length, k -> new ArrayList<>()).add(name);
        }
        return large;
    }

    /** Sender's CPU (this JVM's, the reader's left out) per {@code n} bytes written through the sink in 32 KB writes. */
    private static double sendCpu(AnswerSink sink, int n, Duration d) throws IOException, InterruptedException {
        byte[] block = filled(Math.min(n, AnswerSink.OUTPUT_BUFFER));
        return QuerySpeedBench.cpuPerRun(() -> {
            for (int sent = 0; sent < n; sent += block.length) sink.out().write(block, 0, Math.min(block.length, n - sent));
            sink.flush();
        }, d, () -> PeerBench.cpuMillis() - sink.readerCpuMillis(), () -> PeerBench.idle(PeerBench::cpuMillis));
    }

    private static double medianDifference(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) d[i] = x[i] - y[i];
        return PeerBench.Spread.of(d).ms();
    }
}
