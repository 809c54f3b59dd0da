package org.fentanylkg.http.pages;

import org.fentanylkg.http.linkeddata.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What every browser test class shares: one server and one headless chromium for the class. */
public abstract class BrowserTests {
    protected static TestServer server;
    protected static Browser browser;

    @BeforeAll
    static void startServerAndBrowser() {
        server = TestServer.start();
        browser = Browser.start();
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }
}
