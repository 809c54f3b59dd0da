package org.fentanylkg.http.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fentanylkg.http.pages.BrowserTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The query UI in headless chromium: type a query, run it, see the rows; the gallery; downloads; offline assets. */
class QueryUiBrowserTest extends BrowserTests {
    /** The nine organizations designated FTO (report and fact files; see SavedQueriesTest). */
    private static final Set<String> FTOS = Set.of("Cartel de los Soles", "Cártel del Noreste", "Cárteles Unidos", "Gulf Cartel",
            "Jalisco New Generation Cartel", "La Nueva Familia Michoacana", "Mara Salvatrucha", "Sinaloa Cartel", "Tren de Aragua");
    @BeforeEach
    void open() {
        browser.driver().get(server.base() + "query");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".CodeMirror")));
    }

    private void type(String query) {
        WebDriver d = browser.driver();
        d.findElement(By.cssSelector(".CodeMirror")).click();
        WebElement input = d.findElement(By.cssSelector(".CodeMirror textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(query);
        Object typed = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue();");
        assertEquals(query, typed);
    }

    private int runAndWait() {
        WebDriver d = browser.driver();
        d.findElement(By.id("run")).click();
        browser.waiting().until(x -> !x.findElement(By.id("status")).getText().equals("Running…")
                && !x.findElement(By.id("status")).getText().isEmpty());
        String rows = d.findElement(By.id("results")).getAttribute("data-rows");
        return rows == null ? -1 : Integer.parseInt(rows);
    }

    private List<String> column(int i) {
        // the value itself: a link's text or a literal's, without its language tag or datatype
        return browser.driver().findElements(By.cssSelector("#results tbody tr td:nth-child(" + i + ") > :first-child")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void typeAQueryRunItSeeRowsThatLinkToPages() {
        // prefixes fkg: and rdfs: are not declared: the UI knows them
        type("SELECT ?org ?name WHERE { ?org a fkg:ForeignTerroristOrganization ; rdfs:label ?name } ORDER BY ?name");
        assertEquals(9, runAndWait());
        List<String> names = column(2);
        assertEquals(FTOS, Set.copyOf(names));
        assertEquals(names.stream().sorted().toList(), names, "ORDER BY ?name");
        assertTrue(browser.driver().findElement(By.id("status")).getText().startsWith("9 rows"));
        browser.screenshot("query-results");
        // an IRI of the graph links to its page
        WebElement first = browser.driver().findElement(By.cssSelector("#results tbody tr td a.iri"));
        String name = column(2).get(0);
        first.click();
        browser.waiting().until(ExpectedConditions.urlContains("/id/"));
        assertEquals(name, browser.driver().findElement(By.tagName("h1")).getText());
    }

    @Test
    void savedQueryFromTheGalleryRuns() {
        WebElement card = browser.driver().findElement(By.cssSelector("article.saved[data-name='foreign-terrorist-organizations']"));
        assertTrue(card.findElement(By.tagName("h3")).getText().startsWith("Cartels and other groups designated as Foreign Terrorist Organizations"));
        card.findElement(By.className("run-saved")).click();
        browser.waiting().until(x -> "9".equals(x.findElement(By.id("results")).getAttribute("data-rows")));
        assertTrue(browser.driver().findElements(By.cssSelector("#results thead th")).stream().map(WebElement::getText).toList().contains("organizationLabel"));
        browser.screenshot("query-gallery");
    }

    @Test
    void resultsDownloadAsCsvAndJson() throws Exception {
        type("SELECT ?name WHERE { ?org a fkg:ForeignTerroristOrganization ; rdfs:label ?name } ORDER BY ?name");
        assertEquals(9, runAndWait());
        browser.driver().findElement(By.id("download-csv")).click();
        Path csv = browser.downloads().resolve("results.csv");
        browser.waiting().withTimeout(Duration.ofSeconds(20)).until(x -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals("name", lines.get(0));
        assertEquals(FTOS, Set.copyOf(lines.subList(1, lines.size())));
        browser.driver().findElement(By.id("download-json")).click();
        Path json = browser.downloads().resolve("results.json");
        browser.waiting().until(x -> Files.exists(json) && json.toFile().length() > 0);
        assertTrue(Files.readString(json).contains("\"Sinaloa Cartel\""));
    }

    @Test
    void aSyntaxErrorIsShownWithItsPosition() {
        type("SELECT ?x WHERE { ?x ?p }");
        runAndWait();
        WebElement error = browser.driver().findElement(By.id("error"));
        assertTrue(error.isDisplayed());
        assertTrue(error.getText().contains("400") && error.getText().contains("line 1"), error.getText());
    }

    @Test
    void everyAssetComesFromThisServer() {
        WebDriver d = browser.driver();
        for (WebElement s : d.findElements(By.cssSelector("script[src], link[href]"))) {
            String url = s.getAttribute(s.getTagName().equals("script") ? "src" : "href");
            assertTrue(url.startsWith(server.base()), "loaded from elsewhere: " + url);
            assertEquals(200, server.get(url.substring(server.base().length())).statusCode(), url);
        }
        assertTrue(d.findElements(By.cssSelector("script[src*='codemirror']")).size() >= 2);
        // syntax highlighting: CodeMirror's SPARQL mode marks keywords
        assertTrue(d.findElements(By.cssSelector(".CodeMirror .cm-keyword")).size() > 0);
    }
}
