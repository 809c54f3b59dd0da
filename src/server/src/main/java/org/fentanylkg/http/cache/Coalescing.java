package org.fentanylkg.http.cache;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What both caches do once a request has its key: answer from memory; or, when the same key is being computed by
 * another request, wait for that answer (Varnish's request coalescing); or let the request through, stream its
 * answer as usual and keep a copy ({@link TeeResponse}). Every such request gets {@code X-Cache: HIT} or
 * {@code MISS}.
 */
final class Coalescing {
    /** How long a request waits for the same request in flight before computing its own answer. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ResponseCache cache;
    private final ConcurrentHashMap<EntryKey, CompletableFuture<CachedResponse>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter hits;
    private final Counter misses;

    /** @param hits, misses counted here; null: not counted */
    Coalescing(ResponseCache cache, Counter hits, Counter misses) {
        this.cache = cache;
        this.hits = hits;
        this.misses = misses;
    }

    ResponseCache cache() { return cache; }

    /**
     * Answers the request. {@code head}: answered from a GET's entry when there is one, else computed and never
     * kept (it has no body). Returns true when the answer came from memory.
     */
    boolean serve(EntryKey key, boolean head, HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                  TeeResponse.Policy policy) throws IOException, ServletException {
        CachedResponse hit = cache.get(key);
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
            return true;
        }
        if (misses != null) misses.increment();
        response.setHeader(ResponseCacheFilter.X_CACHE, "MISS");
        if (head) {
            // With the headers the cache sets on its GET (the policy's), copying nothing: a HEAD has no body to keep.
            chain.doFilter(request, new TeeResponse(response, new TeeResponse.Policy(0, policy.keyed(), policy.overridden())));
            return false;
        }
        TeeResponse tee = new TeeResponse(response, policy);
        CachedResponse kept = null;
        try {
            chain.doFilter(request, tee);
            if (!request.isAsyncStarted()) kept = tee.captured().orElse(null);
            if (kept != null) cache.put(key, kept);
        } finally {
            if (mine != null) {
                inFlight.remove(key, mine);
                mine.complete(kept); // null: nothing to share (not a 200, too large, capped, failed); each waiter computes its own
            }
        }
        return false;
    }

    /** A 304 for a conditional request whose validator still holds: counted as a hit, nothing computed or sent. */
    void notModified(HttpServletResponse response) {
        if (hits != null) hits.increment();
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setHeader(ResponseCacheFilter.X_CACHE, "HIT");
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
}
