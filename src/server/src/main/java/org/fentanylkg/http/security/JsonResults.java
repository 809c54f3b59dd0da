package org.fentanylkg.http.security;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.rdf.model.impl.Util;

/**
 * SPARQL 1.1 Query Results JSON of a SELECT or an ASK, written compactly with Gson's streaming writer: the same
 * document as Jena's RowSetWriterJSON (same members, same terms, RDF 1.2 triple terms and base direction included),
 * without its indentation, which Jena writes one character at a time and which was the largest cost of answering a
 * small query (docs/benchmarks.md, "Where a request's time goes").
 */
public final class JsonResults {
    private JsonResults() {}

    /** Writes the rows as the SPARQL endpoint sends them (the benchmark times this alone). */
    public static void write(OutputStream out, RowSet rows) throws IOException { write(out, rows, length -> {}); }

    /** As {@link #write(OutputStream, RowSet)}; an answer of at most {@link HeldAnswer#WHOLE_ANSWER_BYTES} has its length told first. */
    static void write(OutputStream out, RowSet rows, java.util.function.IntConsumer contentLength) throws IOException {
        NodeToLabel labels = SyntaxLabels.createNodeToLabel();
        HeldAnswer held = new HeldAnswer(out, contentLength);
        Utf8BlockWriter text = new Utf8BlockWriter(held);
        JsonWriter json = new JsonWriter(text);
        json.beginObject();
        json.name("head").beginObject().name("vars").beginArray();
        for (Var v : rows.getResultVars()) json.value(v.getVarName());
        json.endArray().endObject();
        json.name("results").beginObject().name("bindings").beginArray();
        while (rows.hasNext()) {
            Binding b = rows.next();
            json.beginObject();
            for (Var v : rows.getResultVars()) {
                Node n = b.get(v);
                if (n == null) continue;
                json.name(v.getVarName());
                term(json, n, labels);
            }
            json.endObject();
        }
        json.endArray().endObject();
        json.endObject();
        text.finish();
        held.finish();
    }

    /** An ASK answer, Jena's document written compactly, its length told first (so it is not sent chunked). */
    static void write(OutputStream out, boolean answer, java.util.function.IntConsumer contentLength) throws IOException {
        HeldAnswer held = new HeldAnswer(out, contentLength);
        Utf8BlockWriter text = new Utf8BlockWriter(held);
        new JsonWriter(text).beginObject().name("head").beginObject().endObject().name("boolean").value(answer).endObject();
        text.finish();
        held.finish();
    }

    private static void term(JsonWriter json, Node n, NodeToLabel labels) throws IOException {
        json.beginObject();
        if (n.isURI()) {
            json.name("type").value("uri").name("value").value(n.getURI());
        } else if (n.isLiteral()) {
            json.name("type").value("literal");
            if (Util.isSimpleString(n) || Util.isLangString(n) || Util.isDirLangString(n)) {
                String lang = n.getLiteralLanguage();
                if (lang != null && !lang.isEmpty()) json.name("xml:lang").value(lang);
                if (n.getLiteralBaseDirection() != null) json.name("its:dir").value(n.getLiteralBaseDirection().direction());
            } else {
                json.name("datatype").value(n.getLiteralDatatypeURI());
            }
            json.name("value").value(n.getLiteralLexicalForm());
        } else if (n.isBlank()) {
            json.name("type").value("bnode").name("value").value(labels.get(null, n).substring(2)); // "_:b0" → "b0", as Jena
        } else if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            json.name("type").value("triple").name("value").beginObject();
            json.name("subject");
            term(json, t.getSubject(), labels);
            json.name("predicate");
            term(json, t.getPredicate(), labels);
            json.name("object");
            term(json, t.getObject(), labels);
            json.endObject();
        } else {
            throw new IllegalArgumentException("Not an RDF term of a result: " + n);
        }
        json.endObject();
    }
}
