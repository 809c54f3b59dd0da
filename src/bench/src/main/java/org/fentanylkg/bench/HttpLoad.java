package org.fentanylkg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load tool of every query benchmark: {@code clients} threads, each sending one SPARQL query after another
 * (HTTP POST, form-encoded, results as SPARQL JSON read to the end) for a fixed time. Bounded in count and in time.
 */
public final class HttpLoad {
    /** What one run measured. Latencies in milliseconds. */
    public record Result(long requests, long errors, double seconds, double p50, double p99, String firstError) {
        public double throughput() { return requests / seconds; }

        /** Several rounds of the same measurement as one (latency percentiles of all requests). */
        static Result merge(Result a, Result b, double[] allLatencies) {
            Arrays.sort(allLatencies);
            return new Result(a.requests + b.requests, a.errors + b.errors, a.seconds + b.seconds,
                    percentile(allLatencies, 0.50), percentile(allLatencies, 0.99), a.firstError != null ? a.firstError : b.firstError);
        }
    }

    private static final int MAX_REQUESTS = 2_000_000;

    private final HttpClient http;
    private final int clients;
    private final Duration timeout;

    public HttpLoad(int clients, Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(Math.max(2, clients))).build();
    }

    /** Latencies of the requests of the last {@link #run}, for merging rounds. */
    private double[] last = new double[0];

    double[] lastLatencies() { return last; }

    /** Sends {@code query} to {@code endpoint} from every client for {@code duration}. */
    public Result run(String endpoint, String query, Duration duration) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            @SuppressWarnings("unchecked")
            Future<double[]>[] futures = new Future[clients];
            for (int c = 0; c < clients; c++) {
                futures[c] = pool.submit(() -> {
                    double[] lat = new double[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline && n < MAX_REQUESTS / clients) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst().orElse(""));
                            if (n == lat.length) lat = Arrays.copyOf(lat, n * 2);
                            lat[n++] = (System.nanoTime() - t0) / 1e6;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError[0] == null) firstError[0] = e.toString();
                            }
                            if (e instanceof InterruptedException) break;
                        }
                    }
                    return Arrays.copyOf(lat, n);
                });
            }
            double[] all = new double[0];
            for (Future<double[]> f : futures) {
                double[] part;
                try {
                    part = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                int old = all.length;
                all = Arrays.copyOf(all, old + part.length);
                System.arraycopy(part, 0, all, old, part.length);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(all);
            last = all;
            return new Result(all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99), firstError[0]);
        } finally {
            pool.shutdownNow();
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
