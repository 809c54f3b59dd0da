package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.http.pages.SitePages;
import org.fentanylkg.http.pages.Templates;
import org.fentanylkg.http.pages.View;

/**
 * {@code /search?q=}: the results page the header's search box opens. Entities grouped by their class, then the
 * report's sentences with the words found marked, a link to the sentence in the report and the entities it states
 * facts about. A bad query shows its message (status 400) on the same page.
 */
final class SearchPageServlet extends HttpServlet {
    private static final int PAGE_SIZE = 50;

    private final LinkedData ld;

    SearchPageServlet(LinkedData ld) { this.ld = ld; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Links links = ld.links(req);
        Node report = ld.read(() -> SitePages.reportIri(ld.dataset()));
        String q = ApiResponses.single(req, "q");
        Map<String, Object> page = Templates.page(links, report, q == null || q.isBlank() ? "Search" : "Search: " + q, "search");
        page.put("q", q == null ? "" : q);
        int status = 200;
        if (q != null && !q.isBlank()) {
            try {
                Search.Request r = SearchServlet.request(req);
                r = new Search.Request(r.q(), r.type(), PAGE_SIZE, r.offset());
                Search.Result result = Search.run(ld.dataset(), ld.snapshot(), r);
                page.put("searched", true);
                page.put("total", result.total());
                page.put("shown", result.hits().size());
                page.put("groups", groups(result, links));
                page.put("sentences", sentences(result, links));
                page.put("api", links.at("api/search") + "?" + req.getQueryString());
            } catch (Search.Refused e) {
                status = e.status;
                page.put("error", e.getMessage());
            }
        }
        String html = Templates.render("search", page);
        if (status == 200) {
            Representation.of(ld.generation(), Format.HTML, req, links).sendText(req, resp, () -> html);
            return;
        }
        resp.setStatus(status);
        resp.setContentType("text/html;charset=utf-8");
        resp.setHeader("Content-Security-Policy", Representation.HTML_POLICY);
        resp.getWriter().write(html);
    }

    /** The entity hits by their first class, in rank order of each group's best hit. */
    private static List<Map<String, Object>> groups(Search.Result result, Links links) {
        Map<String, List<Map<String, Object>>> byClass = new LinkedHashMap<>();
        for (Search.Hit h : result.hits()) {
            if (h.isSentence()) continue;
            String cls = h.classes().isEmpty() ? "Other" : h.classes().get(0).label();
            byClass.computeIfAbsent(cls, k -> new ArrayList<>()).add(View.of("label", h.label(), "href", links.href(h.iri()),
                    "field", h.field(), "parts", parts(h), "classes", h.classes().stream().map(Search.Named::label).toList()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byClass.forEach((cls, hits) -> out.add(View.of("class", cls, "hits", hits, "count", hits.size())));
        return out;
    }

    private static List<Map<String, Object>> sentences(Search.Result result, Links links) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Search.Hit h : result.hits()) {
            if (!h.isSentence()) continue;
            String iri = h.iri().getURI();
            String anchor = iri.substring(iri.lastIndexOf('/') + 1);
            String reportIri = iri.substring(0, iri.lastIndexOf('/'));
            List<Map<String, Object>> mentions = h.mentions().stream().map(m -> View.of("label", m.label(), "href", links.href(m.iri()))).toList();
            out.add(View.of("parts", parts(h), "href", links.local(reportIri) + "#" + anchor, "id", anchor, "mentions", mentions));
        }
        return out;
    }

    /** The snippet cut at its highlights, each part marked or not (rendered as text, never as markup). */
    private static List<Map<String, Object>> parts(Search.Hit h) {
        List<Map<String, Object>> parts = new ArrayList<>();
        String s = h.snippet();
        int at = 0;
        for (int[] m : h.highlights()) {
            if (m[0] > at) parts.add(View.of("text", s.substring(at, m[0]), "mark", false));
            parts.add(View.of("text", s.substring(m[0], m[1]), "mark", true));
            at = m[1];
        }
        if (at < s.length()) parts.add(View.of("text", s.substring(at), "mark", false));
        return parts;
    }
}
