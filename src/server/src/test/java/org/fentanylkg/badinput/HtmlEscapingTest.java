package org.fentanylkg.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XSS payloads in data labels ({@code badinput/data/xss-labels.trig}: a script tag, an attribute breakout, a
 * {@code </script>} breakout, template syntax) are escaped in every HTML page: the test crawls the site from the
 * home page and the resource's own pages, following every same-site link, and no page may carry a payload raw.
 */
class HtmlEscapingTest {
    static final List<String> RAW = List.of("<script>alert('fkg-xss", "<img src=x onerror", "</script><script>");
    static final int MAX_PAGES = 400;

    @TempDir static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = SourceFixture.copyRepository(dir.resolve("repo"));
        Files.createDirectories(root.resolve("queries"));
        try (var s = Files.list(Path.of("queries"))) {
            for (Path q : s.toList()) Files.copy(q, root.resolve("queries").resolve(q.getFileName().toString()));
        }
        try (InputStream in = HtmlEscapingTest.class.getResourceAsStream("/badinput/data/xss-labels.trig")) {
            Files.write(root.resolve("data/facts/xss-labels.trig"), in.readAllBytes());
        }
        server = TestServer.config().sources(root).start();
    }

    @AfterAll
    static void stop() { server.close(); }

    @Test
    void everyHtmlPageEscapesThePayloads() throws Exception {
        Deque<String> todo = new ArrayDeque<>(List.of("/", "/id/test-fixture-xss", "/fact/test-fixture-xss", "/query"));
        Set<String> seen = new LinkedHashSet<>(todo);
        int html = 0;
        int showing = 0;
        Pattern href = Pattern.compile("(?:href|src|action)=\"([^\"]+)\"");
        while (!todo.isEmpty() && html < MAX_PAGES) {
            String path = todo.poll();
            var r = server.get(path, "Accept", "text/html");
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) continue;
            html++;
            String body = r.body();
            for (String raw : RAW) {
                assertFalse(body.contains(raw) || body.toLowerCase(Locale.ROOT).contains(raw.toLowerCase(Locale.ROOT)),
                        path + " carries «" + raw + "» unescaped");
            }
            if (body.contains("fkg-xss-1")) showing++;
            Matcher m = href.matcher(body);
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&").replace("&#61;", "=");
                String next = sameSitePath(link);
                if (next != null && seen.add(next)) todo.add(next);
            }
        }
        System.out.println("HtmlEscapingTest: " + html + " HTML pages crawled, the payload shown (escaped) on " + showing);
        assertTrue(showing >= 2, "the payload is shown (escaped) on the resource page and elsewhere: " + showing + " of " + html + " pages");
    }

    /** The path (and query) of a link to this server, or null for other sites, anchors, downloads and raw formats. */
    private static String sameSitePath(String link) {
        if (link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("javascript:")) return null;
        URI u;
        try {
            u = URI.create(server.base() + "/").resolve(link);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!server.base().equals(u.getScheme() + "://" + u.getAuthority())) return null;
        String p = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        if (p.startsWith("/dumps") || p.startsWith("/assets") || p.startsWith("/kg/") || p.contains("format=")) return null;
        return p;
    }
}
