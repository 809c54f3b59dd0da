package org.fentanylkg.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our OWL 2 RL closure must agree with HermiT on every class and object property assertion between named
 * terms: everything HermiT entails is asserted or inferred here, and everything here is entailed by HermiT.
 */
class HermitAgreementTest {
    private static final Path ONTOLOGY = Path.of("ontology/fentanyl-kg.ttl");
    private static final Path FACTS = Path.of("data/facts");

    @Test
    void agreesOnSyntheticOntologyCoveringEveryConstruct() {
        Graph ontology = Fixture.graph(SyntheticKg.ONTOLOGY);
        Graph data = Fixture.graph(SyntheticKg.data());
        Set<Triple> ours = assertAgreement(ontology, data);
        // Guard against a vacuous comparison: each construct must have contributed something.
        for (String expected : List.of(":chem0_0 a :FentanylPrecursor", ":chem0_0 :precursorOf :fentanyl",
                ":fentanyl :hasPrecursor :chem0_0", ":org1 :collaboratesWith :org0", ":org0 a :Organization",
                ":org0 :designatedAs :fto", ":org0 a :SanctionedEntity", ":des0 a :FTODesignation",
                ":des1 a :SanctionsAction", ":org0 :sanctionedUnder :eo14059", ":des0 :administeringAgency :ofac",
                ":des0 :designationRegion :mexico", ":org4 a :ArmedCartel", ":org0 a :TraffickingOrganization",
                ":chem0_3 a :IllicitDrug", ":rep0 :publisher :crs", ":person1 a :Person", ":chem1_0 a :PrecursorChemical")) {
            assertTrue(ours.contains(Fixture.t(expected)), "expected in the closure: " + expected);
        }
    }

    @Test
    void agreesOnProjectOntologyAndFacts() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(ONTOLOGY) && Files.isDirectory(FACTS),
                "project ontology or fact files not present yet");
        Graph ontology = RDFDataMgr.loadGraph(ONTOLOGY.toString());
        Graph data = GraphMemFactory.createDefaultGraph();
        List<Path> files;
        try (Stream<Path> listing = Files.list(FACTS)) {
            files = listing.filter(p -> p.toString().endsWith(".trig")).sorted().collect(Collectors.toList());
        }
        Assumptions.assumeFalse(files.isEmpty(), "no fact files yet");
        for (Path file : files) {
            Dataset dataset = DatasetFactory.create();
            RDFDataMgr.read(dataset, file.toString());
            dataset.asDatasetGraph().find().forEachRemaining((Quad quad) -> data.add(quad.asTriple()));
        }
        assertAgreement(ontology, data);
    }

    /** Returns our asserted ∪ inferred triples in HermiT's vocabulary, after checking both directions. */
    private static Set<Triple> assertAgreement(Graph ontology, Graph data) {
        Closure closure = OwlRlReasoner.compile(ontology).materialise(data);
        assertTrue(closure.inconsistencies().isEmpty(), () -> "inconsistent: " + closure.inconsistencies());
        HermitOracle.Entailments hermit = HermitOracle.entailments(ontology, data);
        Set<Triple> ours = Stream.of(ontology, data, closure.inferred())
                .flatMap(g -> g.find().toList().stream())
                .filter(hermit::inScope)
                .collect(Collectors.toSet());
        Set<String> missing = difference(hermit.triples(), ours);
        Set<String> extra = difference(ours, hermit.triples());
        assertTrue(missing.isEmpty(), () -> missing.size() + " HermiT entailments missing, e.g. " + first(missing));
        assertTrue(extra.isEmpty(), () -> extra.size() + " inferred triples HermiT does not entail, e.g. " + first(extra));
        assertTrue(hermit.triples().size() > 0);
        return ours;
    }

    private static Set<String> difference(Set<Triple> a, Set<Triple> b) {
        return a.stream().filter(t -> !b.contains(t)).map(Triple::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String first(Set<String> triples) {
        return triples.stream().limit(20).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
