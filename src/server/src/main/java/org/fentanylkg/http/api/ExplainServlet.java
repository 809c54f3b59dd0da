package org.fentanylkg.http.api;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.explain.Explainer;
import org.fentanylkg.explain.Explanation;
import org.fentanylkg.explain.ExplanationJson;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.explain.TermException;
import org.fentanylkg.explain.Terms;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.HttpError;
import org.fentanylkg.http.linkeddata.Negotiation;
import org.fentanylkg.http.linkeddata.Representation;

/**
 * {@code GET /api/explain?s=...&p=...&o=...}: the explanation of a triple as JSON ({@link ExplanationJson}), with
 * validators from the generation served.
 */
final class ExplainServlet extends HttpServlet {
    private final Supplier<Explainer> explainer;
    private final Supplier<Generation> generation;
    private final ExplanationJson json;

    ExplainServlet(Supplier<Explainer> explainer, Supplier<Generation> generation, Labels labels) {
        this.explainer = explainer;
        this.generation = generation;
        this.json = new ExplanationJson(labels);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.byAccept(req, Format.JSON_ONLY);
        Triple t;
        try {
            t = triple(req);
        } catch (TermException e) {
            throw HttpError.badParameter(400, e.getMessage(), e.part(), expected(e.part()));
        }
        Representation rep = ApiResponses.representation(generation.get(), Format.JSON, req); // before the explainer reads
        Optional<Explanation> why;
        try {
            why = explainer.get().explain(t);
        } catch (UncheckedIOException e) { // a store's derivations could not be read
            throw new HttpError(503, unavailable(e));
        }
        if (why.isEmpty()) throw HttpError.notFound(notInGraph(t)).with("triple", json.triple(t));
        rep.send(req, resp, () -> ApiResponses.bytes(json.json(why.get())));
    }

    static String unavailable(UncheckedIOException e) {
        return "explanations are unavailable: " + e.getCause().getMessage();
    }

    /** The triple of s, p and o; a part given twice is an error too. */
    static Triple triple(HttpServletRequest req) throws TermException {
        for (String part : new String[] {"s", "p", "o"}) {
            String[] values = req.getParameterValues(part);
            if (values != null && values.length > 1) throw new TermException(part, "given " + values.length + " times; give one value");
        }
        return Terms.triple(ApiResponses.single(req, "s"), ApiResponses.single(req, "p"), ApiResponses.single(req, "o"));
    }

    static String expected(String part) {
        return part.equals("o") ? "an IRI, a prefixed name, or a literal in N-Triples form such as \"1959\"^^<http://www.w3.org/2001/XMLSchema#gYear>"
                : "an IRI (bare or in <>) or a prefixed name such as " + (part.equals("s") ? "fkr:4-piperidone" : "fkg:precursorOf");
    }

    static String notInGraph(Triple t) {
        return "the graph holds no such triple (neither asserted nor inferred): " + Prefixes.shortForm(t.getSubject()) + " "
                + Prefixes.shortForm(t.getPredicate()) + " " + Prefixes.shortForm(t.getObject());
    }
}
