package org.fentanylkg.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A person's walk through the site in headless chromium: landing page, report, entity, quote in context, ontology. */
class SiteBrowserTest extends BrowserTests {
    @Test
    void fromTheLandingPageThroughTheReportToAnEntityAndBackToTheSentence() {
        WebDriver d = browser.driver();
        d.get(server.base());
        assertEquals("fentanyl-kg", d.findElement(By.tagName("h1")).getText());
        assertTrue(Files.exists(browser.screenshot("landing")));

        d.findElement(By.linkText("Read the report")).click();
        browser.waiting().until(ExpectedConditions.urlContains("/report/IF10400-2025-08-26"));
        assertEquals("Illicit Fentanyl and Mexico's Role", d.findElement(By.tagName("h1")).getText());
        browser.screenshot("report");

        WebElement sentence = d.findElement(By.id("p7-s1"));
        sentence.findElement(By.linkText("Jalisco New Generation Cartel")).click();
        browser.waiting().until(ExpectedConditions.urlToBe(server.base() + "id/cjng"));
        assertEquals("Jalisco New Generation Cartel", d.findElement(By.tagName("h1")).getText());
        assertTrue(d.findElements(By.cssSelector(".types .type.inferred")).size() > 0, "inferred types shown");
        browser.screenshot("resource-cjng");

        // the quote behind a fact, followed to its sentence in the report
        WebElement inContext = d.findElement(By.cssSelector(".evidence a.sentence"));
        String target = inContext.getAttribute("href");
        String fragment = target.substring(target.indexOf('#') + 1);
        inContext.click();
        browser.waiting().until(ExpectedConditions.urlToBe(target));
        Object targeted = ((JavascriptExecutor) d).executeScript("var t = document.querySelector(':target'); return t ? t.id + ' ' + t.className : null;");
        assertEquals(fragment + " sentence", targeted);
        browser.screenshot("sentence-in-context");
    }

    @Test
    void theOntologyDocumentationLinksItsTerms() {
        WebDriver d = browser.driver();
        d.get(server.base() + "ontology");
        d.findElement(By.cssSelector("#hierarchy a[href='#Cartel']")).click();
        browser.waiting().until(ExpectedConditions.urlContains("#Cartel"));
        WebElement cartel = d.findElement(By.id("Cartel"));
        assertTrue(cartel.getText().contains("Sinaloa Cartel"), cartel.getText());
        browser.screenshot("ontology-cartel");
        cartel.findElement(By.linkText("Sinaloa Cartel")).click();
        browser.waiting().until(ExpectedConditions.urlToBe(server.base() + "id/sinaloa-cartel"));
        assertEquals("Sinaloa Cartel", d.findElement(By.tagName("h1")).getText());
    }
}
