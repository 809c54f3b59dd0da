package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

class FrozenDatasetTest {
    static final Node S = NodeFactory.createURI("urn:s");
    static final Node P = NodeFactory.createURI("urn:p");
    static final Node G = NodeFactory.createURI("urn:g");
    static final Triple T = Triple.create(S, P, NodeFactory.createLiteralString("o"));

    private static FrozenDataset dataset() {
        return FrozenDataset.builder().add(Quad.defaultGraphIRI, List.of(T).iterator()).add(G, List.of(T).iterator()).freeze();
    }

    @Test
    void holdsWhatWasAddedInTheDefaultAndNamedGraphs() {
        FrozenDataset dsg = dataset();
        dsg.executeRead(() -> {
            assertTrue(dsg.getDefaultGraph().contains(T));
            assertTrue(dsg.containsGraph(G));
            assertEquals(1, dsg.getGraph(G).size());
            assertEquals(2, QueryExec.dataset(dsg).query("SELECT * { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }").select().stream().count());
        });
    }

    @Test
    void anUnknownGraphReadsAsEmptyInAReadTransactionAndIsNotCreated() {
        FrozenDataset dsg = dataset();
        Node unknown = NodeFactory.createURI("file:///etc/passwd");
        dsg.executeRead(() -> {
            assertTrue(dsg.getGraph(unknown).isEmpty());
            assertFalse(dsg.containsGraph(unknown));
        });
        assertFalse(org.apache.jena.atlas.iterator.Iter.toList(dsg.listGraphNodes()).contains(unknown));
    }

    @Test
    void writesAndWriteTransactionsAreRefused() {
        FrozenDataset dsg = dataset();
        assertThrows(JenaTransactionException.class, () -> dsg.begin(TxnType.WRITE));
        assertThrows(UnsupportedOperationException.class, () -> dsg.add(Quad.create(G, T)));
        assertThrows(UnsupportedOperationException.class, () -> dsg.removeGraph(G));
        dsg.executeRead(() -> assertEquals(1, dsg.getGraph(G).size()));
    }
}
