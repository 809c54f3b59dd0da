package org.fentanylkg.inference;

import static org.fentanylkg.inference.Fixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One focused test per property axiom: prp-dom, prp-rng, prp-spo1, prp-eqp1/2, prp-inv1/2, prp-trp, prp-symp, prp-spo2. */
class PropertyRulesTest {

    @Test
    void domain() {
        Fixture f = Fixture.of(":designee rdfs:domain :Designation .", ":d1 :designee :sinaloa .");
        f.assertInferred(":d1 a :Designation");
        Derivation d = f.assertDerived(":d1 a :Designation", "prp-dom");
        assertEquals("the domain of designee is Designation", d.ruleDescription());
        assertEquals(List.of(t(":designee rdfs:domain :Designation")), d.axioms());
        assertEquals(List.of(t(":d1 :designee :sinaloa")), d.premises());
    }

    @Test
    void rangeSkipsLiterals() {
        Fixture f = Fixture.of(":basedIn rdfs:range :Country .", """
                :sinaloa :basedIn :mexico .
                :sinaloa :basedIn "Mexico" .
                """);
        f.assertInferred(":mexico a :Country");
        Derivation d = f.assertDerived(":mexico a :Country", "prp-rng");
        assertEquals(List.of(t(":sinaloa :basedIn :mexico")), d.premises());
    }

    @Test
    void subPropertyChainsStepByStep() {
        Fixture f = Fixture.of("""
                :supplies rdfs:subPropertyOf :trafficks .
                :trafficks rdfs:subPropertyOf :dealsIn .
                """, ":sinaloa :supplies :fentanyl .");
        f.assertInferred(":sinaloa :trafficks :fentanyl", ":sinaloa :dealsIn :fentanyl",
                ":supplies rdfs:subPropertyOf :dealsIn");
        Derivation d = f.assertDerived(":sinaloa :dealsIn :fentanyl", "prp-spo1");
        assertEquals("trafficks ⊑ dealsIn", d.ruleDescription());
        assertEquals(List.of(t(":sinaloa :trafficks :fentanyl")), d.premises());
        Derivation schema = f.assertDerived(":supplies rdfs:subPropertyOf :dealsIn", "scm-spo");
        assertEquals(List.of(t(":supplies rdfs:subPropertyOf :trafficks"), t(":trafficks rdfs:subPropertyOf :dealsIn")),
                schema.premises());
    }

    @Test
    void equivalentPropertyWorksBothWays() {
        Fixture f = Fixture.of(":issuedBy owl:equivalentProperty :publisher .", """
                :report1 :issuedBy :crs .
                :report2 :publisher :gao .
                """);
        f.assertInferred(":report1 :publisher :crs", ":report2 :issuedBy :gao",
                ":issuedBy rdfs:subPropertyOf :publisher", ":publisher rdfs:subPropertyOf :issuedBy",
                ":publisher owl:equivalentProperty :issuedBy");
        f.assertDerived(":report1 :publisher :crs", "prp-eqp1");
        f.assertDerived(":report2 :issuedBy :gao", "prp-eqp2");
        f.assertDerived(":issuedBy rdfs:subPropertyOf :publisher", "scm-eqp1");
        f.assertDerived(":publisher owl:equivalentProperty :issuedBy", "scm-eqp2");
    }

    @Test
    void inverseWorksBothWays() {
        Fixture f = Fixture.of(":designee owl:inverseOf :designatedIn .", """
                :d1 :designee :sinaloa .
                :cjng :designatedIn :d2 .
                """);
        f.assertInferred(":sinaloa :designatedIn :d1", ":d2 :designee :cjng");
        Derivation d = f.assertDerived(":sinaloa :designatedIn :d1", "prp-inv1");
        assertEquals("designee is the inverse of designatedIn", d.ruleDescription());
        f.assertDerived(":d2 :designee :cjng", "prp-inv2");
    }

    @Test
    void transitiveClosureOfAChain() {
        Fixture f = Fixture.of(":precursorOf a owl:TransitiveProperty .", """
                :a :precursorOf :b . :b :precursorOf :c . :c :precursorOf :d .
                """);
        f.assertInferred(":a :precursorOf :c", ":b :precursorOf :d", ":a :precursorOf :d");
        Derivation d = f.assertDerived(":a :precursorOf :d", "prp-trp");
        assertEquals("precursorOf is transitive", d.ruleDescription());
        assertEquals(2, d.premises().size());
        assertEquals(List.of(t(":precursorOf a owl:TransitiveProperty")), d.axioms());
    }

    @Test
    void symmetricSkipsLiterals() {
        Fixture f = Fixture.of(":collaboratesWith a owl:SymmetricProperty .", """
                :sinaloa :collaboratesWith :cjng .
                :sinaloa :collaboratesWith "nobody" .
                """);
        f.assertInferred(":cjng :collaboratesWith :sinaloa");
        Derivation d = f.assertDerived(":cjng :collaboratesWith :sinaloa", "prp-symp");
        assertEquals(List.of(t(":sinaloa :collaboratesWith :cjng")), d.premises());
    }

    @Test
    void propertyChainOfThreeSteps() {
        Fixture f = Fixture.of(":operatesIn owl:propertyChainAxiom ( :memberOf :basedIn :partOf ) .", """
                :cell1 :memberOf :sinaloa . :sinaloa :basedIn :culiacan . :culiacan :partOf :mexico .
                :cell2 :memberOf :sinaloa .
                :other :memberOf :unknownOrg .
                """);
        f.assertInferred(":cell1 :operatesIn :mexico", ":cell2 :operatesIn :mexico");
        Derivation d = f.assertDerived(":cell1 :operatesIn :mexico", "prp-spo2");
        assertEquals("memberOf ∘ basedIn ∘ partOf ⊑ operatesIn", d.ruleDescription());
        assertEquals(List.of(t(":cell1 :memberOf :sinaloa"), t(":sinaloa :basedIn :culiacan"),
                t(":culiacan :partOf :mexico")), d.premises());
        assertEquals(1 + 6, d.axioms().size(), "the chain axiom and its three list cells");
    }

    @Test
    void propertyChainThroughAnAnonymousInverse() {
        Fixture f = Fixture.of("""
                :designatedAs owl:propertyChainAxiom ( [ owl:inverseOf :designee ] :designationType ) .
                """, """
                :d1 :designee :sinaloa ; :designationType :fto .
                """);
        f.assertInferred(":sinaloa :designatedAs :fto");
        Derivation d = f.assertDerived(":sinaloa :designatedAs :fto", "prp-spo2");
        assertEquals(List.of(t(":d1 :designee :sinaloa"), t(":d1 :designationType :fto")), d.premises());
    }
}
