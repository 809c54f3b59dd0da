package org.fentanylkg.http.cache;

import static org.fentanylkg.http.cache.CacheHttp.get;
import static org.fentanylkg.http.cache.CacheHttp.xCache;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.http.security.TestServer;
import org.fentanylkg.store.KnowledgeGraphStore;
import org.fentanylkg.store.ServingDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cached answers never outlive the data they were computed on: after an administrative reload of the in-memory
 * graph, or a switch of a TDB2 store to a new generation, the new data is served, not what the cache held.
 * The validators change with the data: the ETag of before no longer validates, and Last-Modified is the new
 * generation's build time. The test data: the appropriations fact file, taken out and put back.
 */
class ResponseCacheReloadTest {
    private static final String APPROPRIATIONS = "/api/queries/appropriations-by-fiscal-year.csv";
    /** A resource only the appropriations file mentions. */
    private static final String APPROPRIATION = "/id/appropriation-pl-119-4-counter-fentanyl?format=ttl";
    private static final String FILE = "data/facts/appropriations.trig";

    /** A page both versions of the data have. */
    private static final String PAGE = "/id/fentanyl?format=ttl";

    @TempDir Path dir;

    private static Instant lastModified(HttpResponse<?> r) {
        return ZonedDateTime.parse(r.headers().firstValue("Last-Modified").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** When the generation a store server now serves was written (its folder's time). */
    private Instant published(ServingDataset served) throws IOException {
        return Files.getLastModifiedTime(dir.resolve("store").resolve(served.generation())).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * After a switch to new data, the ETag of before no longer validates (200, a new tag), and Last-Modified does not
     * go back; then the new tag does (304). Returns the new Last-Modified.
     */
    private static Instant assertNewValidators(String base, HttpResponse<byte[]> before) {
        String old = before.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> after = get(base, PAGE, "If-None-Match", old);
        assertEquals(200, after.statusCode(), "the old ETag no longer holds");
        String now = after.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(old, now);
        assertFalse(lastModified(after).isBefore(lastModified(before)));
        assertEquals(304, get(base, PAGE, "If-None-Match", now).statusCode());
        assertEquals(304, get(base, PAGE, "If-Modified-Since", after.headers().firstValue("Last-Modified").orElseThrow()).statusCode());
        return lastModified(after);
    }

    private static HttpResponse<byte[]> assertCached(String base, String path, int status, long lines) {
        HttpResponse<byte[]> first = get(base, path);
        HttpResponse<byte[]> second = get(base, path);
        assertEquals(status, first.statusCode(), path);
        assertEquals(status, second.statusCode(), path);
        assertEquals("MISS", xCache(first), path);
        assertEquals(status == 200 ? "HIT" : "MISS", xCache(second), path);
        if (lines >= 0) assertEquals(lines, new String(second.body(), StandardCharsets.UTF_8).lines().count(), path);
        return second;
    }

    @Test
    void anAdministrativeReloadIsServedAtOnce() throws Exception {
        Path sources = TestServer.sourcesWithQueries(dir.resolve("repo"));
        try (TestServer admin = TestServer.reloadable(sources, dir)) {
            String auth = TestServer.ADMIN_AUTH;
            assertCached(admin.base(), APPROPRIATIONS, 200, 7); // header + 6 rows
            assertCached(admin.base(), APPROPRIATION, 200, -1);
            HttpResponse<byte[]> page = get(admin.base(), PAGE);

            Files.move(sources.resolve(FILE), dir.resolve("appropriations.trig"));
            Instant asked = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertEquals(200, admin.post("/$/reload", "text/plain", "", "Authorization", auth).statusCode());
            Instant answered = Instant.now();
            Thread.sleep(1100); // a Last-Modified taken from the clock at the next request would fall after the reload
            Instant built = assertNewValidators(admin.base(), page);
            assertTrue(!built.isBefore(asked) && !built.isAfter(answered), "built during the reload: " + built);
            assertCached(admin.base(), APPROPRIATIONS, 200, 1); // the header only
            assertCached(admin.base(), APPROPRIATION, 404, -1);

            Files.move(dir.resolve("appropriations.trig"), sources.resolve(FILE));
            assertEquals(200, admin.post("/$/reload", "text/plain", "", "Authorization", auth).statusCode());
            assertCached(admin.base(), APPROPRIATIONS, 200, 7);
            assertCached(admin.base(), APPROPRIATION, 200, -1); // the 404 in between was not kept
        }
    }

    @Test
    void aNewStoreGenerationIsServedAtOnce() throws Exception {
        Path full = SourceFixture.copyRepository(dir.resolve("full"));
        Path less = SourceFixture.copyRepository(dir.resolve("less"));
        Files.delete(less.resolve(FILE));
        KnowledgeGraphStore store = KnowledgeGraphStore.at(dir.resolve("store"));
        store.load(KnowledgeGraphBuilder.build(full));
        FusekiServer server = KnowledgeGraphServer.create().config(Path.of(ServerConfig.FILE_NAME)).store(dir.resolve("store")).port(0).start();
        ServingDataset served = (ServingDataset) server.getDataAccessPointRegistry().get("/kg").getDataService().getDataset();
        try {
            String base = "http://localhost:" + server.getHttpPort();
            assertCached(base, APPROPRIATIONS, 200, 7);
            assertCached(base, APPROPRIATION, 200, -1);
            HttpResponse<byte[]> page = get(base, PAGE);
            assertEquals(published(served), lastModified(page), "Last-Modified: when the generation was published");
            store.load(KnowledgeGraphBuilder.build(less));
            served.refresh(); // the server's own poller may have switched already
            assertEquals(1, served.switches());
            assertEquals(published(served), assertNewValidators(base, page));
            assertCached(base, APPROPRIATIONS, 200, 1);
            assertCached(base, APPROPRIATION, 404, -1);
        } finally {
            server.stop();
            served.close(); // stops following the store
        }
    }
}
