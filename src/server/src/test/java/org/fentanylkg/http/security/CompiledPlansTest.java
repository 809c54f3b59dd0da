package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query's algebra is compiled once and reused, for that query only, on the engine ARQ would choose anyway. */
class CompiledPlansTest {
    private static final String Q = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o FILTER(?o > 1) } ORDER BY ?s";
    private static DatasetGraph data;

    @BeforeAll
    static void setUp() {
        CompiledPlans.register();
        data = DatasetGraphFactory.createTxnMem();
        data.executeWrite(() -> {
            for (int i = 0; i < 4; i++) {
                data.getDefaultGraph().add(SSE.parseTriple("(<http://example.org/s" + i + "> <http://example.org/p> " + i + ")"));
            }
        });
    }

    private static Context with(CompiledPlans.Memo memo) {
        Context c = new Context();
        c.set(CompiledPlans.MEMO, memo);
        return c;
    }

    private static List<String> rows(QueryExecDatasetBuilder exec) {
        List<String> out = new ArrayList<>();
        data.executeRead(() -> exec.select().forEachRemaining(b -> out.add(b.toString())));
        return out;
    }

    @Test
    void theMemoIsFilledByTheFirstRunAndGivesTheSameAnswers() {
        Query q = QueryFactory.create(Q);
        CompiledPlans.Memo memo = new CompiledPlans.Memo(q);
        assertSame(CompiledPlans.class, QueryEngineRegistry.findFactory(q, data, with(memo)).getClass());
        List<String> plain = rows(QueryExec.newBuilder().dataset(data).query(q));
        assertEquals(2, plain.size(), plain.toString());
        assertEquals(plain, rows(QueryExec.newBuilder().dataset(data).query(q).context(with(memo))));
        assertEquals(plain, rows(QueryExec.newBuilder().dataset(data).query(q).context(with(memo))));
    }

    @Test
    void anotherQueryWithTheMemoRunsOnARQsOwnEngine() {
        Query q = QueryFactory.create(Q);
        Query other = QueryFactory.create("SELECT ?s WHERE { ?s <http://example.org/p> 0 }");
        CompiledPlans.Memo memo = new CompiledPlans.Memo(q);
        rows(QueryExec.newBuilder().dataset(data).query(q).context(with(memo)));
        assertNotSame(CompiledPlans.class, QueryEngineRegistry.findFactory(other, data, with(memo)).getClass());
        assertEquals(List.of("( ?s = <http://example.org/s0> )"), rows(QueryExec.newBuilder().dataset(data).query(other).context(with(memo))));
    }

    @Test
    void aQueryWithoutAMemoRunsOnARQsOwnEngine() {
        Query q = QueryFactory.create(Q);
        assertNotSame(CompiledPlans.class, QueryEngineRegistry.findFactory(q, data, new Context()).getClass());
    }

    @Test
    void aTdb2StoreKeepsItsOwnEngine() {
        Query q = QueryFactory.create(Q);
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        assertNotSame(CompiledPlans.class, QueryEngineRegistry.findFactory(q, tdb, with(new CompiledPlans.Memo(q))).getClass());
    }

    @Test
    void initialBindingsAreNotFrozenIntoTheMemo() {
        Query q = QueryFactory.create("SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }");
        CompiledPlans.Memo memo = new CompiledPlans.Memo(q);
        for (int i = 0; i < 3; i++) {
            Binding start = BindingFactory.binding(Var.alloc("o"), NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
            var exec = QueryExec.newBuilder().dataset(data).query(q).context(with(memo)).substitution(start);
            List<String> got = rows(exec);
            assertEquals(1, got.size(), got.toString());
            assertTrue(got.get(0).contains("http://example.org/s" + i), got.toString());
        }
    }
}
