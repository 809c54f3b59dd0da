package org.fentanylkg.http.api;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.explain.Evidence;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Explanation;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.explain.TermException;
import org.fentanylkg.explain.Terms;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.Representation;
import org.fentanylkg.vocab.FKG;

/**
 * {@code GET /explain?s=...&p=...&o=...}: the explanation of a triple as an HTML page, the target of the
 * "why?" links beside inferred facts. Rendered with a Mustache template, which HTML-escapes every value.
 */
final class ExplainPageServlet extends HttpServlet {
    private static final String TEMPLATES = "org/fentanylkg/http/api";

    private final Supplier<Explainer> explainer;
    private final Supplier<Generation> generation;
    private final Labels labels;
    private final Mustache page;

    ExplainPageServlet(Supplier<Explainer> explainer, Supplier<Generation> generation, Labels labels) {
        this.explainer = explainer;
        this.generation = generation;
        this.labels = labels;
        this.page = new DefaultMustacheFactory(TEMPLATES).compile("explain.mustache");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, Object> view = new HashMap<>();
        Triple t;
        try {
            t = ExplainServlet.triple(req);
        } catch (TermException e) {
            view.put("error", Map.of("heading", "Cannot read the parameter '" + e.part() + "'",
                    "message", e.getMessage() + ". Expected " + ExplainServlet.expected(e.part()) + "."));
            render(resp, 400, view);
            return;
        }
        Representation rep = ApiResponses.representation(generation.get(), Format.HTML, req); // before the explainer reads
        Optional<Explanation> why;
        try {
            why = explainer.get().explain(t);
        } catch (UncheckedIOException e) {
            view.put("error", Map.of("heading", "Explanations unavailable", "message", ExplainServlet.unavailable(e) + "."));
            render(resp, 503, view);
            return;
        }
        if (why.isEmpty()) {
            view.put("error", Map.of("heading", "Not in the graph", "message", ExplainServlet.notInGraph(t) + "."));
            render(resp, 404, view);
            return;
        }
        Explanation e = why.get();
        Map<String, Object> root = node(e, true);
        root.put("jsonUrl", "api/explain?" + query(e.triple())); // the request's own triple: IRIs or a literal
        root.put("facts", e.assertedLeaves().size());
        view.put("explanation", root);
        view.put("title", labels.of(e.triple()));
        rep.sendText(req, resp, () -> html(view));
    }

    /** An error page: no validators, as an error is not the page asked for. */
    private void render(HttpServletResponse resp, int status, Map<String, Object> view) throws IOException {
        resp.setStatus(status);
        resp.setContentType(Format.HTML.contentType());
        resp.setHeader("Content-Security-Policy", Representation.HTML_POLICY);
        resp.getOutputStream().write(html(view).getBytes(StandardCharsets.UTF_8));
    }

    private String html(Map<String, Object> view) throws IOException {
        StringWriter out = new StringWriter();
        page.execute(out, view).flush();
        return out.toString();
    }

    private Map<String, Object> node(Explanation e, boolean root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", e.status().word());
        m.put("root", root);
        m.put("subject", term(e.triple().getSubject()));
        m.put("predicate", term(e.triple().getPredicate()));
        m.put("object", term(e.triple().getObject()));
        m.put("nt", Prefixes.shortForm(e.triple().getSubject()) + " " + Prefixes.shortForm(e.triple().getPredicate()) + " "
                + Prefixes.shortForm(e.triple().getObject()));
        String q = query(e.triple());
        m.put("link", q == null ? null : "explain?" + q);
        // Every key is set in every node: Mustache looks up a missing key in the enclosing node, which would
        // give an asserted premise its parent's premises.
        m.put("inferred", e.inferred());
        m.put("premises", List.of());
        m.put("evidence", List.of());
        m.put("axioms", List.of());
        m.put("hasAxioms", false);
        if (e.inferred()) {
            m.put("inferred", true);
            m.put("rule", e.rule());
            m.put("ruleDescription", e.ruleDescription());
            List<String> axioms = new ArrayList<>();
            for (Triple a : e.axioms()) {
                axioms.add(Prefixes.shortForm(a.getSubject()) + " " + Prefixes.shortForm(a.getPredicate()) + " " + Prefixes.shortForm(a.getObject()));
            }
            m.put("axioms", axioms);
            m.put("hasAxioms", !axioms.isEmpty());
            List<Map<String, Object>> premises = new ArrayList<>();
            for (Explanation p : e.premises()) premises.add(node(p, false));
            m.put("premises", premises);
        } else {
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Evidence ev : e.evidence()) evidence.add(evidence(ev));
            m.put("evidence", evidence);
        }
        return m;
    }

    private Map<String, Object> evidence(Evidence ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("graph", href(ev.graph()));
        m.put("graphShort", Prefixes.shortForm(NodeFactory.createURI(ev.graph())));
        for (Evidence.Origin o : Evidence.Origin.values()) m.put(o.word(), o == ev.origin());
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (Evidence.Quote q : ev.quotes()) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("text", q.text());
            qm.put("sentence", href(q.sentence()));
            qm.put("sentenceName", q.sentence().substring(q.sentence().lastIndexOf('/') + 1));
            qm.put("sentenceText", q.sentenceText());
            quotes.add(qm);
        }
        m.put("quotes", quotes);
        m.put("sources", ev.sources());
        m.put("notes", ev.notes());
        return m;
    }

    private Map<String, Object> term(Node n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", labels.of(n));
        m.put("short", Prefixes.shortForm(n));
        m.put("href", n.isURI() ? href(n.getURI()) : null);
        return m;
    }

    /**
     * Where a browser finds an IRI: the project's own IRIs are served by this server at their path
     * ({@code https://w3id.org/fentanyl-kg/id/cjng} at {@code /id/cjng}, relative to this page at {@code /explain});
     * any other IRI is linked as it is.
     */
    static String href(String iri) {
        return iri.startsWith(FKG.BASE) ? iri.substring(FKG.BASE.length()) : iri;
    }

    /** s, p and o of an explanation link; o in N-Triples form. */
    static String query(Triple t) {
        if (!t.getSubject().isURI() || !t.getPredicate().isURI() || t.getObject().isBlank()) return null;
        return "s=" + enc(t.getSubject().getURI()) + "&p=" + enc(t.getPredicate().getURI()) + "&o=" + enc(Terms.ntriples(t.getObject()));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
