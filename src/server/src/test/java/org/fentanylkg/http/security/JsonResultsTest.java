package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.Test;

/** The compact JSON results are Jena's JSON results, member for member, for every kind of term. */
class JsonResultsTest {
    static { org.apache.jena.sys.JenaSystem.init(); }

    private static final Var S = Var.alloc("s");
    private static final Var O = Var.alloc("o");

    private static RowSet rows(List<Binding> bindings) { return RowSetStream.create(List.of(S, O), bindings.iterator()); }

    private static JsonElement ours(List<Binding> b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonResults.write(out, rows(b));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonElement jenas(List<Binding> b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultSetMgr.write(out, org.apache.jena.query.ResultSet.adapt(rows(b)), ResultSetLang.RS_JSON);
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfTermIsWrittenAsJenaWritesIt() throws Exception {
        Node iri = NodeFactory.createURI("https://w3id.org/fentanyl-kg/id/sinaloa-cartel");
        Node blank = NodeFactory.createBlankNode();
        List<Binding> b = List.of(
                BindingFactory.binding(S, iri, O, NodeFactory.createLiteralString("Sinaloa \"Cartel\"\n\u2028 <script> é ☃")),
                BindingFactory.binding(S, blank, O, NodeFactory.createLiteralLang("Cártel de Sinaloa", "es")),
                BindingFactory.binding(S, blank, O, NodeFactory.createLiteralDirLang("text", "ar", "rtl")),
                BindingFactory.binding(S, iri, O, NodeFactory.createLiteralDT("2025", XSDDatatype.XSDgYear)),
                BindingFactory.binding(S, iri),
                BindingFactory.binding(O, NodeFactory.createTripleTerm(iri, iri, NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger))),
                BindingFactory.empty());
        assertEquals(jenas(b), ours(b));
        assertEquals(jenas(List.of()), ours(List.of()));
    }

    @Test
    void anAskAnswerIsWrittenAsJenaWritesIt() throws Exception {
        for (boolean answer : new boolean[] {true, false}) {
            ByteArrayOutputStream jena = new ByteArrayOutputStream();
            ResultSetMgr.write(jena, answer, ResultSetLang.RS_JSON);
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            int[] told = {-1};
            JsonResults.write(ours, answer, length -> told[0] = length);
            assertEquals(JsonParser.parseString(jena.toString(StandardCharsets.UTF_8)), JsonParser.parseString(ours.toString(StandardCharsets.UTF_8)));
            assertEquals(ours.size(), told[0], "its length told before it is written");
        }
    }
}
