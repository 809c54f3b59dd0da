package org.fentanylkg.inference;

import static org.fentanylkg.inference.Fixture.triples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contradictions are reported with their premises, once each, and never stop the materialisation. */
class InconsistencyTest {

    @Test
    void disjointClassesThroughInferredMembership() {
        Fixture f = Fixture.of("""
                :Chemical owl:disjointWith :Organization .
                :Cartel rdfs:subClassOf :Organization .
                """, """
                :x a :Chemical , :Cartel .
                :y a :Chemical .
                """);
        f.assertInferred(":x a :Organization");
        Inconsistency clash = single(f);
        assertEquals("cax-dw", clash.rule());
        assertEquals(triples(":x a :Chemical", ":x a :Organization"), Set.copyOf(clash.premises()));
        assertEquals("x is a member of both Chemical and Organization, but Chemical and Organization are disjoint",
                clash.message());
    }

    @Test
    void allDisjointClasses() {
        Fixture f = Fixture.of("[ a owl:AllDisjointClasses ; owl:members ( :Bank :Cartel :Agency ) ] .", """
                :x a :Bank , :Agency .
                :y a :Cartel .
                """);
        Inconsistency clash = single(f);
        assertEquals("cax-adc", clash.rule());
        assertEquals(triples(":x a :Bank", ":x a :Agency"), Set.copyOf(clash.premises()));
    }

    @Test
    void complementLooksThroughTheAnonymousClass() {
        Fixture f = Fixture.of(":NonDrug owl:equivalentClass [ owl:complementOf :Drug ] .", ":x a :NonDrug , :Drug .");
        Inconsistency clash = single(f);
        assertEquals("cls-com", clash.rule());
        assertEquals(triples(":x a :NonDrug", ":x a :Drug"), Set.copyOf(clash.premises()));
    }

    @Test
    void propertyContradictions() {
        Fixture f = Fixture.of("""
                :precursorOf a owl:IrreflexiveProperty .
                :parentOf a owl:AsymmetricProperty .
                :supplies owl:propertyDisjointWith :seizes .
                """, """
                :x :precursorOf :x .
                :a :parentOf :b . :b :parentOf :a .
                :cbp :seizes :fentanyl . :cbp :supplies :fentanyl .
                """);
        List<String> rules = f.closure.inconsistencies().stream().map(Inconsistency::rule).sorted().toList();
        assertEquals(List.of("prp-asyp", "prp-irp", "prp-pdw"), rules);
    }

    @Test
    void consistentDataReportsNothing() {
        Fixture f = Fixture.of(":Chemical owl:disjointWith :Organization .", ":x a :Chemical . :y a :Organization .");
        assertTrue(f.closure.inconsistencies().isEmpty());
    }

    private static Inconsistency single(Fixture f) {
        assertEquals(1, f.closure.inconsistencies().size(), () -> f.closure.inconsistencies().toString());
        return f.closure.inconsistencies().get(0);
    }
}
