package org.fentanylkg.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the ontology's axioms into {@link ClassRules} and {@link PropertyRules} tables. Every class
 * expression, named or anonymous, gets its own id and table, so nesting is handled by the tables
 * chaining into each other at run time. Axioms are read in an order that ignores blank node labels,
 * so the same ontology always compiles to the same tables.
 */
final class TBoxCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(TBoxCompiler.class);

    private final Graph ontology;
    private final ClassExpressions expressions;
    private final NodeDictionary dictionary = new NodeDictionary();
    private final List<Licence> licences = new ArrayList<>();
    private final IntObjectHashMap<ClassRules> classRules = new IntObjectHashMap<>();
    private final IntObjectHashMap<PropertyRules> propertyRules = new IntObjectHashMap<>();

    private TBoxCompiler(Graph ontology) {
        this.ontology = ontology;
        this.expressions = new ClassExpressions(ontology);
        for (Node builtin : List.of(Vocab.TYPE, Vocab.THING, Vocab.NOTHING, Vocab.NAMED_INDIVIDUAL)) {
            dictionary.encode(builtin);
        }
        // cls-nothing2 needs no axiom, so its licence always exists, with a fixed id.
        licence("cls-nothing2", "owl:Nothing has no members", List.of(), false);
    }

    /** Licence id of cls-nothing2. */
    static final int NOTHING_LICENCE = 0;

    static CompiledTBox compile(Graph ontology) {
        return new TBoxCompiler(ontology).build();
    }

    private CompiledTBox build() {
        classHierarchy();
        intersections();
        unions();
        restrictions();
        disjointClasses();
        propertyHierarchy();
        propertyCharacteristics();
        propertyChains();
        domainsAndRanges();
        disjointProperties();
        List<CompiledTBox.SchemaInference> schema = new ArrayList<>();
        for (SchemaClosure.Inference inference : SchemaClosure.compute(ontology, expressions)) {
            int licence = licence(inference.rule(), inference.description(), inference.axioms(), false);
            schema.add(new CompiledTBox.SchemaInference(inference.conclusion(), licence, inference.premises()));
        }
        int[] triples = encodeOntology();
        LOG.debug("Compiled {} licences from {} ontology triples", licences.size(), triples.length / 3);
        return new CompiledTBox(dictionary, licences, classRules, propertyRules, triples, schema);
    }

    /** cax-sco, cax-eqc1, cax-eqc2. Links into owl:Thing are dropped: its membership is never materialised. */
    private void classHierarchy() {
        for (Triple t : sorted(Vocab.SUB_CLASS_OF)) {
            Node sub = t.getSubject();
            Node sup = t.getObject();
            if (isClassPair(sub, sup) && !sup.equals(Vocab.THING) && !sub.equals(Vocab.NOTHING)) {
                int licence = licence("cax-sco", expressions.operand(sub) + " ⊑ " + expressions.operand(sup), List.of(t), anonymous(sub, sup));
                classRules(sub).addSuper(new Link(id(sup), licence));
            }
        }
        for (Triple t : sorted(Vocab.EQUIVALENT_CLASS)) {
            Node a = t.getSubject();
            Node b = t.getObject();
            if (isClassPair(a, b)) {
                String description = render(a) + " ≡ " + render(b);
                if (!b.equals(Vocab.THING)) {
                    classRules(a).addSuper(new Link(id(b), licence("cax-eqc1", description, List.of(t), anonymous(a, b))));
                }
                if (!a.equals(Vocab.THING)) {
                    classRules(b).addSuper(new Link(id(a), licence("cax-eqc2", description, List.of(t), anonymous(a, b))));
                }
            }
        }
    }

    /** cls-int1 (all parts ⇒ intersection) and cls-int2 (intersection ⇒ each part). */
    private void intersections() {
        for (Triple t : sorted(Vocab.INTERSECTION_OF)) {
            Node intersection = t.getSubject();
            List<Node> parts = expressions.members(t.getObject()).stream()
                    .filter(part -> !part.isLiteral() && !part.equals(Vocab.THING)).collect(Collectors.toList());
            if (parts.isEmpty()) {
                continue;
            }
            String description = expressions.describe(intersection);
            List<Triple> axioms = expressions.definition(intersection);
            ClassRules rules = classRules(intersection);
            rules.intersectionParts = parts.stream().mapToInt(this::id).toArray();
            rules.intersectionLicence = licence("cls-int1", description, axioms, false);
            int split = licence("cls-int2", description, axioms, false);
            for (Node part : parts) {
                rules.addSuper(new Link(id(part), split));
                classRules(part).addIntersection(id(intersection));
            }
        }
    }

    /** cls-uni: a member of any part is a member of the union. */
    private void unions() {
        for (Triple t : sorted(Vocab.UNION_OF)) {
            Node union = t.getSubject();
            int licence = licence("cls-uni", expressions.describe(union), expressions.definition(union), false);
            for (Node part : expressions.members(t.getObject())) {
                if (!part.isLiteral() && !part.equals(Vocab.NOTHING) && !part.equals(union)) {
                    classRules(part).addSuper(new Link(id(union), licence));
                }
            }
        }
    }

    /** cls-hv1/2, cls-svf1/2, cls-avf. */
    private void restrictions() {
        for (Triple t : sorted(Vocab.ON_PROPERTY)) {
            Node restriction = t.getSubject();
            Node property = t.getObject();
            if (property.isLiteral()) {
                continue;
            }
            String description = expressions.describe(restriction);
            List<Triple> axioms = expressions.definition(restriction);
            int r = id(restriction);
            int p = id(property);
            Node value;
            if ((value = expressions.object(restriction, Vocab.HAS_VALUE)) != null) {
                ClassRules rules = classRules(restriction);
                rules.hasValueProperty = p;
                rules.hasValue = id(value);
                rules.hasValueLicence = licence("cls-hv1", description, axioms, false);
                propertyRules(property).addHasValue(new PropertyRules.Restriction(p, id(value), r,
                        licence("cls-hv2", description, axioms, false)));
            } else if ((value = expressions.object(restriction, Vocab.SOME_VALUES_FROM)) != null && !value.isLiteral()) {
                boolean anything = value.equals(Vocab.THING);
                PropertyRules.Restriction some = new PropertyRules.Restriction(p, id(value), r,
                        licence(anything ? "cls-svf2" : "cls-svf1", description, axioms, false));
                propertyRules(property).addSomeValues(some);
                if (!anything) {
                    classRules(value).addFillerOf(some);
                    propertyRules(property).adjacency |= TripleIndex.BY_OBJECT;
                }
            } else if ((value = expressions.object(restriction, Vocab.ALL_VALUES_FROM)) != null && !value.isLiteral()) {
                int licence = licence("cls-avf", description, axioms, false);
                ClassRules rules = classRules(restriction);
                rules.allValuesProperty = p;
                rules.allValuesFiller = id(value);
                rules.allValuesLicence = licence;
                propertyRules(property).addAllValues(new PropertyRules.Restriction(p, id(value), r, licence));
                propertyRules(property).adjacency |= TripleIndex.BY_SUBJECT;
            } else {
                LOG.debug("Ignoring restriction outside the supported OWL 2 RL subset: {}", description);
            }
        }
    }

    /** cax-dw, cax-adc and cls-com become contradiction checks in both directions. */
    private void disjointClasses() {
        for (Triple t : sorted(Vocab.DISJOINT_WITH)) {
            disjoint(t.getSubject(), t.getObject(), licence("cax-dw",
                    render(t.getSubject()) + " and " + render(t.getObject()) + " are disjoint", List.of(t), false));
        }
        for (Triple list : objectsOfTyped(Vocab.ALL_DISJOINT_CLASSES, Vocab.MEMBERS)) {
            List<Node> members = expressions.members(list.getObject());
            int licence = licence("cax-adc", names(members, ", ") + " are pairwise disjoint",
                    expressions.definition(list.getSubject()), false);
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    disjoint(members.get(i), members.get(j), licence);
                }
            }
        }
        for (Triple t : sorted(Vocab.COMPLEMENT_OF)) {
            disjoint(t.getSubject(), t.getObject(), licence("cls-com", expressions.describe(t.getSubject()),
                    expressions.definition(t.getSubject()), false));
        }
    }

    private void disjoint(Node a, Node b, int licence) {
        if (isClassPair(a, b)) {
            classRules(a).addDisjoint(new Link(id(b), licence));
            classRules(b).addDisjoint(new Link(id(a), licence));
        }
    }

    /** prp-spo1, prp-eqp1, prp-eqp2, prp-inv1, prp-inv2. */
    private void propertyHierarchy() {
        for (Triple t : sorted(Vocab.SUB_PROPERTY_OF)) {
            if (isPropertyPair(t)) {
                propertyRules(t.getSubject()).addSuper(new Link(id(t.getObject()), licence("prp-spo1",
                        render(t.getSubject()) + " ⊑ " + render(t.getObject()), List.of(t), false)));
            }
        }
        for (Triple t : sorted(Vocab.EQUIVALENT_PROPERTY)) {
            if (isPropertyPair(t)) {
                String description = render(t.getSubject()) + " ≡ " + render(t.getObject());
                propertyRules(t.getSubject()).addSuper(new Link(id(t.getObject()),
                        licence("prp-eqp1", description, List.of(t), false)));
                propertyRules(t.getObject()).addSuper(new Link(id(t.getSubject()),
                        licence("prp-eqp2", description, List.of(t), false)));
            }
        }
        for (Triple t : sorted(Vocab.INVERSE_OF)) {
            Node p = t.getSubject();
            Node q = t.getObject();
            if (!p.isLiteral() && !q.isLiteral()) {
                String description = p.isBlank() ? render(p) + " is an inverse property expression"
                        : render(p) + " is the inverse of " + render(q);
                propertyRules(p).addInverse(new Link(id(q), licence("prp-inv1", description, List.of(t), false)));
                propertyRules(q).addInverse(new Link(id(p), licence("prp-inv2", description, List.of(t), false)));
            }
        }
    }

    /** prp-trp, prp-symp, prp-asyp, prp-irp. */
    private void propertyCharacteristics() {
        for (Triple t : typed(Vocab.TRANSITIVE_PROPERTY)) {
            PropertyRules rules = propertyRules(t.getSubject());
            rules.transitive = licence("prp-trp", render(t.getSubject()) + " is transitive", List.of(t), false);
            rules.adjacency |= TripleIndex.BY_SUBJECT | TripleIndex.BY_OBJECT;
        }
        for (Triple t : typed(Vocab.SYMMETRIC_PROPERTY)) {
            propertyRules(t.getSubject()).symmetric =
                    licence("prp-symp", render(t.getSubject()) + " is symmetric", List.of(t), false);
        }
        for (Triple t : typed(Vocab.ASYMMETRIC_PROPERTY)) {
            propertyRules(t.getSubject()).asymmetric =
                    licence("prp-asyp", render(t.getSubject()) + " is asymmetric", List.of(t), false);
        }
        for (Triple t : typed(Vocab.IRREFLEXIVE_PROPERTY)) {
            propertyRules(t.getSubject()).irreflexive =
                    licence("prp-irp", render(t.getSubject()) + " is irreflexive", List.of(t), false);
        }
    }

    /** prp-spo2 for chains of any length. */
    private void propertyChains() {
        for (Triple t : sorted(Vocab.PROPERTY_CHAIN_AXIOM)) {
            List<Node> steps = expressions.members(t.getObject());
            if (steps.isEmpty() || steps.stream().anyMatch(Node::isLiteral) || t.getSubject().isLiteral()) {
                continue;
            }
            List<Triple> axioms = new ArrayList<>(List.of(t));
            axioms.addAll(expressions.definition(t.getObject()));
            String description = steps.stream().map(this::render).collect(Collectors.joining(" ∘ "))
                    + " ⊑ " + render(t.getSubject());
            PropertyChain chain = new PropertyChain(id(t.getSubject()), steps.stream().mapToInt(this::id).toArray(),
                    licence("prp-spo2", description, axioms, false));
            for (int i = 0; i < steps.size(); i++) {
                propertyRules(steps.get(i)).addChainStep(new PropertyRules.ChainStep(chain, i));
            }
        }
    }

    /** prp-dom, prp-rng. owl:Thing as domain or range says nothing worth materialising. */
    private void domainsAndRanges() {
        for (Triple t : sorted(Vocab.DOMAIN)) {
            if (isPropertyPair(t) && !t.getObject().equals(Vocab.THING)) {
                propertyRules(t.getSubject()).addDomain(new Link(id(t.getObject()), licence("prp-dom",
                        "the domain of " + render(t.getSubject()) + " is " + render(t.getObject()), List.of(t), false)));
            }
        }
        for (Triple t : sorted(Vocab.RANGE)) {
            if (isPropertyPair(t) && !t.getObject().equals(Vocab.THING)) {
                propertyRules(t.getSubject()).addRange(new Link(id(t.getObject()), licence("prp-rng",
                        "the range of " + render(t.getSubject()) + " is " + render(t.getObject()), List.of(t), false)));
            }
        }
    }

    /** prp-pdw, prp-adp. */
    private void disjointProperties() {
        for (Triple t : sorted(Vocab.PROPERTY_DISJOINT_WITH)) {
            if (isPropertyPair(t)) {
                int licence = licence("prp-pdw",
                        render(t.getSubject()) + " and " + render(t.getObject()) + " are disjoint properties", List.of(t), false);
                propertyRules(t.getSubject()).addDisjoint(new Link(id(t.getObject()), licence));
                propertyRules(t.getObject()).addDisjoint(new Link(id(t.getSubject()), licence));
            }
        }
        for (Triple list : objectsOfTyped(Vocab.ALL_DISJOINT_PROPERTIES, Vocab.MEMBERS)) {
            List<Node> members = expressions.members(list.getObject());
            int licence = licence("prp-adp", names(members, ", ") + " are pairwise disjoint properties",
                    expressions.definition(list.getSubject()), false);
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    propertyRules(members.get(i)).addDisjoint(new Link(id(members.get(j)), licence));
                    propertyRules(members.get(j)).addDisjoint(new Link(id(members.get(i)), licence));
                }
            }
        }
    }

    /** The ontology's own triples are facts too (individuals it declares, e.g. designation types). */
    private int[] encodeOntology() {
        List<Triple> triples = ontology.find().toList().stream()
                .filter(t -> !t.getSubject().isLiteral())
                .sorted(Comparator.comparing((Triple t) -> expressions.sortKey(t.getSubject()))
                        .thenComparing(t -> t.getPredicate().toString())
                        .thenComparing(t -> expressions.sortKey(t.getObject())))
                .collect(Collectors.toList());
        int[] encoded = new int[triples.size() * 3];
        for (int i = 0; i < triples.size(); i++) {
            Triple t = triples.get(i);
            encoded[3 * i] = id(t.getSubject());
            encoded[3 * i + 1] = id(t.getPredicate());
            encoded[3 * i + 2] = id(t.getObject());
        }
        return encoded;
    }

    private int licence(String rule, String description, List<Triple> axioms, boolean structural) {
        licences.add(new Licence(rule, description, List.copyOf(axioms), structural));
        return licences.size() - 1;
    }

    private ClassRules classRules(Node c) {
        int id = id(c);
        ClassRules rules = classRules.get(id);
        if (rules == null) {
            rules = new ClassRules();
            classRules.put(id, rules);
        }
        return rules;
    }

    private PropertyRules propertyRules(Node p) {
        int id = id(p);
        PropertyRules rules = propertyRules.get(id);
        if (rules == null) {
            rules = new PropertyRules();
            propertyRules.put(id, rules);
        }
        return rules;
    }

    private int id(Node node) {
        return dictionary.encode(node);
    }

    private String render(Node node) {
        return expressions.render(node);
    }

    private String names(List<Node> nodes, String separator) {
        return nodes.stream().map(this::render).collect(Collectors.joining(separator));
    }

    private static boolean anonymous(Node a, Node b) {
        return a.isBlank() || b.isBlank();
    }

    private static boolean isClassPair(Node a, Node b) {
        return !a.isLiteral() && !b.isLiteral() && !a.equals(b);
    }

    private static boolean isPropertyPair(Triple t) {
        return !t.getSubject().isLiteral() && !t.getObject().isLiteral() && !t.getSubject().equals(t.getObject());
    }

    private List<Triple> sorted(Node predicate) {
        return ontology.find(Node.ANY, predicate, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> expressions.sortKey(t.getSubject()))
                        .thenComparing(t -> expressions.sortKey(t.getObject())))
                .collect(Collectors.toList());
    }

    private List<Triple> typed(Node type) {
        return ontology.find(Node.ANY, Vocab.TYPE, type).toList().stream()
                .filter(t -> !t.getSubject().isLiteral())
                .sorted(Comparator.comparing((Triple t) -> expressions.sortKey(t.getSubject())))
                .collect(Collectors.toList());
    }

    /** (x, predicate, list) triples for every x typed {@code type}, e.g. owl:AllDisjointClasses owl:members. */
    private List<Triple> objectsOfTyped(Node type, Node predicate) {
        List<Triple> result = new ArrayList<>();
        for (Triple typing : typed(type)) {
            Node list = expressions.object(typing.getSubject(), predicate);
            if (list != null) {
                result.add(Triple.create(typing.getSubject(), predicate, list));
            }
        }
        return result;
    }
}
