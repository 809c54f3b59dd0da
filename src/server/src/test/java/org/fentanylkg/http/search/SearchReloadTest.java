package org.fentanylkg.http.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrative reload rebuilds the text index with the graph: search never answers from the replaced one. */
class SearchReloadTest {
    private static final String FILE = "data/facts/appropriations.trig";
    /** Words only the appropriations file holds: the FY2026 budget request, a document only that file names. */
    private static final String SEARCH = "/api/search?q=budget+request&class=fkg:Document";

    @TempDir Path dir;

    private static int total(TestServer s) throws Exception {
        HttpResponse<String> r = s.get(SEARCH);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject b = JsonParser.parseString(r.body()).getAsJsonObject();
        return b.get("total").getAsInt();
    }

    @Test
    void aReloadRebuildsTheIndex() throws Exception {
        Path sources = TestServer.sourcesWithQueries(dir.resolve("repo"));
        try (TestServer admin = TestServer.reloadable(sources, dir)) {
            String auth = TestServer.ADMIN_AUTH;
            int before = total(admin);
            assertEquals(true, before > 0, "the budget request is found");

            Files.move(sources.resolve(FILE), dir.resolve("appropriations.trig"));
            assertEquals(200, admin.post("/$/reload", "text/plain", "", "Authorization", auth).statusCode());
            assertEquals(0, total(admin), "gone with its file");

            Files.move(dir.resolve("appropriations.trig"), sources.resolve(FILE));
            assertEquals(200, admin.post("/$/reload", "text/plain", "", "Authorization", auth).statusCode());
            assertEquals(before, total(admin));
        }
    }
}
