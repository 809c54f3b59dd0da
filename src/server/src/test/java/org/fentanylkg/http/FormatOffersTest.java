package org.fentanylkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every format the one format table offers at an endpoint ({@link Format#OFFERS}) is served there, by its suffix
 * or {@code ?format=} name and by Accept, with its media type, and parses as what it says it is.
 */
class FormatOffersTest {
    private static TestServer server;

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    private static void assertServed(HttpResponse<String> r, Format f, String what) {
        assertEquals(200, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f.mediaType()), what + ": " + r.headers());
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        if (f.rdf() != null) {
            DatasetGraph dsg = DatasetGraphFactory.create();
            RDFParser.source(new ByteArrayInputStream(body)).lang(f.lang()).parse(dsg);
            assertTrue(dsg.getDefaultGraph().size() + dsg.stream().count() > 0, what + ": no triples");
        } else if (f.lang() != null) {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body), f.lang());
            assertTrue(rs.hasNext(), what + ": no rows");
        }
    }

    @Test
    void everySavedQueryResultFormatIsServedBySuffixAndByAccept() {
        for (Format f : Format.OFFERS.get("/api/queries/{name} SELECT ASK")) {
            assertServed(server.get("api/queries/timeline." + f.formatName()), f, "suffix ." + f.formatName());
            assertServed(server.get("api/queries/timeline", "Accept", f.mediaType()), f, "Accept " + f.mediaType());
            for (String also : f.alsoAccepted()) assertServed(server.get("api/queries/timeline", "Accept", also), f, "Accept " + also);
        }
    }

    @Test
    void everyLinkedDataFormatIsServedByNameAndByAccept() {
        for (Format f : Format.OFFERS.get("/{path} (linked data)")) {
            assertServed(server.get("id/cjng?format=" + f.formatName()), f, "?format=" + f.formatName());
            assertServed(server.get("id/cjng", "Accept", f.mediaType()), f, "Accept " + f.mediaType());
        }
    }

    @Test
    void everyDumpIsServedByFileNameAndByAccept() {
        for (Format f : Format.OFFERS.get("/dumps/fentanyl-kg")) {
            assertServed(server.get("dumps/fentanyl-kg." + f.formatName()), f, "dump ." + f.formatName());
            assertServed(server.get("dumps/fentanyl-kg", "Accept", f.mediaType()), f, "dump by Accept " + f.mediaType());
        }
    }

    @Test
    void searchAndTheJsonEndpointsServeWhatTheyOffer() {
        for (Format f : Format.OFFERS.get("/api/search")) assertServed(server.get("api/search?q=cartel", "Accept", f.mediaType()), f, "search " + f);
        for (String path : List.of("api/queries", "api/explain?s=fkr:fentanyl&p=rdf:type&o=fkg:Opioid")) {
            HttpResponse<String> r = server.get(path, "Accept", Format.JSON.mediaType());
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + ": " + r.statusCode());
            assertEquals(406, server.get(path, "Accept", "text/csv").statusCode(), path);
        }
    }
}
