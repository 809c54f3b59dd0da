package org.fentanylkg.inference;

import static org.fentanylkg.inference.ClassRules.append;

/** What the engine does when a triple with one property (named or an anonymous inverse) is added. */
final class PropertyRules {
    /** A hasValue (value = the value) or someValuesFrom/allValuesFrom (value = the filler class) restriction. */
    record Restriction(int property, int value, int restriction, int licence) {
    }

    /** A position of this property in a property chain. */
    record ChainStep(PropertyChain chain, int position) {
    }

    /** prp-spo1, prp-eqp1/2: (s this o) ⇒ (s target o). */
    Link[] supers = ClassRules.NO_LINKS;
    /** prp-inv1/2: (s this o) ⇒ (o target s). */
    Link[] inverses = ClassRules.NO_LINKS;
    /** prp-dom / prp-rng: (s this o) ⇒ s a target / o a target. */
    Link[] domains = ClassRules.NO_LINKS;
    Link[] ranges = ClassRules.NO_LINKS;
    /** prp-pdw, prp-adp: (s this o) and (s target o) is a contradiction. */
    Link[] disjoint = ClassRules.NO_LINKS;
    /** Licences of prp-trp, prp-symp, prp-irp, prp-asyp, or -1. */
    int transitive = -1;
    int symmetric = -1;
    int irreflexive = -1;
    int asymmetric = -1;
    ChainStep[] chainSteps = new ChainStep[0];
    /** cls-hv2: (s this value) ⇒ s a restriction. */
    Restriction[] hasValues = new Restriction[0];
    /** cls-svf1/2: (s this o), o a filler (or filler owl:Thing) ⇒ s a restriction. */
    Restriction[] someValues = new Restriction[0];
    /** cls-avf: s a restriction, (s this o) ⇒ o a filler. */
    Restriction[] allValues = new Restriction[0];
    /** {@link TripleIndex#BY_SUBJECT} / {@link TripleIndex#BY_OBJECT}: adjacency lists the joins need. */
    int adjacency;

    void addSuper(Link link) {
        supers = append(supers, link);
    }

    void addInverse(Link link) {
        inverses = append(inverses, link);
    }

    void addDomain(Link link) {
        domains = append(domains, link);
    }

    void addRange(Link link) {
        ranges = append(ranges, link);
    }

    void addDisjoint(Link link) {
        disjoint = append(disjoint, link);
    }

    void addChainStep(ChainStep step) {
        chainSteps = append(chainSteps, step);
        adjacency |= TripleIndex.BY_SUBJECT | TripleIndex.BY_OBJECT;
    }

    void addHasValue(Restriction restriction) {
        hasValues = append(hasValues, restriction);
    }

    void addSomeValues(Restriction restriction) {
        someValues = append(someValues, restriction);
    }

    void addAllValues(Restriction restriction) {
        allValues = append(allValues, restriction);
    }
}
