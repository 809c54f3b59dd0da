package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.fentanylkg.dataset.SourceFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrative path is off by default; on, it is behind HTTP basic authentication; Fuseki's own admin
 * paths are never reachable. A reload swaps in a graph rebuilt from the sources, or keeps the old one when the
 * sources have problems.
 */
class AdminPathTest {
    /** Fuseki's admin and control paths (FMod_Admin, stats, tasks, compact, ...): none is installed. */
    static final List<String> FUSEKI_ADMIN = List.of("/$/datasets", "/$/datasets/kg", "/$/backup/kg", "/$/backups-list",
            "/$/server", "/$/stats", "/$/stats/kg", "/$/tasks", "/$/compact/kg", "/$/logs", "/$/sleep", "/$/reload");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

    @TempDir static Path dir;
    private static TestServer plain;
    private static TestServer admin;
    private static Path sources;

    @BeforeAll
    static void start() throws Exception {
        plain = TestServer.start();
        sources = SourceFixture.copyRepository(dir.resolve("repo"));
        copyFolder(Path.of("queries"), sources.resolve("queries")); // the saved-query API serves them
        Path passwd = Files.writeString(dir.resolve("admin.passwd"), "operator: correct-horse\n");
        admin = TestServer.config().set("adminPasswordFile", passwd.toString()).sources(sources).start();
    }

    @AfterAll
    static void stop() {
        plain.close();
        admin.close();
    }

    static void copyFolder(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }

    private static HttpResponse<String> send(TestServer s, String method, String path, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.base() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String voidDescription() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(admin.base() + "/.well-known/void")).header("Accept", "application/n-triples").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void byDefaultNoAdministrativePathExists() throws Exception {
        for (String path : FUSEKI_ADMIN) {
            for (String method : new String[] {"GET", "POST"}) {
                assertEquals(404, send(plain, method, path, null, null).statusCode(), method + " " + path);
            }
        }
    }

    @Test
    void withAPasswordFileReloadRequiresAuthentication() throws Exception {
        var anonymous = send(admin, "POST", "/$/reload", null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        assertEquals(401, send(admin, "POST", "/$/reload", "operator", "wrong").statusCode());
        assertEquals(401, send(admin, "POST", "/$/reload", "nobody", "correct-horse").statusCode());
        assertEquals(405, send(admin, "GET", "/$/reload", "operator", "correct-horse").statusCode());
    }

    @Test
    void fusekisAdminPathsStayClosedEvenWithCredentials() throws Exception {
        for (String path : FUSEKI_ADMIN) {
            if (path.equals("/$/reload")) continue;
            assertEquals(404, send(admin, "POST", path, "operator", "correct-horse").statusCode(), path);
            assertEquals(404, send(admin, "GET", path, null, null).statusCode(), path);
        }
    }

    @Test
    void reloadSwapsInTheNewGraphOrKeepsTheOld() throws Exception {
        // The counts follow the data (which grows): the served count, then what a build of the smaller sources counts.
        List<String> counted = TestServer.csvRows(admin.query(COUNT));
        assertEquals(1, counted.size());
        String full = counted.get(0);
        String appropriations = "/api/queries/appropriations-by-fiscal-year.csv";
        assertEquals(7, send(admin, "GET", appropriations, null, null).body().lines().count()); // header + 6 rows
        // An inferred triple from the appropriations file (EnactedAppropriation ⊑ Appropriation), and the VoID count.
        String why = "/api/explain?s=fkr:appropriation-pl-118-47-counter-fentanyl&p=rdf:type&o=fkg:Appropriation";
        assertEquals(200, send(admin, "GET", why, null, null).statusCode());
        String triples = "<https://w3id.org/fentanyl-kg/> <http://rdfs.org/ns/void#triples> \"%s\"";
        assertTrue(voidDescription().contains(String.format(triples, full)));
        // A smaller, valid source set: without the appropriations file (as many triples as a build of it counts).
        Files.move(sources.resolve("data/facts/appropriations.trig"), dir.resolve("appropriations.trig"));
        String smaller = Long.toString(org.fentanylkg.dataset.KnowledgeGraphBuilder.build(sources).dataset().getDefaultGraph().size());
        assertTrue(Long.parseLong(smaller) < Long.parseLong(full), smaller + " < " + full);
        var ok = send(admin, "POST", "/$/reload", "operator", "correct-horse");
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains(smaller + " triples"), ok.body());
        assertEquals(List.of(smaller), TestServer.csvRows(admin.query(COUNT)));
        // The saved-query API, explanations and the dataset's description follow the reload too.
        assertEquals(1, send(admin, "GET", appropriations, null, null).body().lines().count());
        assertEquals(404, send(admin, "GET", why, null, null).statusCode());
        String described = voidDescription();
        assertTrue(described.contains(String.format(triples, smaller)) && !described.contains(String.format(triples, full)), described);

        SourceFixture.addFactFile(sources, "broken.trig", "fact:broken { fkr:fentanyl rdfs:label \"unterminated }\n");
        var bad = send(admin, "POST", "/$/reload", "operator", "correct-horse");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("broken.trig:10"), bad.body());
        assertTrue(bad.body().contains("the previous graph is still served"), bad.body());
        assertEquals(List.of(smaller), TestServer.csvRows(admin.query(COUNT)));
        Files.delete(sources.resolve("data/facts/broken.trig"));
        Files.move(dir.resolve("appropriations.trig"), sources.resolve("data/facts/appropriations.trig"));
    }
}
