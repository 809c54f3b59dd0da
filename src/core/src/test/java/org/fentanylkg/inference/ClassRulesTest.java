package org.fentanylkg.inference;

import static org.fentanylkg.inference.Fixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One focused test per class axiom: cax-sco, cax-eqc1/2, cls-hv1/2, cls-svf1/2, cls-int1/2, cls-uni, cls-avf,
 * including class expressions nested inside each other, plus the schema rules they imply.
 */
class ClassRulesTest {

    @Test
    void subClassOfStepByStepWithSchemaClosure() {
        Fixture f = Fixture.of("""
                :Cartel rdfs:subClassOf :TransnationalCriminalOrganization .
                :TransnationalCriminalOrganization rdfs:subClassOf :CriminalOrganization .
                """, ":sinaloa a :Cartel .");
        f.assertInferred(":sinaloa a :TransnationalCriminalOrganization", ":sinaloa a :CriminalOrganization",
                ":Cartel rdfs:subClassOf :CriminalOrganization");
        Derivation d = f.assertDerived(":sinaloa a :CriminalOrganization", "cax-sco");
        assertEquals("TransnationalCriminalOrganization ⊑ CriminalOrganization", d.ruleDescription());
        assertEquals(List.of(t(":sinaloa a :TransnationalCriminalOrganization")), d.premises());
        Derivation schema = f.assertDerived(":Cartel rdfs:subClassOf :CriminalOrganization", "scm-sco");
        assertEquals(List.of(t(":Cartel rdfs:subClassOf :TransnationalCriminalOrganization"),
                t(":TransnationalCriminalOrganization rdfs:subClassOf :CriminalOrganization")), schema.premises());
    }

    @Test
    void equivalentClassWorksBothWays() {
        Fixture f = Fixture.of(":Person owl:equivalentClass :Human .", """
                :alice a :Person .
                :bob a :Human .
                """);
        f.assertInferred(":alice a :Human", ":bob a :Person",
                ":Person rdfs:subClassOf :Human", ":Human rdfs:subClassOf :Person",
                ":Human owl:equivalentClass :Person");
        f.assertDerived(":alice a :Human", "cax-eqc1");
        f.assertDerived(":bob a :Person", "cax-eqc2");
        f.assertDerived(":Person rdfs:subClassOf :Human", "scm-eqc1");
        f.assertDerived(":Human owl:equivalentClass :Person", "scm-eqc2");
    }

    @Test
    void hasValueRecognisesMembers() {
        Fixture f = Fixture.of("""
                :ForeignTerroristOrganization owl:equivalentClass
                    [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :fto-designation-type ] .
                """, """
                :sinaloa :designatedAs :fto-designation-type .
                :other :designatedAs :sdgt-designation-type .
                """);
        f.assertInferred(":sinaloa a :ForeignTerroristOrganization");
        Derivation d = f.assertDerived(":sinaloa a :ForeignTerroristOrganization", "cls-hv2");
        assertEquals("ForeignTerroristOrganization ≡ designatedAs value fto-designation-type", d.ruleDescription());
        assertEquals(List.of(t(":sinaloa :designatedAs :fto-designation-type")), d.premises());
        assertEquals(4, d.axioms().size(), "the equivalence and the restriction's three triples");
        assertTrue(d.axioms().stream().anyMatch(a -> a.getPredicate().getURI().endsWith("#hasValue")));
    }

    @Test
    void hasValueGivesMembersTheValue() {
        Fixture f = Fixture.of("""
                :FentanylPrecursor rdfs:subClassOf
                    [ a owl:Restriction ; owl:onProperty :precursorOf ; owl:hasValue :fentanyl ] .
                """, ":npp a :FentanylPrecursor .");
        f.assertInferred(":npp :precursorOf :fentanyl");
        Derivation d = f.assertDerived(":npp :precursorOf :fentanyl", "cls-hv1");
        assertEquals("FentanylPrecursor ⊑ precursorOf value fentanyl", d.ruleDescription());
        assertEquals(List.of(t(":npp a :FentanylPrecursor")), d.premises());
    }

    @Test
    void someValuesFromWhicheverPremiseComesLast() {
        Fixture f = Fixture.of("""
                [ a owl:Restriction ; owl:onProperty :precursorOf ; owl:someValuesFrom :Chemical ]
                    rdfs:subClassOf :PrecursorChemical .
                :Opioid rdfs:subClassOf :Chemical .
                """, """
                :npp :precursorOf :anpp . :anpp a :Chemical .
                :anpp :precursorOf :fentanyl . :fentanyl a :Opioid .
                :x :precursorOf :notAChemical .
                """);
        f.assertInferred(":npp a :PrecursorChemical", ":anpp a :PrecursorChemical", ":fentanyl a :Chemical");
        Derivation d = f.assertDerived(":anpp a :PrecursorChemical", "cls-svf1");
        assertEquals("precursorOf some Chemical ⊑ PrecursorChemical", d.ruleDescription());
        assertEquals(List.of(t(":anpp :precursorOf :fentanyl"), t(":fentanyl a :Chemical")), d.premises());
    }

    @Test
    void someValuesFromThing() {
        Fixture f = Fixture.of("""
                [ a owl:Restriction ; owl:onProperty :trafficks ; owl:someValuesFrom owl:Thing ]
                    rdfs:subClassOf :Trafficker .
                """, ":sinaloa :trafficks :fentanyl .");
        f.assertInferred(":sinaloa a :Trafficker");
        Derivation d = f.assertDerived(":sinaloa a :Trafficker", "cls-svf2");
        assertEquals(List.of(t(":sinaloa :trafficks :fentanyl")), d.premises());
    }

    @Test
    void intersectionNeedsEveryPartAndGivesEveryPart() {
        Fixture f = Fixture.of("""
                :ArmedCartel owl:equivalentClass [ owl:intersectionOf ( :Cartel :ArmedGroup ) ] .
                """, """
                :cjng a :Cartel , :ArmedGroup .
                :gulf a :Cartel .
                :zetas a :ArmedCartel .
                """);
        f.assertInferred(":cjng a :ArmedCartel", ":zetas a :Cartel", ":zetas a :ArmedGroup",
                ":ArmedCartel rdfs:subClassOf :Cartel", ":ArmedCartel rdfs:subClassOf :ArmedGroup");
        Derivation d = f.assertDerived(":cjng a :ArmedCartel", "cls-int1");
        assertEquals("ArmedCartel ≡ Cartel ⊓ ArmedGroup", d.ruleDescription());
        assertEquals(List.of(t(":cjng a :Cartel"), t(":cjng a :ArmedGroup")), d.premises());
        f.assertDerived(":zetas a :ArmedGroup", "cls-int2");
        f.assertDerived(":ArmedCartel rdfs:subClassOf :Cartel", "scm-int");
    }

    @Test
    void hasValueNestedInIntersectionNestedInEquivalence() {
        Fixture f = Fixture.of("""
                :FTODesignation owl:equivalentClass [ owl:intersectionOf ( :Designation
                    [ a owl:Restriction ; owl:onProperty :designationType ; owl:hasValue :fto ] ) ] .
                """, """
                :d1 a :Designation ; :designationType :fto .
                :d2 :designationType :fto .
                :d3 a :FTODesignation .
                """);
        f.assertInferred(":d1 a :FTODesignation", ":d3 a :Designation", ":d3 :designationType :fto",
                ":FTODesignation rdfs:subClassOf :Designation");
        Derivation d = f.assertDerived(":d1 a :FTODesignation", "cls-int1");
        assertEquals("FTODesignation ≡ Designation ⊓ (designationType value fto)", d.ruleDescription());
        assertEquals(List.of(t(":d1 a :Designation"), t(":d1 :designationType :fto")), d.premises());
        Derivation value = f.assertDerived(":d3 :designationType :fto", "cls-hv1");
        assertEquals(List.of(t(":d3 a :FTODesignation")), value.premises());
    }

    @Test
    void unionAsSubclass() {
        Fixture f = Fixture.of("""
                [ owl:unionOf ( :ForeignTerroristOrganization :SpeciallyDesignatedGlobalTerrorist ) ]
                    rdfs:subClassOf :SanctionedEntity .
                """, """
                :sinaloa a :ForeignTerroristOrganization .
                :cjng a :SpeciallyDesignatedGlobalTerrorist .
                """);
        f.assertInferred(":sinaloa a :SanctionedEntity", ":cjng a :SanctionedEntity",
                ":ForeignTerroristOrganization rdfs:subClassOf :SanctionedEntity",
                ":SpeciallyDesignatedGlobalTerrorist rdfs:subClassOf :SanctionedEntity");
        Derivation d = f.assertDerived(":cjng a :SanctionedEntity", "cls-uni");
        assertEquals("(ForeignTerroristOrganization ⊔ SpeciallyDesignatedGlobalTerrorist) ⊑ SanctionedEntity",
                d.ruleDescription());
        assertEquals(List.of(t(":cjng a :SpeciallyDesignatedGlobalTerrorist")), d.premises());
        f.assertDerived(":ForeignTerroristOrganization rdfs:subClassOf :SanctionedEntity", "scm-uni");
    }

    @Test
    void allValuesFrom() {
        Fixture f = Fixture.of("""
                :Cartel rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :supplies ; owl:allValuesFrom :IllicitDrug ] .
                """, """
                :sinaloa a :Cartel ; :supplies :fentanyl .
                :pharma :supplies :aspirin .
                """);
        f.assertInferred(":fentanyl a :IllicitDrug");
        Derivation d = f.assertDerived(":fentanyl a :IllicitDrug", "cls-avf");
        assertEquals(List.of(t(":sinaloa a :Cartel"), t(":sinaloa :supplies :fentanyl")), d.premises());
    }

    @Test
    void namedSuperclassOfAnonymousClassIsNotLeaked() {
        Fixture f = Fixture.of("""
                :Cartel rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :trafficks ; owl:someValuesFrom :Drug ] .
                [ a owl:Restriction ; owl:onProperty :trafficks ; owl:someValuesFrom :Drug ] rdfs:subClassOf :Trafficker .
                """, ":sinaloa a :Cartel .");
        // Two distinct blank nodes: the first membership is internal and leads nowhere, which OWL 2 RL allows.
        f.assertInferred();
    }
}
