package org.fentanylkg.http.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.fentanylkg.http.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ranking of /api/search: for each query, the expected first hit. Names and identifiers as the data states
 * them (data/facts/*.trig); the order of ranks is exact label, alternative label or identifier, label prefix,
 * alternative-label prefix, every word in a label, in an alternative label, then text (notes, quotes, sentences).
 */
class SearchRankingTest {
    private static final String ID = "https://w3id.org/fentanyl-kg/id/";
    private static final String REPORT = "https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/";
    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    static JsonArray hits(String q, String more) throws Exception {
        HttpResponse<String> r = server.get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("hits");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CJNG                              | id/cjng
            Jalisco New Generation Cartel     | id/cjng
            jalis                             | id/cjng
            cártel de jalisco nueva generación| id/cjng
            sinaloa                           | id/sinaloa-cartel
            Sinaloa Cartel                    | id/sinaloa-cartel
            cartel de sinaloa                 | id/sinaloa-cartel
            4-AP                              | id/4-ap
            4-anilinopiperidine               | id/4-ap
            23056-29-3                        | id/4-ap
            HALT                              | id/pl-119-26
            P.L. 119-26                       | id/pl-119-26
            HALT Fentanyl Act                 | id/pl-119-26
            Rubio                             | id/marco-rubio
            marco rubio                       | id/marco-rubio
            Intercam                          | id/intercam
            intercam banco                    | id/intercam
            precursor table I                 | id/table-i-1988
            pill presses                      | id/pill-presses
            reportedly use pill presses       | report:p7-s3
            E.O. 14157                        | id/eo-14157
            14157                             | id/eo-14157
            Executive Order 14157             | id/eo-14157
            Mexico                            | id/mexico
            fentanyl                          | id/fentanyl
            CIBanco                           | id/cibanco
            Gulf Cartel                       | id/gulf-cartel
            DEA                               | id/dea
            Drug Enforcement                  | id/dea
            ANPP                              | id/anpp
            """)
    void theExpectedHitComesFirst(String q, String expected) throws Exception {
        JsonArray hits = hits(q.strip(), "&limit=5");
        assertTrue(hits.size() > 0, "no hit for " + q);
        String top = hits.get(0).getAsJsonObject().get("iri").getAsString();
        List<String> shown = new ArrayList<>();
        for (var h : hits) shown.add(h.getAsJsonObject().get("iri").getAsString() + " [" + h.getAsJsonObject().get("field").getAsString() + "]");
        String exp = expected.strip();
        if (exp.startsWith("report:")) assertEquals(REPORT + exp.substring(7), top, q + ": " + shown);
        else if (exp.startsWith("?")) assertTrue(top.contains(exp.substring(1)), q + ": " + shown);
        else assertEquals(ID + exp.substring(3), top, q + ": " + shown);
    }
}
