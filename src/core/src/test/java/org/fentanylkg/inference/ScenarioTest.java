package org.fentanylkg.inference;

import static org.fentanylkg.inference.Fixture.t;
import static org.fentanylkg.inference.Fixture.triples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/** Derivations that run through several rules, followed back to the asserted facts. */
class ScenarioTest {

    @Test
    void precursorChainMakesFentanylPrecursors() {
        Fixture f = Fixture.of("""
                :directPrecursorOf rdfs:subPropertyOf :precursorOf .
                :precursorOf a owl:TransitiveProperty .
                :FentanylPrecursor owl:equivalentClass
                    [ a owl:Restriction ; owl:onProperty :precursorOf ; owl:hasValue :d ] .
                """, """
                :a :directPrecursorOf :b . :b :directPrecursorOf :c . :c :directPrecursorOf :d .
                """);
        f.assertInferred(":a :precursorOf :b", ":b :precursorOf :c", ":c :precursorOf :d",
                ":a :precursorOf :c", ":b :precursorOf :d", ":a :precursorOf :d",
                ":a a :FentanylPrecursor", ":b a :FentanylPrecursor", ":c a :FentanylPrecursor");

        Derivation d = f.assertDerived(":a :precursorOf :d", "prp-trp");
        assertEquals("precursorOf is transitive", d.ruleDescription());
        Set<String> rules = new HashSet<>();
        assertEquals(triples(":a :directPrecursorOf :b", ":b :directPrecursorOf :c", ":c :directPrecursorOf :d"),
                assertedRoots(f.closure, t(":a :precursorOf :d"), rules));
        assertEquals(Set.of("prp-trp", "prp-spo1"), rules);
        assertEquals("prp-spo1", f.derivation(":a :precursorOf :b").rule());
        assertEquals(List.of(t(":a :directPrecursorOf :b")), f.derivation(":a :precursorOf :b").premises());

        Derivation member = f.assertDerived(":a a :FentanylPrecursor", "cls-hv2");
        assertEquals("FentanylPrecursor ≡ precursorOf value d", member.ruleDescription());
        assertEquals(List.of(t(":a :precursorOf :d")), member.premises());
    }

    @Test
    void designationThroughPropertyChainMakesASanctionedEntity() {
        Fixture f = Fixture.of("""
                :designatedIn owl:inverseOf :designee .
                :designatedAs owl:propertyChainAxiom ( :designatedIn :designationType ) .
                :ForeignTerroristOrganization owl:equivalentClass
                    [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :fto-designation-type ] .
                [ owl:unionOf ( :ForeignTerroristOrganization :SpeciallyDesignatedGlobalTerrorist ) ]
                    rdfs:subClassOf :SanctionedEntity .
                """, """
                :d1 :designee :sinaloa ; :designationType :fto-designation-type .
                :d2 :designee :cjng ; :designationType :sdgt-designation-type .
                """);
        f.assertInferred(":sinaloa :designatedIn :d1", ":cjng :designatedIn :d2",
                ":sinaloa :designatedAs :fto-designation-type", ":cjng :designatedAs :sdgt-designation-type",
                ":sinaloa a :ForeignTerroristOrganization", ":sinaloa a :SanctionedEntity",
                ":ForeignTerroristOrganization rdfs:subClassOf :SanctionedEntity",
                ":SpeciallyDesignatedGlobalTerrorist rdfs:subClassOf :SanctionedEntity");

        assertEquals(List.of(t(":d1 :designee :sinaloa")), f.assertDerived(":sinaloa :designatedIn :d1", "prp-inv2").premises());
        Derivation chain = f.assertDerived(":sinaloa :designatedAs :fto-designation-type", "prp-spo2");
        assertEquals("designatedIn ∘ designationType ⊑ designatedAs", chain.ruleDescription());
        assertEquals(List.of(t(":sinaloa :designatedIn :d1"), t(":d1 :designationType :fto-designation-type")),
                chain.premises());
        Derivation fto = f.assertDerived(":sinaloa a :ForeignTerroristOrganization", "cls-hv2");
        assertEquals("ForeignTerroristOrganization ≡ designatedAs value fto-designation-type", fto.ruleDescription());
        Derivation sanctioned = f.assertDerived(":sinaloa a :SanctionedEntity", "cls-uni");
        assertEquals(List.of(t(":sinaloa a :ForeignTerroristOrganization")), sanctioned.premises());

        Set<String> rules = new HashSet<>();
        assertEquals(triples(":d1 :designee :sinaloa", ":d1 :designationType :fto-designation-type"),
                assertedRoots(f.closure, t(":sinaloa a :SanctionedEntity"), rules));
        assertEquals(Set.of("cls-uni", "cls-hv2", "prp-spo2", "prp-inv2"), rules);
    }

    /** Follows derivations down to asserted triples, collecting the rules on the way. */
    static Set<Triple> assertedRoots(Closure closure, Triple triple, Set<String> rules) {
        Optional<Derivation> derivation = closure.derivation(triple);
        if (derivation.isEmpty()) {
            return Set.of(triple);
        }
        rules.add(derivation.get().rule());
        assertTrue(!derivation.get().premises().isEmpty(), "an ABox step consumes premises: " + triple);
        Set<Triple> roots = new HashSet<>();
        for (Triple premise : derivation.get().premises()) {
            roots.addAll(assertedRoots(closure, premise, rules));
        }
        return roots;
    }
}
