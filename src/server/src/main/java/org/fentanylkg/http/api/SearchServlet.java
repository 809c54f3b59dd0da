package org.fentanylkg.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Negotiation;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;

/**
 * {@code GET /api/search?q=&class=&limit=&offset=}: ranked hits as JSON, or CSV by {@code Accept: text/csv}.
 * Bad parameters get 400 in the one error format (problem details with "parameter" and "expected").
 */
final class SearchServlet extends HttpServlet {
    private final LinkedData ld;

    SearchServlet(LinkedData ld) { this.ld = ld; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Format type = Negotiation.byAccept(req, Format.SEARCH);
        Search.Result result;
        Search.Request r;
        try {
            r = request(req);
            result = Search.run(ld.dataset(), ld.snapshot(), r);
        } catch (Search.Refused e) {
            throw HttpError.badParameter(e.status, e.getMessage(), e.parameter, e.expected);
        }
        Links links = ld.links(req);
        resp.setHeader("Cache-Control", "no-cache");
        if (type == Format.CSV) {
            resp.setStatus(200);
            resp.setContentType(type.contentType());
            resp.getWriter().write(csv(result));
            return;
        }
        ApiResponses.json(resp, 200, json(result, r, links));
    }

    /** The request's parameters, checked; each may be given once. */
    static Search.Request request(HttpServletRequest req) {
        for (String p : List.of("q", "class", "limit", "offset")) {
            String[] v = req.getParameterValues(p);
            if (v != null && v.length > 1) throw new Search.Refused(400, "parameter " + p + " is given " + v.length + " times; give it once", p, null);
        }
        String q = Search.checkQuery(ApiResponses.single(req, "q"));
        Node type = type(ApiResponses.single(req, "class"));
        int limit = number(req, "limit", Search.DEFAULT_LIMIT, 1);
        int offset = number(req, "offset", 0, 0);
        if (offset > 10_000) throw new Search.Refused(400, "parameter offset is " + offset + "; the largest is 10000", "offset", "an integer from 0 to 10000");
        return new Search.Request(q, type, Math.min(limit, Search.MAX_LIMIT), offset);
    }

    private static int number(HttpServletRequest req, String name, int dflt, int min) {
        String v = ApiResponses.single(req, name);
        if (v == null || v.isEmpty()) return dflt;
        String expected = "an integer of at least " + min + (name.equals("limit") ? " (at most " + Search.MAX_LIMIT + " hits are returned)" : "");
        if (!v.matches("\\d{1,9}")) throw new Search.Refused(400, "parameter " + name + " is not an integer: '" + abbreviate(v) + "'", name, expected);
        int n = Integer.parseInt(v);
        if (n < min) throw new Search.Refused(400, "parameter " + name + " is " + n + "; the smallest is " + min, name, expected);
        return n;
    }

    /** A class as an IRI (bare or in &lt;&gt;) or a prefixed name of the shared prefixes (fkg:Cartel). */
    static Node type(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        String expanded = Prefixes.PREFIXES.expandPrefix(v);
        if (!expanded.matches("https?://[^\\s<>\"{}|\\\\^`]+")) {
            throw new Search.Refused(400, "parameter class is not an IRI or a known prefixed name: '" + abbreviate(value) + "'", "class",
                    "an IRI or a prefixed name such as fkg:Cartel");
        }
        return NodeFactory.createURI(expanded);
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "…" : s; }

    static JsonObject json(Search.Result result, Search.Request r, Links links) {
        JsonObject o = new JsonObject();
        o.addProperty("q", result.q());
        o.addProperty("total", result.total());
        o.addProperty("offset", r.offset());
        o.addProperty("limit", r.limit());
        JsonArray hits = new JsonArray();
        for (Search.Hit h : result.hits()) {
            JsonObject j = new JsonObject();
            j.addProperty("iri", h.iri().getURI());
            j.addProperty("label", h.label());
            j.addProperty("page", links.href(h.iri()));
            j.add("classes", named(h.classes(), links));
            j.addProperty("field", h.field());
            j.addProperty("snippet", h.snippet());
            JsonArray marks = new JsonArray();
            for (int[] m : h.highlights()) {
                JsonArray a = new JsonArray();
                a.add(m[0]);
                a.add(m[1]);
                marks.add(a);
            }
            j.add("highlights", marks);
            j.addProperty("score", h.score());
            if (h.isSentence()) j.add("mentions", named(h.mentions(), links));
            hits.add(j);
        }
        o.add("hits", hits);
        return o;
    }

    private static JsonArray named(List<Search.Named> list, Links links) {
        JsonArray a = new JsonArray();
        for (Search.Named n : list) {
            JsonObject c = new JsonObject();
            c.addProperty("iri", n.iri().getURI());
            c.addProperty("label", n.label());
            c.addProperty("page", links.href(n.iri()));
            a.add(c);
        }
        return a;
    }

    static String csv(Search.Result result) {
        StringWriter w = new StringWriter();
        w.write("iri,label,classes,field,snippet,score\r\n");
        for (Search.Hit h : result.hits()) {
            w.write(String.join(",", cell(h.iri().getURI()), cell(h.label()),
                    cell(h.classes().stream().map(c -> c.iri().getURI()).collect(Collectors.joining(" "))),
                    cell(h.field()), cell(h.snippet()), cell(Float.toString(h.score()))));
            w.write("\r\n");
        }
        return w.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String cell(String s) {
        if (s == null) return "";
        return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
