package org.fentanylkg.explain;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * An explanation as JSON. Terms are written as in SPARQL JSON results ({@code type}, {@code value},
 * {@code datatype}, {@code xml:lang}), with the term's {@code label} where the graph has one:
 * <pre>
 * { "triple": {"subject": term, "predicate": term, "object": term}, "text": "4-piperidone · type · fentanyl precursor",
 *   "status": "inferred", "rule": "cls-hv2", "ruleDescription": "FentanylPrecursor ≡ precursorOf value fentanyl",
 *   "axioms": [triple...], "premises": [explanation...] }
 * { "triple": ..., "status": "asserted",
 *   "evidence": [{"origin": "fact", "graph": fact IRI, "quotes": [{"text", "sentence", "sentenceText"}],
 *                 "sources": [IRI...], "notes": [text...]}] }
 * </pre>
 */
public final class ExplanationJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Labels labels;

    public ExplanationJson(Labels labels) { this.labels = labels; }

    public String write(Explanation e) { return GSON.toJson(json(e)); }

    public JsonObject json(Explanation e) {
        JsonObject o = new JsonObject();
        o.add("triple", triple(e.triple()));
        o.addProperty("text", labels.of(e.triple()));
        o.addProperty("status", e.status().word());
        if (e.inferred()) {
            o.addProperty("rule", e.rule());
            o.addProperty("ruleDescription", e.ruleDescription());
            JsonArray axioms = new JsonArray();
            e.axioms().forEach(a -> axioms.add(triple(a)));
            o.add("axioms", axioms);
            JsonArray premises = new JsonArray();
            e.premises().forEach(p -> premises.add(json(p)));
            o.add("premises", premises);
        } else {
            JsonArray evidence = new JsonArray();
            for (Evidence ev : e.evidence()) evidence.add(evidence(ev));
            o.add("evidence", evidence);
        }
        return o;
    }

    private static JsonObject evidence(Evidence ev) {
        JsonObject o = new JsonObject();
        o.addProperty("origin", ev.origin().word());
        o.addProperty("graph", ev.graph());
        JsonArray quotes = new JsonArray();
        for (Evidence.Quote q : ev.quotes()) {
            JsonObject j = new JsonObject();
            j.addProperty("text", q.text());
            j.addProperty("sentence", q.sentence());
            j.addProperty("sentenceText", q.sentenceText());
            quotes.add(j);
        }
        o.add("quotes", quotes);
        JsonArray sources = new JsonArray();
        ev.sources().forEach(sources::add);
        o.add("sources", sources);
        JsonArray notes = new JsonArray();
        ev.notes().forEach(notes::add);
        o.add("notes", notes);
        return o;
    }

    public JsonObject triple(Triple t) {
        JsonObject o = new JsonObject();
        o.add("subject", term(t.getSubject()));
        o.add("predicate", term(t.getPredicate()));
        o.add("object", term(t.getObject()));
        return o;
    }

    public JsonObject term(Node n) {
        JsonObject o = new JsonObject();
        if (n.isURI()) {
            o.addProperty("type", "uri");
            o.addProperty("value", n.getURI());
            labels.find(n).ifPresent(l -> o.addProperty("label", l));
        } else if (n.isLiteral()) {
            o.addProperty("type", "literal");
            o.addProperty("value", n.getLiteralLexicalForm());
            if (!n.getLiteralLanguage().isEmpty()) o.addProperty("xml:lang", n.getLiteralLanguage());
            else if (n.getLiteralDatatypeURI() != null && !n.getLiteralDatatypeURI().endsWith("#string")) {
                o.addProperty("datatype", n.getLiteralDatatypeURI());
            }
        } else {
            o.addProperty("type", "bnode");
            o.addProperty("value", n.getBlankNodeLabel());
        }
        return o;
    }
}
