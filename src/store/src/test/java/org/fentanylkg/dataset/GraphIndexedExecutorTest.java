package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.sparql.util.Context;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.junit.jupiter.api.Test;

/** GRAPH ?g narrowed by the index answers exactly as ARQ's own executor does, on the same dataset, in the same order. */
class GraphIndexedExecutorTest {
    static Node iri(String s) { return NodeFactory.createURI("urn:" + s); }

    static final Node A = iri("a"), B = iri("b"), C = iri("c"), P = iri("p"), Q = iri("q");

    /** g1 and g2 mention urn:a, g3 does not; g3 has a literal object and a blank node. */
    private static FrozenDataset small() {
        Node blank = NodeFactory.createBlankNode("x");
        return FrozenDataset.builder()
                .add(iri("g1"), Triple.create(A, P, B))
                .add(iri("g1"), Triple.create(B, Q, C))
                .add(iri("g2"), Triple.create(A, P, C))
                .add(iri("g3"), Triple.create(B, P, NodeFactory.createLiteralString("lit")))
                .add(iri("g3"), Triple.create(blank, Q, C))
                .freeze();
    }

    /** Every solution, in order, each as its variables' values. */
    private static List<String> rows(DatasetGraph dsg, Query q, boolean arqsOwn) {
        List<String> out = new ArrayList<>();
        dsg.executeRead(() -> {
            var exec = QueryExec.dataset(dsg).query(q);
            if (arqsOwn) exec = exec.set(ARQConstants.sysOpExecutorFactory, OpExecutor.stdFactory);
            try (QueryExec qe = exec.build()) {
                if (q.isAskType()) {
                    out.add(Boolean.toString(qe.ask()));
                    return;
                }
                RowSet rs = qe.select();
                while (rs.hasNext()) {
                    Binding b = rs.next();
                    out.add(rs.getResultVars().stream().map(v -> String.valueOf(b.get(v))).toList().toString());
                }
            }
        });
        return out;
    }

    private static void sameAsArq(DatasetGraph dsg, String query, int expectedRows) {
        Query q = QueryFactory.create(query);
        List<String> narrowed = rows(dsg, q, false);
        assertEquals(rows(dsg, q, true), narrowed, query);
        assertEquals(expectedRows, narrowed.size(), query + " gave " + narrowed);
    }

    @Test
    void aBoundSubjectVisitsTheGraphsThatMentionIt() {
        FrozenDataset dsg = small();
        sameAsArq(dsg, "SELECT ?g ?o { VALUES ?s { <urn:a> } GRAPH ?g { ?s <urn:p> ?o } } ORDER BY ?g", 2);
        sameAsArq(dsg, "SELECT ?g ?o { GRAPH ?g { <urn:a> <urn:p> ?o } }", 2);
        // a node no graph mentions: nothing, and a node only in the default graph's sense: nothing either
        sameAsArq(dsg, "SELECT ?g { GRAPH ?g { <urn:nowhere> ?p ?o } }", 0);
        // the graph variable already bound outside: only that graph
        sameAsArq(dsg, "SELECT ?o { VALUES ?g { <urn:g2> } GRAPH ?g { <urn:a> ?p ?o } }", 1);
    }

    @Test
    void aPatternWithoutAnIndexedNodeVisitsEveryGraph() {
        FrozenDataset dsg = small();
        sameAsArq(dsg, "SELECT ?g ?s { GRAPH ?g { ?s ?p \"lit\" } }", 1);
        sameAsArq(dsg, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", 3);
    }

    @Test
    void theWholeGroupMustMatchInOneGraphOnlyWhereItHasToMatch() {
        FrozenDataset dsg = small();
        // both triples in one graph: only g1 has urn:a and urn:q together
        sameAsArq(dsg, "SELECT ?g { GRAPH ?g { <urn:a> <urn:p> ?x . ?x <urn:q> ?y } }", 1);
        // an OPTIONAL's right side does not have to match
        sameAsArq(dsg, "SELECT ?g ?y { GRAPH ?g { ?s <urn:p> ?x OPTIONAL { ?x <urn:q> ?y } } } ORDER BY ?g ?s", 3);
        // a group inside the graph answers in every graph, even one without a match
        sameAsArq(dsg, "SELECT ?g ?n { GRAPH ?g { SELECT (COUNT(*) AS ?n) { <urn:a> ?p ?o } } } ORDER BY ?g", 3);
        // a union's branches are alternatives: neither narrows
        sameAsArq(dsg, "SELECT ?g { GRAPH ?g { { <urn:a> ?p ?o } UNION { ?s ?p \"lit\" } } } ORDER BY ?g", 3);
        // a blank node of the data, reached through a variable
        sameAsArq(dsg, "SELECT ?g ?c { GRAPH ?g { ?b <urn:q> ?c FILTER(isBlank(?b)) } }", 1);
    }

    @Test
    void aFilterOnTheGraphNameAloneAnswersAsAfterTheGraph() {
        FrozenDataset dsg = small();
        sameAsArq(dsg, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(STRENDS(STR(?g), \"1\") || STRENDS(STR(?g), \"3\")) } GROUP BY ?g ORDER BY ?g", 2);
        // one conjunct on the name, one on the solution
        sameAsArq(dsg, "SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:g2>) FILTER(?o != <urn:c>) } ORDER BY ?g ?o", 2);
        sameAsArq(dsg, "SELECT ?g ?o { GRAPH ?g { <urn:a> ?p ?o } FILTER(?g != <urn:g1>) }", 1);
        // a test of the name and of the solution together stays on the solutions
        sameAsArq(dsg, "SELECT ?g ?o { GRAPH ?g { ?s ?p ?o } FILTER(IF(?g = <urn:g2>, ?o = <urn:c>, true)) } ORDER BY ?g ?o", 5);
        // a test whose value may change from call to call stays on the solutions
        sameAsArq(dsg, "SELECT ?g { GRAPH ?g { <urn:a> ?p ?o } FILTER(RAND() < 2 && ?g != <urn:g1>) }", 1);
        // an error on the name rejects the graph, as it rejects each solution
        sameAsArq(dsg, "SELECT ?g { GRAPH ?g { ?s ?p ?o } FILTER(STRLEN(?g) > 0) }", 0);
    }

    /** ORDER BY reads a solution from a flat copy once its sort keys tie: the same solutions, in the order ARQ gives. */
    @Test
    void aSortWithTiedKeysOrdersAsArq() {
        FrozenDataset dsg = small();
        String deep = "GRAPH ?g { ?s ?p ?o } OPTIONAL { GRAPH ?h { ?o ?q ?z } } BIND(STR(?p) AS ?ps) BIND(CONCAT(?ps, \"!\") AS ?pt)";
        sameAsArq(dsg, "SELECT * { " + deep + " } ORDER BY ?p", 6);
        sameAsArq(dsg, "SELECT * { " + deep + " } ORDER BY DESC(?ps) ?g", 6);
        // ORDER BY with LIMIT runs as a top N, with and without DISTINCT
        sameAsArq(dsg, "SELECT * { " + deep + " } ORDER BY ?p LIMIT 3", 3);
        sameAsArq(dsg, "SELECT DISTINCT ?p ?ps { " + deep + " } ORDER BY ?ps LIMIT 5", 2);
        // a sorted subquery under another sort
        sameAsArq(dsg, "SELECT ?s ?pt { { SELECT * { " + deep + " } ORDER BY ?pt } } ORDER BY ?s", 6);
    }

    /** The graph variable bound by the incoming solution: the test of its name still applies. */
    @Test
    void aFilterOnTheGraphNameAppliesWhenTheNameComesBound() {
        FrozenDataset dsg = small();
        Op op = SSE.parseOp("(sequence (table (vars ?g) (row [?g <urn:g2>]) (row [?g <urn:g1>]))"
                + " (filter (!= ?g <urn:g2>) (graph ?g (bgp (triple <urn:a> ?p ?o)))))");
        for (boolean arqsOwn : new boolean[] {false, true}) {
            List<Binding> rows = dsg.calculateRead(() -> {
                Context cxt = Context.setupContextForDataset(ARQ.getContext(), dsg);
                if (arqsOwn) QC.setFactory(cxt, OpExecutor.stdFactory);
                ExecutionContext execCxt = ExecutionContext.create(dsg, cxt);
                return Iter.toList(QC.execute(op, QueryIterRoot.create(execCxt), execCxt));
            });
            assertEquals(1, rows.size(), "ARQ's own: " + arqsOwn + ", " + rows);
            assertEquals(iri("g1"), rows.get(0).get(Var.alloc("g")));
            assertEquals(B, rows.get(0).get(Var.alloc("o")));
        }
    }

    @Test
    void theIndexNamesGraphsByIriAndBlankNodeNotByLiteral() {
        FrozenDataset dsg = small();
        GraphsByNode index = GraphsByNode.of(dsg);
        assertEquals(2, index.count(A));
        assertEquals(3, index.count(P));
        assertEquals(0, index.count(NodeFactory.createLiteralString("lit")));
        assertTrue(GraphsByNode.indexes(NodeFactory.createBlankNode("x")));
        assertEquals(1, index.count(NodeFactory.createBlankNode("x")));
    }

    /** The oracle on the real graph: every saved query, as-is and with its parameters' defaults, answers as in ARQ. */
    @Test
    void everySavedQueryAnswersAsArqsOwnExecutorOnTheKnowledgeGraph() throws Exception {
        DatasetGraph dsg = KnowledgeGraphBuilder.build(Path.of(".")).dataset();
        SavedQueryCatalog catalog = SavedQueryCatalog.load(Path.of(SavedQueryCatalog.DIRECTORY));
        assertTrue(catalog.size() >= 30, "saved queries: " + catalog.size());
        int narrowedRows = 0;
        for (SavedQuery sq : catalog.all()) {
            for (Query q : List.of(sq.query(), sq.bind(Map.of()))) {
                List<String> narrowed = rows(dsg, q, false);
                assertEquals(rows(dsg, q, true), narrowed, sq.name());
                narrowedRows += narrowed.size();
            }
        }
        assertTrue(narrowedRows > 1000, "rows compared: " + narrowedRows);
    }
}
