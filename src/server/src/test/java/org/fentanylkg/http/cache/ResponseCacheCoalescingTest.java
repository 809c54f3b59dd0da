package org.fentanylkg.http.cache;

import static org.fentanylkg.http.cache.CacheHttp.get;
import static org.fentanylkg.http.cache.CacheHttp.xCache;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.fentanylkg.dataset.Generation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request coalescing: concurrent misses for the same GET compute it once, and the others are answered with that
 * copy; when the first answer is not kept, each computes its own. A slow page (held until every other request
 * waits) behind the cache filter, on a Jetty of its own.
 */
class ResponseCacheCoalescingTest {
    private static final int CLIENTS = 6;

    private final AtomicInteger computed = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private ResponseCacheFilter filter;
    private Server jetty;
    private String base;

    @BeforeEach
    void start() throws Exception {
        filter = new ResponseCacheFilter(new ResponseCache(1 << 20, 1 << 16), () -> new Generation(0, Instant.EPOCH), null);
        jetty = new Server();
        ServerConnector http = new ServerConnector(jetty);
        http.setHost("localhost");
        jetty.addConnector(http);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                int n = computed.incrementAndGet();
                try {
                    if (!release.await(20, TimeUnit.SECONDS)) throw new IOException("never released");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                resp.setStatus(Integer.parseInt(req.getParameter("status")));
                resp.setContentType("text/plain");
                resp.getOutputStream().write(("computation " + n).getBytes(StandardCharsets.UTF_8));
            }
        }), "/explain"); // one of the cached servlet mappings
        jetty.setHandler(context);
        jetty.start();
        base = "http://localhost:" + http.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        jetty.stop();
    }

    /** Sends CLIENTS concurrent GETs of {@code path}; lets the page answer once all but one wait for another's. */
    private List<HttpResponse<byte[]>> concurrently(String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<HttpResponse<byte[]>>> sent = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) sent.add(pool.submit(() -> get(base, path)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (filter.waiting() < CLIENTS - 1 && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals(CLIENTS - 1, filter.waiting(), "requests waiting for the first one's answer");
            assertEquals(1, computed.get(), "computed once while the others wait");
            release.countDown();
            List<HttpResponse<byte[]>> out = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> f : sent) out.add(f.get(30, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentMissesForOneGetComputeItOnce() throws Exception {
        List<HttpResponse<byte[]>> answers = concurrently("/explain?status=200");
        assertEquals(1, computed.get());
        long misses = answers.stream().filter(r -> "MISS".equals(xCache(r))).count();
        assertEquals(1, misses, "one computed it");
        assertEquals(CLIENTS - 1, answers.stream().filter(r -> "HIT".equals(xCache(r))).count(), "the others shared it");
        for (HttpResponse<byte[]> r : answers) {
            assertEquals(200, r.statusCode());
            assertArrayEquals("computation 1".getBytes(StandardCharsets.UTF_8), r.body());
        }
        assertEquals(0, filter.waiting());
        // And later requests are plain hits.
        assertEquals("HIT", xCache(get(base, "/explain?status=200")));
        assertEquals(1, computed.get());
    }

    @Test
    void anAnswerNotKeptIsNotSharedEachComputesItsOwn() throws Exception {
        List<HttpResponse<byte[]>> answers = concurrently("/explain?status=503");
        assertEquals(CLIENTS, computed.get(), "a 503 is not kept, so every waiter computed its own");
        for (HttpResponse<byte[]> r : answers) {
            assertEquals(503, r.statusCode());
            assertEquals("MISS", xCache(r));
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("computation "));
        }
        assertEquals(0, filter.waiting());
    }
}
