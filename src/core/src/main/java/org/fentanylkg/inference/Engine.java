package org.fentanylkg.inference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The semi-naive forward-chaining loop. Every triple, asserted or derived, enters the index once and the
 * work queue once; when taken from the queue it is joined against the full index by the rules its
 * predicate (or, for rdf:type, its class) triggers. A join of two triples happens when the later of them
 * is processed, so nothing is re-derived from old facts; a round is one generation of the queue.
 */
final class Engine {
    /** A contradiction found while running, with its premises still as ids. */
    record RawInconsistency(int licence, String message, int[] premises) {
    }

    private final CompiledTBox tbox;
    private final NodeDictionary dictionary;
    private final TripleIndex index;
    private final DerivationLog log = new DerivationLog();
    private final IntArrayList queue = new IntArrayList(3 * 1024);
    private final List<RawInconsistency> inconsistencies = new ArrayList<>();
    private final Set<List<Integer>> reported = new HashSet<>();
    private final int type;
    private final int thing;
    private final int nothing;
    private int[] chainPath = new int[3 * 8];
    private int chainAnchor;
    private long rounds;

    /** @param expectedTriples a size hint: the number of data triples to come */
    Engine(CompiledTBox tbox, long expectedTriples) {
        this.tbox = tbox;
        this.dictionary = tbox.newDictionary((int) Math.min(Integer.MAX_VALUE / 4, expectedTriples));
        this.index = new TripleIndex(tbox::adjacency);
        this.type = dictionary.encode(Vocab.TYPE);
        this.thing = dictionary.encode(Vocab.THING);
        this.nothing = dictionary.encode(Vocab.NOTHING);
    }

    void addOntology() {
        int[] triples = tbox.ontologyTriples();
        for (int i = 0; i < triples.length; i += 3) {
            assertEncoded(triples[i], triples[i + 1], triples[i + 2]);
        }
    }

    void addData(Graph data) {
        data.find().forEachRemaining(t -> {
            if (!t.getSubject().isLiteral()) {
                assertEncoded(dictionary.encode(t.getSubject()), dictionary.encode(t.getPredicate()),
                        dictionary.encode(t.getObject()));
            }
        });
    }

    /** Inserts the compile-time schema entailments that the inputs do not already state. */
    void addSchemaInferences() {
        for (CompiledTBox.SchemaInference inference : tbox.schemaInferences()) {
            Triple c = inference.conclusion();
            int s = dictionary.encode(c.getSubject());
            int p = dictionary.encode(c.getPredicate());
            int o = dictionary.encode(c.getObject());
            if (index.add(s, p, o, log.size())) {
                log.begin(s, p, o, inference.licence());
                for (Triple premise : inference.premises()) {
                    log.addPremise(dictionary.encode(premise.getSubject()), dictionary.encode(premise.getPredicate()),
                            dictionary.encode(premise.getObject()));
                }
                enqueue(s, p, o);
            }
        }
    }

    void run() {
        int head = 0;
        while (head < queue.size()) {
            rounds++;
            int end = queue.size();
            for (; head < end; head += 3) {
                int s = queue.get(head);
                int p = queue.get(head + 1);
                int o = queue.get(head + 2);
                if (p == type) {
                    fireClass(s, o);
                } else {
                    fireProperty(s, p, o);
                }
            }
        }
    }

    NodeDictionary dictionary() {
        return dictionary;
    }

    TripleIndex index() {
        return index;
    }

    DerivationLog log() {
        return log;
    }

    List<RawInconsistency> inconsistencies() {
        return inconsistencies;
    }

    long rounds() {
        return rounds;
    }

    /** Rules triggered by x rdf:type c. */
    private void fireClass(int x, int c) {
        if (c == nothing) {
            report(TBoxCompiler.NOTHING_LICENCE, List.of(x, c), name(x) + " is a member of owl:Nothing",
                    x, type, c);
        }
        ClassRules rules = tbox.classRules(c);
        if (rules == null) {
            return;
        }
        for (Link link : rules.supers) { // cax-sco, cax-eqc1/2, cls-int2, cls-uni
            derive(x, type, link.target(), link.licence(), x, type, c);
        }
        if (rules.hasValueProperty >= 0) { // cls-hv1
            derive(x, rules.hasValueProperty, rules.hasValue, rules.hasValueLicence, x, type, c);
        }
        if (rules.allValuesProperty >= 0) { // cls-avf, class side
            int p = rules.allValuesProperty;
            IntArrayList values = index.objects(x, p);
            for (int i = 0, n = values.size(); i < n; i++) {
                int y = values.get(i);
                if (!dictionary.isLiteral(y)) {
                    derive(y, type, rules.allValuesFiller, rules.allValuesLicence, x, type, c, x, p, y);
                }
            }
        }
        for (int intersection : rules.partOfIntersections) { // cls-int1
            intersect(x, intersection);
        }
        for (PropertyRules.Restriction some : rules.fillerOf) { // cls-svf1, class side
            int p = some.property();
            IntArrayList subjects = index.subjects(p, x);
            for (int i = 0, n = subjects.size(); i < n; i++) {
                int w = subjects.get(i);
                derive(w, type, some.restriction(), some.licence(), w, p, x, x, type, c);
            }
        }
        for (Link other : rules.disjoint) { // cax-dw, cax-adc, cls-com
            int d = other.target();
            if (index.contains(x, type, d)) {
                report(other.licence(), List.of(x, Math.min(c, d), Math.max(c, d)),
                        name(x) + " is a member of both " + name(c) + " and " + name(d), x, type, c, x, type, d);
            }
        }
    }

    /** Rules triggered by (s p o) for p other than rdf:type. */
    private void fireProperty(int s, int p, int o) {
        PropertyRules rules = tbox.propertyRules(p);
        if (rules == null) {
            return;
        }
        boolean resource = !dictionary.isLiteral(o); // a literal cannot become a subject
        for (Link link : rules.supers) { // prp-spo1, prp-eqp1/2
            derive(s, link.target(), o, link.licence(), s, p, o);
        }
        for (Link link : rules.domains) { // prp-dom
            derive(s, type, link.target(), link.licence(), s, p, o);
        }
        if (resource) {
            for (Link link : rules.ranges) { // prp-rng
                derive(o, type, link.target(), link.licence(), s, p, o);
            }
            for (Link link : rules.inverses) { // prp-inv1/2
                derive(o, link.target(), s, link.licence(), s, p, o);
            }
            if (rules.symmetric >= 0) { // prp-symp
                derive(o, p, s, rules.symmetric, s, p, o);
            }
            if (rules.transitive >= 0) { // prp-trp: join the new edge on both ends
                IntArrayList after = index.objects(o, p);
                for (int i = 0, n = after.size(); i < n; i++) {
                    int z = after.get(i);
                    derive(s, p, z, rules.transitive, s, p, o, o, p, z);
                }
                IntArrayList before = index.subjects(p, s);
                for (int i = 0, n = before.size(); i < n; i++) {
                    int w = before.get(i);
                    derive(w, p, o, rules.transitive, w, p, s, s, p, o);
                }
            }
        }
        for (PropertyRules.ChainStep step : rules.chainSteps) { // prp-spo2
            chain(step, s, o);
        }
        for (PropertyRules.Restriction value : rules.hasValues) { // cls-hv2
            if (value.value() == o) {
                derive(s, type, value.restriction(), value.licence(), s, p, o);
            }
        }
        for (PropertyRules.Restriction some : rules.someValues) { // cls-svf2 / cls-svf1, property side
            if (some.value() == thing) {
                derive(s, type, some.restriction(), some.licence(), s, p, o);
            } else if (resource ? index.contains(o, type, some.value()) : hasDatatype(o, some.value())) {
                if (resource) {
                    derive(s, type, some.restriction(), some.licence(), s, p, o, o, type, some.value());
                } else {
                    derive(s, type, some.restriction(), some.licence(), s, p, o);
                }
            }
        }
        if (resource) {
            for (PropertyRules.Restriction all : rules.allValues) { // cls-avf, property side
                if (index.contains(s, type, all.restriction())) {
                    derive(o, type, all.value(), all.licence(), s, type, all.restriction(), s, p, o);
                }
            }
        }
        checkProperty(rules, s, p, o);
    }

    /** prp-irp, prp-asyp, prp-pdw, prp-adp. */
    private void checkProperty(PropertyRules rules, int s, int p, int o) {
        if (rules.irreflexive >= 0 && s == o) {
            report(rules.irreflexive, List.of(s, p), name(s) + " " + name(p) + " itself", s, p, o);
        }
        if (rules.asymmetric >= 0 && index.contains(o, p, s)) {
            report(rules.asymmetric, List.of(p, Math.min(s, o), Math.max(s, o)),
                    name(s) + " and " + name(o) + " are " + name(p) + " of each other", s, p, o, o, p, s);
        }
        for (Link other : rules.disjoint) {
            int q = other.target();
            if (index.contains(s, q, o)) {
                report(other.licence(), List.of(s, o, Math.min(p, q), Math.max(p, q)),
                        name(s) + " is related to " + name(o) + " by both " + name(p) + " and " + name(q),
                        s, p, o, s, q, o);
            }
        }
    }

    /** cls-int1: x a intersection once x is a member of every part. */
    private void intersect(int x, int intersection) {
        if (index.contains(x, type, intersection)) {
            return;
        }
        ClassRules rules = tbox.classRules(intersection);
        for (int part : rules.intersectionParts) {
            if (!index.contains(x, type, part)) {
                return;
            }
        }
        int id = log.size();
        if (index.add(x, type, intersection, id)) {
            log.begin(x, type, intersection, rules.intersectionLicence);
            for (int part : rules.intersectionParts) {
                log.addPremise(x, type, part);
            }
            enqueue(x, type, intersection);
        }
    }

    /** prp-spo2: extend the new edge (s step o) at its chain position leftwards, then rightwards. */
    private void chain(PropertyRules.ChainStep step, int s, int o) {
        int[] steps = step.chain().steps();
        if (chainPath.length < 3 * steps.length) {
            chainPath = new int[3 * steps.length];
        }
        chainAnchor = step.position();
        setPathEdge(chainAnchor, s, steps[chainAnchor], o);
        extendLeft(step.chain(), chainAnchor - 1, s);
    }

    private void extendLeft(PropertyChain chain, int position, int start) {
        if (position < 0) {
            extendRight(chain, chainAnchor + 1, start, chainPath[3 * chainAnchor + 2]);
            return;
        }
        int p = chain.steps()[position];
        IntArrayList subjects = index.subjects(p, start);
        for (int i = 0, n = subjects.size(); i < n; i++) {
            int w = subjects.get(i);
            setPathEdge(position, w, p, start);
            extendLeft(chain, position - 1, w);
        }
    }

    private void extendRight(PropertyChain chain, int position, int start, int end) {
        int[] steps = chain.steps();
        if (position == steps.length) {
            int id = log.size();
            if (index.add(start, chain.superProperty(), end, id)) {
                log.begin(start, chain.superProperty(), end, chain.licence());
                for (int k = 0; k < steps.length; k++) {
                    log.addPremise(chainPath[3 * k], chainPath[3 * k + 1], chainPath[3 * k + 2]);
                }
                enqueue(start, chain.superProperty(), end);
            }
            return;
        }
        int p = steps[position];
        IntArrayList objects = index.objects(end, p);
        for (int i = 0, n = objects.size(); i < n; i++) {
            int z = objects.get(i);
            setPathEdge(position, end, p, z);
            extendRight(chain, position + 1, start, z);
        }
    }

    private void setPathEdge(int position, int s, int p, int o) {
        chainPath[3 * position] = s;
        chainPath[3 * position + 1] = p;
        chainPath[3 * position + 2] = o;
    }

    private void derive(int s, int p, int o, int licence, int s1, int p1, int o1) {
        int id = log.size();
        if (index.add(s, p, o, id)) {
            log.begin(s, p, o, licence);
            log.addPremise(s1, p1, o1);
            enqueue(s, p, o);
        }
    }

    private void derive(int s, int p, int o, int licence, int s1, int p1, int o1, int s2, int p2, int o2) {
        int id = log.size();
        if (index.add(s, p, o, id)) {
            log.begin(s, p, o, licence);
            log.addPremise(s1, p1, o1);
            log.addPremise(s2, p2, o2);
            enqueue(s, p, o);
        }
    }

    private void assertEncoded(int s, int p, int o) {
        if (index.add(s, p, o, TripleIndex.ASSERTED)) {
            enqueue(s, p, o);
        }
    }

    private void enqueue(int s, int p, int o) {
        queue.add(s);
        queue.add(p);
        queue.add(o);
    }

    /** Records a contradiction once per key, however many times its premises meet. */
    private void report(int licence, List<Integer> key, String what, int... premises) {
        List<Integer> fullKey = new ArrayList<>(key);
        fullKey.add(0, licence);
        if (reported.add(fullKey)) {
            inconsistencies.add(new RawInconsistency(licence, what + ", but " + tbox.licence(licence).description(),
                    premises));
        }
    }

    /** A literal's membership of a datatype is read off the literal, never stored. */
    private boolean hasDatatype(int literal, int datatype) {
        Node filler = dictionary.node(datatype);
        return filler.isURI() && (filler.getURI().equals(dictionary.node(literal).getLiteralDatatypeURI())
                || filler.getURI().equals(Vocab.LITERAL.getURI()));
    }

    private String name(int id) {
        Node node = dictionary.node(id);
        return ClassExpressions.localName(node);
    }
}
