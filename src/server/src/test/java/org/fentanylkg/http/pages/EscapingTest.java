package org.fentanylkg.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.linkeddata.TestServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;

/**
 * Text from the data is escaped everywhere: a fixture fact (in a temporary copy of the sources, never in data/)
 * labels a resource {@code <script>alert(1)</script>} and gives it a name that tries to break out of an attribute.
 */
class EscapingTest {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE = "\" onmouseover=\"alert(2)";
    private static Path root;
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("fkg-escaping-");
        SourceFixture.copyRepository(root);
        for (String f : Files.list(Path.of("queries")).map(p -> p.getFileName().toString()).toList()) {
            Files.createDirectories(root.resolve("queries"));
            Files.copy(Path.of("queries", f), root.resolve("queries").resolve(f));
        }
        Files.copy(Path.of("fuseki-config.ttl"), root.resolve("fuseki-config.ttl"));
        SourceFixture.addFactFile(root, "zz-escaping-fixture.trig", """
                fact:escaping-fixture {
                    fkr:escaping-fixture a fkg:Chemical ;
                        rdfs:label "<script>alert(1)</script>"@en ;
                        skos:altLabel "\\" onmouseover=\\"alert(2)"@en .
                }
                fact:escaping-fixture dcterms:source <https://example.org/test-fixture> .
                """);
        server = TestServer.start(root.resolve("fuseki-config.ttl"));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void labelsRenderAsTextInTheHtml() {
        String html = server.get("id/escaping-fixture", "Accept", "text/html").body();
        assertFalse(html.contains(SCRIPT), "raw script tag in the page");
        assertFalse(html.contains("onmouseover=\"alert"), "attribute broken out of");
        Document d = Jsoup.parse(html);
        assertEquals(SCRIPT, d.selectFirst("h1").text());
        assertTrue(d.select("[onmouseover]").isEmpty());
        assertTrue(d.select("script").stream().allMatch(s -> s.hasAttr("src")), "no inline script");
        assertTrue(d.text().contains(ATTRIBUTE));
        // in the ontology's examples and on the landing page as well
        for (String path : new String[] {"ontology", ""}) {
            String other = server.get(path, "Accept", "text/html").body();
            assertFalse(other.contains(SCRIPT), path);
        }
    }

    @Test
    void theBrowserShowsTheTextAndRunsNothing() {
        WebDriver d = browser.driver();
        d.get(server.base() + "id/escaping-fixture");
        assertEquals(SCRIPT, d.findElement(By.tagName("h1")).getText());
        assertThrows(NoAlertPresentException.class, () -> d.switchTo().alert());
        browser.screenshot("escaping-resource");

        String query = "SELECT ?label WHERE { fkr:escaping-fixture rdfs:label|skos:altLabel ?label } ORDER BY ?label";
        d.get(server.base() + "query?run=1&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.waiting().until(x -> "2".equals(x.findElement(By.id("results")).getAttribute("data-rows")));
        var cells = d.findElements(By.cssSelector("#results tbody td .literal")).stream().map(e -> e.getText()).toList();
        assertEquals(java.util.List.of(ATTRIBUTE, SCRIPT), cells);
        assertThrows(NoAlertPresentException.class, () -> d.switchTo().alert());
        assertTrue(d.findElements(By.cssSelector("#results script")).isEmpty());
        browser.screenshot("escaping-query");
    }
}
