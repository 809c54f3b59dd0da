package org.fentanylkg.inference;

/** A small, OWL 2 RL ontology in the project's shape that uses every supported construct, and data for it. */
final class SyntheticKg {
    static final String ONTOLOGY = """
            :Chemical a owl:Class . :Drug a owl:Class . :Opioid a owl:Class . :SyntheticOpioid a owl:Class .
            :IllicitDrug a owl:Class . :PrecursorChemical a owl:Class . :FentanylPrecursor a owl:Class .
            :Organization a owl:Class . :CriminalOrganization a owl:Class . :Cartel a owl:Class .
            :ArmedGroup a owl:Class . :ArmedCartel a owl:Class . :TraffickingOrganization a owl:Class .
            :Designation a owl:Class . :DesignationType a owl:Class . :FTODesignation a owl:Class .
            :SDGTDesignation a owl:Class . :SanctionsAction a owl:Class . :ForeignTerroristOrganization a owl:Class .
            :SpeciallyDesignatedGlobalTerrorist a owl:Class . :SanctionedEntity a owl:Class .
            :LegalInstrument a owl:Class . :Agency a owl:Class . :Place a owl:Class . :Country a owl:Class .
            :Person a owl:Class . :Human a owl:Class . :Agent a owl:Class . :Report a owl:Class . :Publisher a owl:Class .

            :Drug rdfs:subClassOf :Chemical . :Opioid rdfs:subClassOf :Drug . :SyntheticOpioid rdfs:subClassOf :Opioid .
            :IllicitDrug rdfs:subClassOf :Drug . :PrecursorChemical rdfs:subClassOf :Chemical .
            [ a owl:Restriction ; owl:onProperty :precursorOf ; owl:someValuesFrom :Chemical ]
                rdfs:subClassOf :PrecursorChemical .
            :FentanylPrecursor owl:equivalentClass
                [ a owl:Restriction ; owl:onProperty :precursorOf ; owl:hasValue :fentanyl ] .
            :CriminalOrganization rdfs:subClassOf :Organization . :Cartel rdfs:subClassOf :CriminalOrganization .
            :ArmedCartel owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( :Cartel :ArmedGroup ) ] .
            [ a owl:Restriction ; owl:onProperty :trafficks ; owl:someValuesFrom owl:Thing ]
                rdfs:subClassOf :TraffickingOrganization .
            :Cartel rdfs:subClassOf [ a owl:Restriction ; owl:onProperty :supplies ; owl:allValuesFrom :IllicitDrug ] .
            :Chemical owl:disjointWith :Organization .
            :ForeignTerroristOrganization owl:equivalentClass
                [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :fto ] .
            :SpeciallyDesignatedGlobalTerrorist owl:equivalentClass
                [ a owl:Restriction ; owl:onProperty :designatedAs ; owl:hasValue :sdgt ] .
            [ a owl:Class ; owl:unionOf ( :ForeignTerroristOrganization :SpeciallyDesignatedGlobalTerrorist ) ]
                rdfs:subClassOf :SanctionedEntity .
            :FTODesignation owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( :Designation
                [ a owl:Restriction ; owl:onProperty :designationType ; owl:hasValue :fto ] ) ] .
            :SDGTDesignation owl:equivalentClass [ a owl:Class ; owl:intersectionOf ( :Designation
                [ a owl:Restriction ; owl:onProperty :designationType ; owl:hasValue :sdgt ] ) ] .
            [ a owl:Class ; owl:unionOf ( :FTODesignation :SDGTDesignation ) ] rdfs:subClassOf :SanctionsAction .
            :Country rdfs:subClassOf :Place .
            :Person owl:equivalentClass :Human . :Person rdfs:subClassOf :Agent .

            :precursorOf a owl:ObjectProperty , owl:TransitiveProperty ; rdfs:domain :Chemical ; rdfs:range :Chemical .
            :directPrecursorOf a owl:ObjectProperty ; rdfs:subPropertyOf :precursorOf .
            :hasPrecursor a owl:ObjectProperty ; owl:inverseOf :precursorOf .
            :collaboratesWith a owl:ObjectProperty , owl:SymmetricProperty ; rdfs:domain :Organization .
            :trafficks a owl:ObjectProperty ; rdfs:domain :Organization .
            :supplies a owl:ObjectProperty ; rdfs:subPropertyOf :trafficks .
            :designee a owl:ObjectProperty ; rdfs:domain :Designation ; rdfs:range :Organization .
            :designatedIn a owl:ObjectProperty ; owl:inverseOf :designee .
            :designationType a owl:ObjectProperty ; rdfs:range :DesignationType .
            :designatedAs a owl:ObjectProperty ; owl:propertyChainAxiom ( :designatedIn :designationType ) .
            :legalAuthority a owl:ObjectProperty ; rdfs:range :LegalInstrument .
            :sanctionedUnder a owl:ObjectProperty ; owl:propertyChainAxiom ( :designatedIn :legalAuthority ) .
            :administeredBy a owl:ObjectProperty ; rdfs:range :Agency .
            :administeringAgency a owl:ObjectProperty ; owl:propertyChainAxiom ( :legalAuthority :administeredBy ) .
            :basedIn a owl:ObjectProperty . :partOf a owl:ObjectProperty ; rdfs:range :Country .
            :designationRegion a owl:ObjectProperty ; owl:propertyChainAxiom ( :designee :basedIn :partOf ) .
            :issuedBy a owl:ObjectProperty ; owl:equivalentProperty :publisher .
            :publisher a owl:ObjectProperty ; rdfs:range :Publisher .
            :firstSynthesized a owl:DatatypeProperty ; rdfs:domain :Chemical .

            :fentanyl a :SyntheticOpioid . :methamphetamine a :Drug .
            :fto a :DesignationType . :sdgt a :DesignationType .
            """;

    private SyntheticKg() {
    }

    /** Six precursor chains, twelve organizations, their designations, places, people and reports. */
    static String data() {
        StringBuilder ttl = new StringBuilder();
        for (int chain = 0; chain < 6; chain++) {
            String end = chain % 2 == 0 ? ":fentanyl" : ":methamphetamine";
            for (int step = 0; step < 4; step++) {
                String next = step == 3 ? end : ":chem" + chain + "_" + (step + 1);
                ttl.append(":chem").append(chain).append('_').append(step).append(" :directPrecursorOf ").append(next).append(" .\n");
            }
            ttl.append(":chem").append(chain).append("_0 :firstSynthesized \"19").append(60 + chain).append("\"^^xsd:gYear .\n");
        }
        for (int org = 0; org < 12; org++) {
            String o = ":org" + org;
            if (org % 2 == 0) {
                ttl.append(o).append(" a :Cartel .\n");
            }
            if (org % 4 == 0) {
                ttl.append(o).append(" a :ArmedGroup .\n");
            }
            ttl.append(o).append(" :collaboratesWith :org").append((org + 1) % 12).append(" .\n");
            ttl.append(o).append(" :supplies :chem").append(org % 6).append("_3 .\n");
            ttl.append(o).append(" :basedIn :city").append(org % 3).append(" .\n");
            String designation = ":des" + org;
            ttl.append(designation).append(" :designee ").append(o).append(" ; :designationType ")
                    .append(org % 3 == 0 ? ":fto" : org % 3 == 1 ? ":sdgt" : ":other").append(" ; :legalAuthority ")
                    .append(org % 2 == 0 ? ":eo14059" : ":ina219").append(" .\n");
        }
        ttl.append(":eo14059 :administeredBy :ofac . :ina219 :administeredBy :state .\n");
        ttl.append(":city0 :partOf :mexico . :city1 :partOf :mexico . :city2 :partOf :china .\n");
        for (int person = 0; person < 4; person++) {
            ttl.append(":person").append(person).append(person % 2 == 0 ? " a :Person .\n" : " a :Human .\n");
            ttl.append(":rep").append(person).append(" a :Report ; :issuedBy :crs .\n");
        }
        ttl.append(":rep9 a :Report ; :publisher :gao .\n");
        return ttl.toString();
    }
}
