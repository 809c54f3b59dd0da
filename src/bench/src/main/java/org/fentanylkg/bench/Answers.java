package org.fentanylkg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSet;

/** A query's answer as a sorted list of rows, comparable between servers (blank node labels blanked). */
public final class Answers {
    private Answers() {}

    /** Thrown when the server did not answer within the bound. */
    public static final class DidNotFinish extends Exception {
        DidNotFinish(String message) { super(message, null, false, false); }
    }

    public static List<String> fetch(HttpClient http, String endpoint, String query, Duration timeout)
            throws IOException, InterruptedException, DidNotFinish {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new DidNotFinish("no answer within " + timeout.toSeconds() + " s");
        }
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() == 503 && body.contains("imeout")) throw new DidNotFinish("query timeout (server side)");
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode() + ": " + body.lines().findFirst().orElse(""));
        RowSet rows = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON));
        return rows(rows);
    }

    static List<String> rows(RowSet rows) {
        List<String> out = new ArrayList<>();
        var vars = rows.getResultVars();
        rows.forEachRemaining(b -> {
            StringBuilder s = new StringBuilder();
            for (var v : vars) {
                Node n = b.get(v);
                s.append(n == null ? "" : n.isBlank() ? "_:b" : n.toString()).append('\t');
            }
            out.add(s.toString());
        });
        out.sort(null);
        return out;
    }
}
