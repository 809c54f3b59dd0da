package org.fentanylkg.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/**
 * Independent parses (new blank node labels) and repeated runs give the same closure and derivations, and a
 * compiled reasoner keeps no state between materialisations.
 */
class DeterminismTest {
    private static final String ONTOLOGY = """
            :designatedIn owl:inverseOf :designee .
            :designatedAs owl:propertyChainAxiom ( :designatedIn :designationType ) .
            :FTO owl:equivalentClass [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :fto ] .
            :SDGT owl:equivalentClass [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :sdgt ] .
            [ owl:unionOf ( :FTO :SDGT ) ] rdfs:subClassOf :SanctionedEntity .
            [ owl:unionOf ( :SDGT :FTO ) ] rdfs:subClassOf :Listed .
            :precursorOf a owl:TransitiveProperty .
            """;
    private static final String DATA = """
            :d1 :designee :sinaloa ; :designationType :fto .
            :d2 :designee :sinaloa ; :designationType :sdgt .
            :a :precursorOf :b . :b :precursorOf :c . :c :precursorOf :d . :a :precursorOf :c .
            """;

    @Test
    void sameDerivationsEveryTime() {
        List<String> first = run();
        assertFalse(first.isEmpty());
        for (int i = 0; i < 3; i++) {
            assertEquals(first, run());
        }
    }

    @Test
    void compiledReasonerIsReusedWithoutCarryingDataOver() {
        OwlRlReasoner reasoner = OwlRlReasoner.compile(Fixture.graph(ONTOLOGY));
        Closure first = reasoner.materialise(Fixture.graph(":d1 :designee :sinaloa ; :designationType :fto ."));
        Closure second = reasoner.materialise(Fixture.graph(":d9 :designee :cjng ; :designationType :sdgt ."));
        assertTrue(first.inferred().contains(Fixture.t(":sinaloa a :FTO")));
        assertTrue(second.inferred().contains(Fixture.t(":cjng a :SDGT")));
        assertFalse(second.inferred().contains(Fixture.t(":sinaloa a :FTO")));
        assertTrue(second.derivation(Fixture.t(":sinaloa a :FTO")).isEmpty());
    }

    private static List<String> run() {
        Graph data = Fixture.graph(DATA);
        Closure closure = OwlRlReasoner.compile(Fixture.graph(ONTOLOGY)).materialise(data);
        return closure.inferred().find().toList().stream()
                .map(t -> describe(t, closure.derivation(t).orElseThrow()))
                .sorted().collect(Collectors.toList());
    }

    private static String describe(Triple t, Derivation d) {
        return t + " <- " + d.rule() + " [" + d.ruleDescription() + "] " + d.premises() + " axioms=" + d.axioms().size();
    }
}
