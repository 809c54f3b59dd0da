package org.fentanylkg.bench.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.vocab.FKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, reaches its size, and is shaped like the real graph (the same inferences fire). */
class SyntheticGraphTest {
    private static KnowledgeGraph kg;

    @BeforeAll
    static void materialise() throws Exception {
        kg = SyntheticKnowledgeGraph.build(7, 20_000);
    }

    @Test
    void sameSeedSameTriplesInTheSameOrder() {
        List<Triple> a = new ArrayList<>();
        List<Triple> b = new ArrayList<>();
        SyntheticGraph.seed(42).triples(5_000).generate(a::add);
        SyntheticGraph.seed(42).triples(5_000).generate(b::add);
        assertEquals(a, b);
        List<Triple> c = new ArrayList<>();
        SyntheticGraph.seed(43).triples(5_000).generate(c::add);
        assertNotEquals(a, c);
    }

    @Test
    void reachesTheTargetWithoutOvershootingByMoreThanABlock() {
        for (long target : new long[] {1_000, 10_000, 100_000}) {
            Graph g = SyntheticGraph.seed(1).triples(target).generate();
            long emitted = SyntheticGraph.seed(1).triples(target).generate(t -> {});
            assertEquals(emitted, g.size(), "no duplicate triples");
            assertTrue(g.size() >= target && g.size() < target + 200, target + " -> " + g.size());
        }
    }

    @Test
    void everyResourceIsSyntheticAndLabelledSo() {
        Graph g = SyntheticGraph.seed(3).triples(3_000).generate();
        g.find(null, RDF.type.asNode(), null).forEachRemaining(t -> assertTrue(t.getSubject().getURI().startsWith(SyntheticGraph.NS), t.toString()));
        g.find(null, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), null)
                .forEachRemaining(t -> assertTrue(t.getObject().getLiteralLexicalForm().startsWith("synthetic "), t.toString()));
    }

    @Test
    void holdsEveryKindOfEntityOfTheRealGraph() {
        for (String cls : List.of("ExecutiveDepartment", "GovernmentAgency", "Act", "ExecutiveOrder", "Designation",
                "Chemical", "ControlDecision", "Country")) {
            assertTrue(count("SELECT (COUNT(*) AS ?n) { ?x a fkg:" + cls + " FILTER(STRSTARTS(STR(?x), \"" + SyntheticGraph.NS + "\")) }") > 0, cls);
        }
        assertEquals(4, count("SELECT (COUNT(DISTINCT ?t) AS ?n) { GRAPH <" + FKG.GRAPH + "asserted> { ?d fkg:designationType ?t } }"));
    }

    @Test
    void precursorChainsVaryInDepth() {
        // The longest asserted chain to a chemical's end: depth d gives d(d+1)/2 inferred precursorOf links.
        Set<Long> depths = new HashSet<>();
        String q = "SELECT ?start (COUNT(?end) AS ?n) { ?start fkg:precursorOf ?end "
                + "FILTER NOT EXISTS { ?other fkg:directPrecursorOf ?start } } GROUP BY ?start";
        kg.dataset().executeRead(() -> QueryExec.dataset(kg.dataset()).query(prefixes() + q).select()
                .forEachRemaining(b -> depths.add(((Number) b.get("n").getLiteralValue()).longValue())));
        assertTrue(depths.size() >= 6, "chain lengths seen: " + depths);
    }

    @Test
    void theRealGraphsInferencesFire() {
        assertTrue(kg.closure().inconsistencies().isEmpty(), () -> kg.closure().inconsistencies().toString());
        // property chain + hasValue: designations make organizations FTOs, SDGTs, ...
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?o a fkg:ForeignTerroristOrganization }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?o a fkg:SanctionedEntity }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?o fkg:sanctionedUnder ?law }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?d fkg:administeringAgency ?a }") > 0);
        // transitive precursorOf reaching fentanyl; hasValue class; inverse
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?c a fkg:FentanylPrecursor FILTER NOT EXISTS { ?c fkg:directPrecursorOf fkr:fentanyl } }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { fkr:fentanyl fkg:hasPrecursor ?c }") > 0);
        // someValuesFrom, symmetric, transitive sub-organizations
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?c a fkg:ControlledChemical }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?a fkg:collaboratesWith ?b . ?b fkg:collaboratesWith ?a }") > 0);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?a org:transitiveSubOrganizationOf <" + SyntheticGraph.NS + "government> . ?a a fkg:GovernmentAgency }") > 0);
    }

    private static long count(String select) {
        long[] n = new long[1];
        kg.dataset().executeRead(() -> {
            var rows = QueryExec.dataset(kg.dataset()).query(prefixes() + select).select();
            n[0] = ((Number) rows.next().get("n").getLiteralValue()).longValue();
            rows.close();
        });
        return n[0];
    }

    private static String prefixes() {
        return "PREFIX fkg: <" + FKG.NS + "> PREFIX fkr: <" + FKG.RESOURCE + "> PREFIX org: <http://www.w3.org/ns/org#>\n";
    }
}
