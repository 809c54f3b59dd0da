package org.fentanylkg.inference;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The RDF, RDFS and OWL terms the compiler and engine look for. */
final class Vocab {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String OWL = "http://www.w3.org/2002/07/owl#";

    static final Node TYPE = uri(RDF + "type");
    static final Node FIRST = uri(RDF + "first");
    static final Node REST = uri(RDF + "rest");
    static final Node NIL = uri(RDF + "nil");

    static final Node SUB_CLASS_OF = uri(RDFS + "subClassOf");
    static final Node SUB_PROPERTY_OF = uri(RDFS + "subPropertyOf");
    static final Node DOMAIN = uri(RDFS + "domain");
    static final Node RANGE = uri(RDFS + "range");
    static final Node LITERAL = uri(RDFS + "Literal");

    static final Node THING = uri(OWL + "Thing");
    static final Node NOTHING = uri(OWL + "Nothing");
    static final Node NAMED_INDIVIDUAL = uri(OWL + "NamedIndividual");
    static final Node EQUIVALENT_CLASS = uri(OWL + "equivalentClass");
    static final Node EQUIVALENT_PROPERTY = uri(OWL + "equivalentProperty");
    static final Node INVERSE_OF = uri(OWL + "inverseOf");
    static final Node TRANSITIVE_PROPERTY = uri(OWL + "TransitiveProperty");
    static final Node SYMMETRIC_PROPERTY = uri(OWL + "SymmetricProperty");
    static final Node ASYMMETRIC_PROPERTY = uri(OWL + "AsymmetricProperty");
    static final Node IRREFLEXIVE_PROPERTY = uri(OWL + "IrreflexiveProperty");
    static final Node PROPERTY_CHAIN_AXIOM = uri(OWL + "propertyChainAxiom");
    static final Node PROPERTY_DISJOINT_WITH = uri(OWL + "propertyDisjointWith");
    static final Node ALL_DISJOINT_PROPERTIES = uri(OWL + "AllDisjointProperties");
    static final Node ON_PROPERTY = uri(OWL + "onProperty");
    static final Node HAS_VALUE = uri(OWL + "hasValue");
    static final Node SOME_VALUES_FROM = uri(OWL + "someValuesFrom");
    static final Node ALL_VALUES_FROM = uri(OWL + "allValuesFrom");
    static final Node INTERSECTION_OF = uri(OWL + "intersectionOf");
    static final Node UNION_OF = uri(OWL + "unionOf");
    static final Node COMPLEMENT_OF = uri(OWL + "complementOf");
    static final Node DISJOINT_WITH = uri(OWL + "disjointWith");
    static final Node ALL_DISJOINT_CLASSES = uri(OWL + "AllDisjointClasses");
    static final Node MEMBERS = uri(OWL + "members");

    private Vocab() {
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
