package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/** A read transaction keeps the content it began on across a swap; the next one sees the new content. */
class SwappableDatasetTest {
    private static final Node S = NodeFactory.createURI("urn:s");
    private static final Node P = NodeFactory.createURI("urn:p");

    private static DatasetGraph holding(String value) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        d.executeWrite(() -> d.add(Quad.defaultGraphIRI, S, P, NodeFactory.createLiteralString(value)));
        return d;
    }

    private static String value(DatasetGraph d) {
        try (QueryExec exec = QueryExec.dataset(d).query("SELECT ?o { <urn:s> <urn:p> ?o }").build()) {
            return exec.select().next().get("o").getLiteralLexicalForm();
        }
    }

    @Test
    void aQueryInFlightKeepsTheOldContentAndTheNextSeesTheNew() throws Exception {
        DatasetGraph old = holding("old");
        SwappableDataset served = new SwappableDataset(old);
        assertEquals(0, served.switches());
        assertEquals("reload 0", served.version());

        served.begin(TxnType.READ);
        assertEquals("old", value(served));
        // The swap happens on another thread, as the administrative reload does.
        Thread reload = new Thread(() -> assertSame(old, served.swap(holding("new"))));
        reload.start();
        reload.join();
        assertEquals("old", value(served), "pinned to the content it began on");
        served.end();
        assertFalse(served.isInTransaction());

        served.executeRead(() -> assertEquals("new", value(served)));
        assertEquals(1, served.switches());
        assertEquals("reload 1", served.version());
    }

    @Test
    void writesAndNestedTransactionsAreRefused() {
        SwappableDataset served = new SwappableDataset(holding("x"));
        JenaTransactionException write = assertThrows(JenaTransactionException.class, () -> served.begin(TxnType.WRITE));
        assertTrue(write.getMessage().contains("read-only"), write.getMessage());
        assertThrows(JenaTransactionException.class, served::commit, "commit outside a transaction");

        served.begin(TxnType.READ);
        assertThrows(JenaTransactionException.class, () -> served.begin(TxnType.READ));
        assertFalse(served.promote());
        served.commit();
        assertFalse(served.isInTransaction());
        assertThrows(UnsupportedOperationException.class,
                () -> served.add(Quad.defaultGraphIRI, S, P, NodeFactory.createLiteralString("y")));
    }
}
