package org.fentanylkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.fentanylkg.bench.synthetic.SyntheticKnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.search.SearchIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text index of a store: written beside each generation by load, opened with it, and switched with it, so a
 * text query in a transaction reads the index of the generation the transaction reads.
 */
class StoreSearchTest {
    private static final String LABELS = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
            + " SELECT (COUNT(*) AS ?n) { (?s ?score) text:query (rdfs:label 'synthetic AND designation' 100000) }";
    private static final String JOINED = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
            + " SELECT (COUNT(*) AS ?n) { (?s ?score) text:query (rdfs:label 'synthetic AND designation' 100000) . ?s rdfs:label ?l }";

    @TempDir Path tmp;

    private static long count(DatasetGraph dsg, String q) {
        try (QueryExec e = QueryExec.dataset(dsg).query(q).build()) {
            return Long.parseLong(e.select().next().get("n").getLiteralLexicalForm());
        }
    }

    @Test
    void eachGenerationHasItsIndexAndATransactionKeepsItsOwn() throws Exception {
        KnowledgeGraph a = SyntheticKnowledgeGraph.build(1, 4_000);
        KnowledgeGraph b = SyntheticKnowledgeGraph.build(2, 8_000);
        KnowledgeGraphStore store = KnowledgeGraphStore.at(tmp.resolve("store"));
        store.load(a);
        String first = store.current().orElseThrow();
        assertTrue(Files.isDirectory(store.generation(first).resolve(SearchIndex.FOLDER)), "the index is written beside the generation");
        ServingDataset served = store.serve(Duration.ofHours(1));
        try {
            long inA = served.calculateRead(() -> count(served, LABELS));
            assertTrue(inA > 0, "the synthetic designations are found");
            assertEquals(inA, (long) served.calculateRead(() -> count(served, JOINED)), "every hit is a subject of this generation");
            served.begin(org.apache.jena.query.TxnType.READ);
            try {
                store.load(b);
                assertTrue(served.refresh());
                assertEquals(inA, count(served, LABELS), "the transaction begun before the switch reads its generation's index");
                assertEquals(inA, count(served, JOINED));
            } finally {
                served.end();
            }
            long inB = served.calculateRead(() -> count(served, LABELS));
            assertNotEquals(inA, inB, "a new transaction reads the new generation's index");
            assertEquals(inB, (long) served.calculateRead(() -> count(served, JOINED)));
        } finally {
            served.close();
        }
    }
}
