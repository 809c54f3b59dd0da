package org.fentanylkg.http.cache;

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
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.LinkedDataModule;
import org.fentanylkg.http.linkeddata.LinkedDataServlet;

/**
 * Serves a GET or HEAD of a read-only page from memory when the same request (same {@link CacheKey}) was answered
 * 200 before on the same generation of the data; otherwise lets it through, streams the answer as usual and keeps
 * a copy ({@link TeeResponse}). A request that misses while the same GET is in flight waits for its answer rather
 * than computing it again ({@link Coalescing}). Every such request gets {@code X-Cache: HIT} or {@code MISS} (Varnish's header).
 *
 * <p>Only what costs more to compute than to copy is cached, by the servlet mapping the request reached: the
 * linked-data pages and descriptions, the saved-query API and the explanations. Not the dumps (each generation's
 * bytes are held already), the JSON-LD context (fixed), the query page (cheap, and each {@code ?query=} would hold
 * a large entry), the SPARQL endpoints under {@code /kg} (the answer cache's), {@code /$/} or {@code /assets}. A
 * request is let through untouched when it carries credentials, a body, a condition or a range (the pages answer
 * If-None-Match and If-Modified-Since from the generation, before rendering: {@code Representation}), or asks for
 * a protocol upgrade (which turns Fuseki's CORS filter off).
 */
final class ResponseCacheFilter implements Filter {
    static final String X_CACHE = "X-Cache";

    /** The servlet mappings whose GET answers depend only on the key (as the modules register them) and are worth keeping. */
    static final Set<String> CACHED_MAPPINGS = Stream.concat(
                    LinkedDataModule.PATHS.stream().filter(p -> !p.startsWith("/dumps") && !p.equals("/" + LinkedDataServlet.CONTEXT_PATH)),
                    Stream.of("/api/queries/*", "/api/openapi.json", "/api/explain", "/explain"))
            .collect(Collectors.toUnmodifiableSet());

    /** Request headers with which the answer is not the plain representation the key names. */
    private static final List<String> PASS_THROUGH = List.of("Authorization", "If-None-Match", "If-Modified-Since", "If-Match",
            "If-Unmodified-Since", "If-Range", "Range", "Upgrade", "Transfer-Encoding");

    private final Coalescing coalescing;
    private final Supplier<Generation> generation;
    private final TeeResponse.Policy policy;

    /** @param meters where to count hits and misses; null: not counted */
    ResponseCacheFilter(ResponseCache cache, Supplier<Generation> generation, MeterRegistry meters) {
        this.coalescing = new Coalescing(cache, ResponseCacheModule.counter(meters, "pages", "hit"),
                ResponseCacheModule.counter(meters, "pages", "miss"));
        this.generation = generation;
        this.policy = TeeResponse.Policy.pages(cache.maxEntryBytes());
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response) || !cacheable(request)) {
            chain.doFilter(req, res);
            return;
        }
        // Read before the answer is computed: whatever it is computed on is this generation or a later one.
        long g = generation.get().number();
        coalescing.cache().observe(g);
        coalescing.serve(CacheKey.of(request, g), request.getMethod().equals("HEAD"), request, response, chain, policy);
    }

    /** Requests now waiting for another's answer (tests). */
    int waiting() { return coalescing.waiting(); }

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
