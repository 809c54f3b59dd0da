package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One log line per request (method, path, status, ms, query hash) under the production logging configuration
 * (src/main/resources/log4j2.properties), and no query text anywhere in the logs, whichever logger.
 */
class RequestLogTest {
    private static final Pattern LINE = Pattern.compile("(GET|POST|HEAD|PUT|DELETE) (\\S+) (\\d{3}) (\\d+) ms( query=([0-9a-f]{16}))?( capped)?( cache=(hit|miss))?");
    private static final List<LogEvent> events = Collections.synchronizedList(new ArrayList<>());
    private static LoggerContext logging;
    private static URI previousConfig;
    private static AbstractAppender capture;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        logging = (LoggerContext) LogManager.getContext(false);
        previousConfig = logging.getConfigLocation();
        logging.setConfigLocation(RequestLogTest.class.getResource("/log4j2.properties").toURI());
        capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override public void append(LogEvent e) { events.add(e.toImmutable()); }
        };
        capture.start();
        logging.getConfiguration().getRootLogger().addAppender(capture, null, null);
        // The request log has an appender of its own (asynchronous) and does not pass its lines to the root's.
        logging.getConfiguration().getLoggerConfig(RequestLogFilter.LOG.getName()).addAppender(capture, null, null);
        logging.updateLoggers();
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        logging.getConfiguration().getRootLogger().removeAppender("capture");
        logging.getConfiguration().getLoggerConfig(RequestLogFilter.LOG.getName()).removeAppender("capture");
        if (previousConfig != null) logging.setConfigLocation(previousConfig);
    }

    @BeforeEach
    void clear() { events.clear(); }

    /**
     * The request lines logged so far, once there are {@code n}: the server logs a request after its response has
     * gone out, so the client may read the answer before the line is written.
     */
    private static List<Matcher> requestLines(int n) throws InterruptedException {
        for (int i = 0; i < 100 && requestLines().size() < n; i++) Thread.sleep(50);
        return requestLines();
    }

    private static List<Matcher> requestLines() {
        List<Matcher> lines = new ArrayList<>();
        synchronized (events) {
            for (LogEvent e : events) {
                if (!e.getLoggerName().equals("org.fentanylkg.http.ops.RequestLog")) continue;
                Matcher m = LINE.matcher(e.getMessage().getFormattedMessage());
                assertTrue(m.matches(), "request line in the expected form: " + e.getMessage().getFormattedMessage());
                lines.add(m);
            }
        }
        return lines;
    }

    private static void assertNoEventContains(String text) {
        synchronized (events) {
            for (LogEvent e : events) {
                String all = e.getMessage().getFormattedMessage() + (e.getThrown() == null ? "" : " " + e.getThrown());
                assertFalse(all.contains(text), e.getLoggerName() + " logged the query: " + all);
            }
        }
    }

    /**
     * Written by a thread of its own, which sleeps between batches: a request neither waits for the console nor
     * wakes a thread for its line.
     */
    @Test
    void requestLinesAreWrittenAsynchronouslyInBatches() {
        var config = logging.getConfiguration().getLoggerConfig(RequestLogFilter.LOG.getName());
        assertEquals(RequestLogFilter.LOG.getName(), config.getName(), "the request log has a logger configuration of its own");
        assertFalse(config.isAdditive());
        assertInstanceOf(org.apache.logging.log4j.core.async.AsyncLoggerConfig.class, config);
        var settings = org.apache.logging.log4j.util.PropertiesUtil.getProperties();
        assertEquals("Sleep", settings.getStringProperty("log4j2.asyncLoggerConfigWaitStrategy"));
        assertEquals(0, settings.getIntegerProperty("log4j2.asyncLoggerConfigRetries", -1), "no spinning between batches");
    }

    @Test
    void aQueryByGetIsOneLineWithItsHashAndNeverItsText() throws Exception {
        String query = "SELECT ?s WHERE { ?s ?p \"needle-5c1e9a for the log test\" }";
        var r = server.get("/kg/sparql?query=" + TestServer.enc(query), "Accept", "text/csv");
        assertEquals(200, r.statusCode());
        List<Matcher> lines = requestLines(1);
        Thread.sleep(200); // a second line, if any, would show now
        lines = requestLines();
        assertEquals(1, lines.size(), "one line per request: " + events);
        Matcher m = lines.get(0);
        assertEquals("GET", m.group(1));
        assertEquals("/kg/sparql", m.group(2));
        assertEquals("200", m.group(3));
        assertEquals(QueryHash.of(query), m.group(6));
        assertNoEventContains("needle-5c1e9a");
    }

    @Test
    void aQueryInThePostBodyIsHashedToo() throws Exception {
        String query = "ASK { ?s ?p \"needle-77d0 in a body\" }";
        var r = server.post("/kg/query", "application/sparql-query", query);
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = requestLines(1).get(0);
        assertEquals("POST /kg/query 200", m.group(1) + " " + m.group(2) + " " + m.group(3));
        assertEquals(QueryHash.of(query), m.group(6));
        assertNoEventContains("needle-77d0");
    }

    @Test
    void aRejectedQueryIsLoggedWithItsStatusAndNotItsText() throws Exception {
        String query = "SELECT * WHERE { ?s ?p \"needle-e41b rejected\" . ?x }";
        var r = server.query(query);
        assertEquals(400, r.statusCode());
        Matcher m = requestLines(1).get(0);
        assertEquals("400", m.group(3));
        assertEquals(QueryHash.of(query), m.group(6));
        assertNoEventContains("needle-e41b");
    }

    @Test
    void otherRequestsHaveNoHash() throws Exception {
        server.get("/$/ping");
        server.get("/no/such/path");
        List<Matcher> lines = requestLines(2);
        assertEquals(2, lines.size());
        Matcher ping = lines.stream().filter(m -> m.group(2).equals("/$/ping")).findFirst().orElseThrow();
        Matcher missing = lines.stream().filter(m -> m.group(2).equals("/no/such/path")).findFirst().orElseThrow();
        assertEquals("GET 200", ping.group(1) + " " + ping.group(3));
        assertEquals("404", missing.group(3));
        assertEquals(null, ping.group(6));
        assertEquals(null, missing.group(6));
    }

    /** The response cache comes after the request log: an answer from memory is logged like any other. */
    @Test
    void aCachedAnswerIsLoggedToo() throws Exception {
        var miss = server.get("/id/dea?format=nt");
        var hit = server.get("/id/dea?format=nt");
        assertEquals("MISS", miss.headers().firstValue("X-Cache").orElse(""));
        assertEquals("HIT", hit.headers().firstValue("X-Cache").orElse(""));
        List<Matcher> lines = requestLines(2);
        assertEquals(2, lines.size(), "one line per request: " + events);
        for (Matcher m : lines) assertEquals("GET /id/dea 200", m.group(1) + " " + m.group(2) + " " + m.group(3));
    }

    @Test
    void aCappedAnswerIsMarked() throws Exception {
        var r = server.query("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }");
        assertEquals(200, r.statusCode());
        Matcher m = requestLines(1).get(0);
        assertEquals(" capped", m.group(7));
    }
}
