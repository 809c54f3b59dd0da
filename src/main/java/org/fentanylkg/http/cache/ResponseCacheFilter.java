package org.fentanylkg.http.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentanylkg.http.linkeddata.LinkedDataModule;
import org.fentanylkg.http.ui.QueryUiModule;

/**
 * Serves a GET or HEAD of a read-only page from memory when the same request (same {@link CacheKey}) was answered
 * 200 before on the same generation of the data; otherwise lets it through, streams the answer as usual and keeps
 * a copy ({@link TeeResponse}). A request that misses while the same GET is in flight waits for its answer rather
 * than computing it again. Every such request gets {@code X-Cache: HIT} or {@code MISS} (Varnish's header).
 *
 * <p>Only the servlets of the linked-data pages, the saved-query API, the explanations and the query page are
 * cached, by the servlet mapping the request reached; never the SPARQL endpoints under {@code /kg}, {@code /$/}
 * (ping, metrics, reload) or {@code /assets}. A request is let through untouched when it carries credentials,
 * a body, a condition or a range (the pages answer If-None-Match and If-Modified-Since themselves,
 * {@code Representation}), or asks for a protocol upgrade (which turns Fuseki's CORS filter off).
 */
final class ResponseCacheFilter implements Filter {
    static final String X_CACHE = "X-Cache";

    /** The servlet mappings whose GET answers depend only on the key (as the modules register them). */
    static final Set<String> CACHED_MAPPINGS = Stream.concat(LinkedDataModule.PATHS.stream(),
                    Stream.of("/api/queries/*", "/api/openapi.json", "/api/explain", "/explain", QueryUiModule.PATH))
            .collect(Collectors.toUnmodifiableSet());

    /** Request headers with which the answer is not the plain representation the key names. */
    private static final List<String> PASS_THROUGH = List.of("Authorization", "If-None-Match", "If-Modified-Since", "If-Match",
            "If-Unmodified-Since", "If-Range", "Range", "Upgrade", "Transfer-Encoding");

    /** How long a request waits for the same GET in flight before computing its own answer. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ResponseCache cache;
    private final ConcurrentHashMap<CacheKey, CompletableFuture<CachedResponse>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongSupplier generation;
    private final Counter hits;
    private final Counter misses;

    /** @param meters where to count hits and misses; null: not counted */
    ResponseCacheFilter(ResponseCache cache, LongSupplier generation, MeterRegistry meters) {
        this.cache = cache;
        this.generation = generation;
        this.hits = meters == null ? null : counter(meters, "hit");
        this.misses = meters == null ? null : counter(meters, "miss");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("fkg.http.cache.requests").description("Requests the response cache could answer, by result")
                .tag("result", result).register(meters);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response) || !cacheable(request)) {
            chain.doFilter(req, res);
            return;
        }
        // Read before the answer is computed: whatever it is computed on is this generation or a later one.
        long g = generation.getAsLong();
        cache.observe(g);
        CacheKey key = CacheKey.of(request, g);
        boolean head = request.getMethod().equals("HEAD");
        CachedResponse hit = cache.get(key);
        // A miss while the same GET is being computed waits for that answer instead of computing it again
        // (Varnish's request coalescing); the first GET of a key computes it for all.
        CompletableFuture<CachedResponse> mine = null;
        if (hit == null) {
            CompletableFuture<CachedResponse> earlier;
            if (head) {
                earlier = inFlight.get(key);
            } else {
                mine = new CompletableFuture<>();
                earlier = inFlight.putIfAbsent(key, mine);
                if (earlier != null) mine = null;
            }
            if (earlier != null) hit = shared(earlier);
        }
        if (hit != null) {
            if (hits != null) hits.increment();
            hit.send(response, head);
            return;
        }
        if (misses != null) misses.increment();
        response.setHeader(X_CACHE, "MISS");
        if (head) { // served from a GET's entry when there is one, never stored: it has no body
            chain.doFilter(request, response);
            return;
        }
        TeeResponse tee = new TeeResponse(response, cache.maxEntryBytes());
        CachedResponse kept = null;
        try {
            chain.doFilter(request, tee);
            if (!request.isAsyncStarted()) kept = tee.captured().orElse(null);
            if (kept != null) cache.put(key, kept);
        } finally {
            if (mine != null) {
                inFlight.remove(key, mine);
                mine.complete(kept); // null: nothing to share (not a 200, too large, failed); each waiter computes its own
            }
        }
    }

    /** The answer another request is computing for the same key; null if it keeps none or takes too long. */
    private CachedResponse shared(CompletableFuture<CachedResponse> computing) {
        waiting.incrementAndGet();
        try {
            return computing.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Requests now waiting for another's answer (tests). */
    int waiting() { return waiting.get(); }

    /** A GET or HEAD without body, credentials, conditions or upgrade, for one of {@link #CACHED_MAPPINGS}. */
    static boolean cacheable(HttpServletRequest r) {
        String method = r.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        if (r.getContentLengthLong() > 0) return false;
        for (String h : PASS_THROUGH) if (r.getHeader(h) != null) return false;
        HttpServletMapping mapping = r.getHttpServletMapping();
        return mapping != null && CACHED_MAPPINGS.contains(mapping.getPattern());
    }
}
