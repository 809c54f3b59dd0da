package org.fentanylkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.vocab.FKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The index that keeps one searcher per commit answers every {@code text:query} form exactly as jena-text's
 * {@link TextIndexLucene} does (same hits, scores, literals, predicates, order), also under concurrent queries,
 * and sees what a later commit adds.
 */
class SharedSearcherTextIndexTest {
    private static final Resource LABEL = ResourceFactory.createProperty(RDFS.getURI() + "label");
    private static final Resource ALT = ResourceFactory.createProperty(FKG.SKOS + "altLabel");
    private static final Resource DEFINITION = ResourceFactory.createProperty(FKG.SKOS + "definition");
    private static final Resource CAS = ResourceFactory.createProperty(FKG.term("casNumber").getURI());
    private static final String[] WORDS = {"Sinaloa", "Jalisco", "cartel", "Cártel", "precursor", "tariffs", "pill", "presses", "fentanyl", "bank"};

    /** props, query, lang, subject, limit. */
    private record Ask(List<Resource> props, String qs, String lang, String subject, int limit) {}

    private static final List<Ask> ASKS = List.of(
            new Ask(List.of(LABEL), "cartel", null, null, 100),
            new Ask(List.of(LABEL), "jal*", null, null, 10),
            new Ask(List.of(LABEL, ALT, DEFINITION, CAS), "\"pill presses\"^4 OR (+pill +pres*)", null, null, 100),
            new Ask(List.of(DEFINITION), "tariff", null, null, 0),
            new Ask(List.of(LABEL), "cartel", "es", null, 50),
            new Ask(List.of(LABEL), "cartel", "none", null, 50),
            new Ask(List.of(), "label:sinaloa OR definition:precursors", null, null, 100),
            new Ask(List.of(), "sinaloa", "en", null, 100),
            new Ask(List.of(CAS), "\"23056-29-3\"", null, null, 10),
            new Ask(List.of(LABEL), "cartel", null, FKG.RESOURCE + "thing-7", 10),
            new Ask(List.of(LABEL, ALT), "*ssel", null, null, 20));

    private static DatasetGraph dsg;

    @BeforeAll
    static void graph() {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < 400; i++) {
            Node s = NodeFactory.createURI(FKG.RESOURCE + "thing-" + i);
            String name = WORDS[i % WORDS.length] + " " + WORDS[(i * 7 + 3) % WORDS.length] + " " + i;
            Node label = switch (i % 3) {
                case 0 -> NodeFactory.createLiteralLang(name, "en");
                case 1 -> NodeFactory.createLiteralLang(name, "es");
                default -> NodeFactory.createLiteralString(name);
            };
            g.add(Triple.create(s, RDFS.Nodes.label, label));
            if (i % 4 == 0) g.add(Triple.create(s, NodeFactory.createURI(FKG.SKOS + "altLabel"), NodeFactory.createLiteralString(WORDS[(i + 1) % WORDS.length] + " Jalisco Nueva Generación")));
            g.add(Triple.create(s, NodeFactory.createURI(FKG.SKOS + "definition"),
                    NodeFactory.createLiteralLang("Tariffs on imported pill presses and precursor " + WORDS[i % WORDS.length] + " number " + i + ".", "en")));
            if (i % 50 == 0) g.add(Triple.create(s, FKG.term("casNumber"), NodeFactory.createLiteralDT(i == 0 ? "23056-29-3" : "100-" + i, XSDDatatype.XSDstring)));
            if (i % 60 == 0) g.add(Triple.create(s, RDFS.Nodes.label, NodeFactory.createLiteralDT("Vessel " + i, XSDDatatype.XSDtoken)));
        }
        dsg = DatasetGraphFactory.wrap(g);
    }

    private static String show(List<TextHit> hits) {
        StringBuilder sb = new StringBuilder();
        for (TextHit h : hits) sb.append(h.getNode()).append(' ').append(h.getScore()).append(' ').append(h.getLiteral()).append(' ')
                .append(h.getProp()).append(' ').append(h.getGraph()).append('\n');
        return sb.toString();
    }

    private static String shared(SharedSearcherTextIndex index, Ask a) {
        return show(index.query(a.subject(), a.props(), a.qs(), null, a.lang(), a.limit(), null));
    }

    private static String jena(SharedSearcherTextIndex index, Ask a) {
        return show(index.queryAsJenaText(a.subject(), a.props(), a.qs(), null, a.lang(), a.limit()));
    }

    @Test
    void answersAsJenaTextDoes() {
        SharedSearcherTextIndex index = (SharedSearcherTextIndex) SearchIndex.inMemory(dsg);
        try {
            for (Ask a : ASKS) {
                String expected = jena(index, a);
                assertFalse(expected.isEmpty(), "the table's query finds something: " + a);
                assertEquals(expected, shared(index, a), "same hits in the same order: " + a);
                assertEquals(expected, shared(index, a), "and again from the kept searcher: " + a);
            }
            // the Node-subject form that TextQueryPF calls
            List<TextHit> bySubject = index.query(NodeFactory.createURI(FKG.RESOURCE + "thing-7"), List.of(LABEL), "cartel", null, null, 10, null);
            assertEquals(jena(index, ASKS.get(9)), show(bySubject));
        } finally {
            index.close();
        }
    }

    @Test
    void aMalformedQueryIsAParseErrorAsInJenaText() {
        SharedSearcherTextIndex index = (SharedSearcherTextIndex) SearchIndex.inMemory(dsg);
        try {
            TextIndexParseException ours = assertThrows(TextIndexParseException.class,
                    () -> index.query((String) null, List.of(LABEL), "(cartel", null, null, 10, null));
            TextIndexParseException theirs = assertThrows(TextIndexParseException.class,
                    () -> index.queryAsJenaText(null, List.of(LABEL), "(cartel", null, null, 10));
            assertEquals(theirs.getMessage(), ours.getMessage());
        } finally {
            index.close();
        }
    }

    @Test
    void concurrentQueriesGetTheSequentialAnswers() throws Exception {
        SharedSearcherTextIndex index = (SharedSearcherTextIndex) SearchIndex.inMemory(dsg);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> expected = new ArrayList<>();
            for (Ask a : ASKS) expected.add(jena(index, a));
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int r = 0; r < 5; r++) for (Ask a : ASKS) got.add(shared(index, a));
                    return got;
                }));
            }
            for (Future<List<String>> f : runs) {
                List<String> got = f.get();
                for (int i = 0; i < got.size(); i++) assertEquals(expected.get(i % ASKS.size()), got.get(i), ASKS.get(i % ASKS.size()).toString());
            }
        } finally {
            pool.shutdownNow();
            index.close();
        }
    }

    @Test
    void aCommitIsSeenByTheNextQueryAndACloseKeepsAnswering() {
        SharedSearcherTextIndex index = (SharedSearcherTextIndex) SearchIndex.inMemory(dsg);
        Ask mezcal = new Ask(List.of(LABEL), "mezcal", null, null, 10);
        assertEquals("", shared(index, mezcal), "nothing yet: the searcher is opened on the build's commit");
        Graph more = GraphFactory.createDefaultGraph();
        more.add(Triple.create(NodeFactory.createURI(FKG.RESOURCE + "late"), RDFS.Nodes.label, NodeFactory.createLiteralLang("Mezcal Route", "en")));
        SearchIndex.add(index, more, more);
        String after = shared(index, mezcal);
        assertTrue(after.startsWith("<" + FKG.RESOURCE + "late>") || after.startsWith(FKG.RESOURCE + "late"), after);
        assertEquals(jena(index, mezcal), after);
        index.close();
        assertEquals(after, shared(index, mezcal), "a query after close reads the index as jena-text does");
    }
}
