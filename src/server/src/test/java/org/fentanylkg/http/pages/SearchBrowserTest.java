package org.fentanylkg.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The header's search box in headless chromium: suggestions, the results page, and the keyboard alone. */
class SearchBrowserTest extends BrowserTests {
    private static WebElement box(WebDriver d) { return d.findElement(By.cssSelector("form.site-search input[role=combobox]")); }

    private static List<WebElement> options(WebDriver d) {
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-search-list [role=option]")));
        return d.findElements(By.cssSelector("#site-search-list [role=option]"));
    }

    @Test
    void typingShowsSuggestionsAndChoosingOneOpensItsPage() {
        WebDriver d = browser.driver();
        d.get(server.base());
        WebElement box = box(d);
        box.sendKeys("jalis");
        List<WebElement> options = options(d);
        assertEquals("true", box.getAttribute("aria-expanded"));
        WebElement cjng = options.get(0);
        assertTrue(cjng.getText().startsWith("Jalisco New Generation Cartel"), cjng.getText());
        browser.screenshot("search-suggestions");
        cjng.click();
        browser.waiting().until(ExpectedConditions.urlToBe(server.base() + "id/cjng"));
        assertEquals("Jalisco New Generation Cartel", d.findElement(By.tagName("h1")).getText());
    }

    @Test
    void enterOpensTheResultsPageWithTheReportsSentences() {
        WebDriver d = browser.driver();
        d.get(server.base() + "ontology");
        box(d).sendKeys("tariff", Keys.ENTER);
        browser.waiting().until(ExpectedConditions.urlContains("/search?q=tariff"));
        WebElement sentences = d.findElement(By.cssSelector("section.sentences"));
        List<WebElement> quotes = sentences.findElements(By.cssSelector("li.sentence blockquote"));
        assertFalse(quotes.isEmpty(), "the report's sentences about tariffs");
        for (WebElement q : quotes) assertTrue(q.getText().toLowerCase().contains("tariff"), q.getText());
        assertTrue(sentences.findElements(By.cssSelector("mark")).stream().allMatch(m -> m.getText().toLowerCase().startsWith("tariff")));
        // each sentence links to its place in the report
        String href = sentences.findElement(By.cssSelector("li.sentence .context a")).getAttribute("href");
        assertTrue(href.matches(".*/report/IF10400-2025-08-26#p\\d+-s\\d+"), href);
        // entities are grouped by class, each group headed by its class
        assertFalse(d.findElements(By.cssSelector("section.hit-group:not(.sentences) h2")).isEmpty());
        browser.screenshot("search-results-tariff");
    }

    @Test
    void theKeyboardAloneFindsAndOpensAnEntity() {
        WebDriver d = browser.driver();
        d.get(server.base() + "report/IF10400-2025-08-26");
        // Tab from the page's start reaches the box: the brand link, the navigation, then the search box
        WebElement box = box(d);
        new Actions(d).sendKeys(Keys.TAB).perform();
        for (int i = 0; i < 10 && !box.equals(d.switchTo().activeElement()); i++) new Actions(d).sendKeys(Keys.TAB).perform();
        assertEquals(box, d.switchTo().activeElement(), "the search box is reachable with Tab");
        new Actions(d).sendKeys("sinaloa").perform();
        List<WebElement> options = options(d);
        assertTrue(options.size() > 1);
        new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(0).getAttribute("aria-selected"));
        new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(options.get(1).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("false", options.get(0).getAttribute("aria-selected"));
        new Actions(d).sendKeys(Keys.ARROW_UP).perform();
        assertEquals(options.get(0).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        new Actions(d).sendKeys(Keys.ESCAPE).perform();
        assertEquals("false", box.getAttribute("aria-expanded"));
        new Actions(d).sendKeys(Keys.ARROW_DOWN).perform(); // reopens on the first suggestion
        assertEquals("true", box.getAttribute("aria-expanded"));
        assertTrue(options.get(0).getText().startsWith("Sinaloa Cartel"), options.get(0).getText());
        new Actions(d).sendKeys(Keys.ENTER).perform();
        browser.waiting().until(ExpectedConditions.urlToBe(server.base() + "id/sinaloa-cartel"));
        assertEquals("Sinaloa Cartel", d.findElement(By.tagName("h1")).getText());
    }

    @Test
    void everyPageHasTheSameSearchBox() {
        WebDriver d = browser.driver();
        for (String path : List.of("", "id/cjng", "report/IF10400-2025-08-26", "ontology", "query", ".well-known/void",
                "explain?s=fkr:4-piperidone&p=rdf:type&o=fkg:FentanylPrecursor", "api/")) {
            d.get(server.base() + path);
            WebElement box = box(d);
            assertEquals("site-search-list", box.getAttribute("aria-controls"), path);
            assertEquals("list", box.getAttribute("aria-autocomplete"), path);
            box.sendKeys("CJNG");
            List<WebElement> options = options(d);
            assertTrue(options.get(0).getText().startsWith("Jalisco New Generation Cartel"), path + ": " + options.get(0).getText());
        }
    }
}
