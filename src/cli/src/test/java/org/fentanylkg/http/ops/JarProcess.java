package org.fentanylkg.http.ops;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged jar as a child process, as an operator runs it; output and errors go to files. */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("fkg.jar", "target/fentanyl-kg.jar")).toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final Path out;
    final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** {@code java -jar fentanyl-kg.jar ARGS}, in {@code cwd}, optionally prefixed (e.g. by setpriv). */
    static JarProcess start(Path cwd, List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("fkg-out-", ".txt"); // not in cwd: that may be the repository
        Path err = Files.createTempFile("fkg-err-", ".txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new JarProcess(p, out, err);
    }

    static JarProcess start(Path cwd, String... args) throws IOException { return start(cwd, List.of(), args); }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String out() throws IOException { return Files.readString(out, StandardCharsets.UTF_8); }

    String err() throws IOException { return Files.readString(err, StandardCharsets.UTF_8); }

    /** Waits for the process to end; fails the test if it does not within the time. */
    int waitFor(Duration d) throws Exception {
        if (!process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after " + d + "\nout: " + out() + "\nerr: " + err());
        }
        return process.exitValue();
    }

    /** Waits until the server answers /$/ping on {@code port}. */
    void awaitServing(int port, Duration d) throws Exception {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("the server exited: " + process.exitValue() + "\nerr: " + err());
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/$/ping")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not serving after " + d + "\nerr: " + err());
    }

    /** A query by POST, as CSV; returns the data rows. */
    static List<String> query(int port, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        List<String> lines = r.body().lines().toList();
        return lines.subList(1, lines.size());
    }

    /** The repository's fuseki-config.ttl with its sources pinned to the repository and some text replaced. */
    static Path config(Path dir, String... replacements) throws IOException {
        String text = Files.readString(Path.of("fuseki-config.ttl"), StandardCharsets.UTF_8)
                .replace("fkgc:sources \".\"", "fkgc:sources \"" + Path.of("").toAbsolutePath() + "\"");
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!text.contains(replacements[i])) throw new IllegalArgumentException("fuseki-config.ttl has no " + replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Files.writeString(Files.createTempFile(dir, "config-", ".ttl"), text);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
