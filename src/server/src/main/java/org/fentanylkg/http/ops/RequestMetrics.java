package org.fentanylkg.http.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Request metrics for Prometheus, next to Fuseki's own (per-endpoint counters, JVM memory, GC, threads):
 * <ul>
 * <li>{@code fkg_http_requests_seconds} (count, sum, max and buckets) by method, route and status;</li>
 * <li>{@code fkg_http_results_capped_total}: answers cut at the result cap;</li>
 * <li>{@code fkg_http_requests_active}: requests being served now (a stop waits for these).</li>
 * </ul>
 * Every label has a bounded set of values whatever clients send: the route is the path's first segment (two
 * under a dataset or {@code /$/}), or {@code unmatched} for a 404; an unknown method is {@code other}.
 */
final class RequestMetrics {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Set<String> twoSegmentPrefixes;
    private final Counter capped;
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();

    /** @param datasets the dataset names ("kg"), whose endpoints get a route each */
    RequestMetrics(MeterRegistry registry, Set<String> datasets) {
        this.registry = registry;
        this.twoSegmentPrefixes = new java.util.HashSet<>(datasets);
        this.twoSegmentPrefixes.add("$");
        this.capped = Counter.builder("fkg.http.results.capped").description("Answers cut at the result cap").register(registry);
        io.micrometer.core.instrument.Gauge.builder("fkg.http.requests.active", active, java.util.concurrent.atomic.AtomicInteger::get)
                .description("Requests being served now").register(registry);
    }

    void started() { active.incrementAndGet(); }


    void record(String method, String path, int status, long nanos, boolean wasCapped) {
        active.decrementAndGet();
        String m = method == null ? "other" : method.toUpperCase(Locale.ROOT);
        timers.computeIfAbsent(new Labels(METHODS.contains(m) ? m : "other", route(path, status), status), this::timer)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (wasCapped) capped.increment();
    }

    /** A timer's labels; bounded in number, as {@link #route} and the method set are. */
    private record Labels(String method, String route, int status) {}

    // Looked up here rather than through Micrometer's builder on every request (it sorts tags and builds an id each time).
    private final java.util.concurrent.ConcurrentMap<Labels, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private Timer timer(Labels l) {
        return Timer.builder("fkg.http.requests")
                .description("HTTP requests by method, route and status")
                .tag("method", l.method())
                .tag("route", l.route())
                .tag("status", Integer.toString(l.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    String route(String path, int status) {
        if (status == 404 || path == null || !path.startsWith("/")) return "unmatched";
        String[] seg = path.substring(1).split("/", 3);
        if (seg[0].isEmpty()) return "/";
        if (!safe(seg[0])) return "unmatched";
        if (twoSegmentPrefixes.contains(seg[0]) && seg.length > 1 && safe(seg[1])) return "/" + seg[0] + "/" + seg[1];
        return "/" + seg[0];
    }

    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9$._~-]+"); // compiled once: it runs on every request

    private static boolean safe(String s) { return s.length() <= 40 && SAFE.matcher(s).matches(); }
}
