package org.fentanylkg.inference;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The scm-* rules: the subclass and subproperty closure of the ontology (scm-sco, scm-spo, scm-eqc1/2,
 * scm-eqp1/2, scm-int, scm-uni). Anonymous class expressions take part in the search, but only
 * subsumptions and equivalences between named terms are reported.
 */
final class SchemaClosure {
    /** One schema entailment and how it follows. */
    record Inference(Triple conclusion, String rule, String description, List<Triple> axioms, List<Triple> premises) {
    }

    /** A direct subsumption from → to, with the axiom it comes from; kind is "asserted", "eq", "int" or "uni". */
    private record Edge(Node from, Node to, String kind, String description, List<Triple> axioms) {
    }

    private final Graph ontology;
    private final ClassExpressions expressions;
    private final List<Inference> inferences = new ArrayList<>();

    private SchemaClosure(Graph ontology, ClassExpressions expressions) {
        this.ontology = ontology;
        this.expressions = expressions;
    }

    static List<Inference> compute(Graph ontology, ClassExpressions expressions) {
        SchemaClosure closure = new SchemaClosure(ontology, expressions);
        closure.close(closure.classEdges(), Vocab.SUB_CLASS_OF, Vocab.EQUIVALENT_CLASS, "scm-sco", "scm-eqc1", "scm-eqc2");
        closure.close(closure.propertyEdges(), Vocab.SUB_PROPERTY_OF, Vocab.EQUIVALENT_PROPERTY, "scm-spo", "scm-eqp1", "scm-eqp2");
        return closure.inferences;
    }

    private Map<Node, List<Edge>> classEdges() {
        Map<Node, List<Edge>> edges = new HashMap<>();
        for (Triple t : sorted(Vocab.SUB_CLASS_OF)) {
            add(edges, new Edge(t.getSubject(), t.getObject(), "asserted", render(t, " ⊑ "), List.of(t)));
        }
        for (Triple t : sorted(Vocab.EQUIVALENT_CLASS)) {
            add(edges, new Edge(t.getSubject(), t.getObject(), "eq", render(t, " ≡ "), List.of(t)));
            add(edges, new Edge(t.getObject(), t.getSubject(), "eq", render(t, " ≡ "), List.of(t)));
        }
        for (Triple t : sorted(Vocab.INTERSECTION_OF)) {
            Node intersection = t.getSubject();
            for (Node part : expressions.members(t.getObject())) {
                add(edges, new Edge(intersection, part, "int", expressions.describe(intersection),
                        expressions.definition(intersection)));
            }
        }
        for (Triple t : sorted(Vocab.UNION_OF)) {
            Node union = t.getSubject();
            for (Node part : expressions.members(t.getObject())) {
                add(edges, new Edge(part, union, "uni", expressions.describe(union), expressions.definition(union)));
            }
        }
        return edges;
    }

    private Map<Node, List<Edge>> propertyEdges() {
        Map<Node, List<Edge>> edges = new HashMap<>();
        for (Triple t : sorted(Vocab.SUB_PROPERTY_OF)) {
            add(edges, new Edge(t.getSubject(), t.getObject(), "asserted", render(t, " ⊑ "), List.of(t)));
        }
        for (Triple t : sorted(Vocab.EQUIVALENT_PROPERTY)) {
            add(edges, new Edge(t.getSubject(), t.getObject(), "eq", render(t, " ≡ "), List.of(t)));
            add(edges, new Edge(t.getObject(), t.getSubject(), "eq", render(t, " ≡ "), List.of(t)));
        }
        return edges;
    }

    /** Breadth-first search from every named term; shortest paths keep derivations short and deterministic. */
    private void close(Map<Node, List<Edge>> edges, Node sub, Node equivalent, String transitiveRule,
                       String equivalenceRule, String mutualRule) {
        Map<Node, Set<Node>> reached = new TreeMap<>(Comparator.comparing(Node::getURI));
        edges.keySet().stream().filter(this::named).forEach(start -> reached.put(start, new LinkedHashSet<>()));
        for (Map.Entry<Node, Set<Node>> entry : reached.entrySet()) {
            Node start = entry.getKey();
            Map<Node, Edge> parent = new LinkedHashMap<>();
            Deque<Node> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                Node current = queue.poll();
                for (Edge edge : edges.getOrDefault(current, List.of())) {
                    Node next = edge.to();
                    if (!next.equals(start) && !parent.containsKey(next)) {
                        parent.put(next, edge);
                        queue.add(next);
                    }
                }
            }
            for (Node target : parent.keySet()) {
                if (named(target)) {
                    entry.getValue().add(target);
                    List<Edge> path = path(parent, target);
                    Inference inference = subsumption(path, sub, transitiveRule, equivalenceRule);
                    if (inference != null) {
                        inferences.add(inference);
                    }
                }
            }
        }
        reached.forEach((a, supers) -> supers.stream().filter(b -> reached.getOrDefault(b, Set.of()).contains(a))
                .forEach(b -> inferences.add(new Inference(Triple.create(a, equivalent, b), mutualRule,
                        local(a) + " ⊑ " + local(b) + " and " + local(b) + " ⊑ " + local(a), List.of(),
                        List.of(Triple.create(a, sub, b), Triple.create(b, sub, a))))));
    }

    private Inference subsumption(List<Edge> path, Node sub, String transitiveRule, String equivalenceRule) {
        Node from = path.get(0).from();
        Node to = path.get(path.size() - 1).to();
        Triple conclusion = Triple.create(from, sub, to);
        if (path.size() == 1) {
            Edge edge = path.get(0);
            return switch (edge.kind()) {
                case "asserted" -> null;
                case "eq" -> new Inference(conclusion, equivalenceRule, edge.description(), edge.axioms(), List.of());
                default -> new Inference(conclusion, ruleOf(edge.kind(), transitiveRule), edge.description(),
                        edge.axioms(), List.of());
            };
        }
        // Split at the last named term on the path, so both premises are themselves named schema triples.
        for (int i = path.size() - 1; i > 0; i--) {
            Node middle = path.get(i).from();
            if (named(middle)) {
                return new Inference(conclusion, transitiveRule,
                        local(from) + " ⊑ " + local(middle) + " ⊑ " + local(to), List.of(),
                        List.of(Triple.create(from, sub, middle), Triple.create(middle, sub, to)));
            }
        }
        // Only anonymous expressions in between: the step is licensed by the axioms along the path.
        String rule = path.stream().map(Edge::kind).filter(k -> k.equals("int") || k.equals("uni")).findFirst()
                .map(k -> ruleOf(k, transitiveRule)).orElse(transitiveRule);
        Set<Triple> axioms = new LinkedHashSet<>();
        path.forEach(edge -> axioms.addAll(edge.axioms()));
        String description = path.stream().map(Edge::description).distinct().collect(Collectors.joining("; "));
        return new Inference(conclusion, rule, description, List.copyOf(axioms), List.of());
    }

    private static String ruleOf(String kind, String transitiveRule) {
        return switch (kind) {
            case "int" -> "scm-int";
            case "uni" -> "scm-uni";
            default -> transitiveRule;
        };
    }

    private static List<Edge> path(Map<Node, Edge> parent, Node target) {
        List<Edge> path = new ArrayList<>();
        for (Edge edge = parent.get(target); edge != null; edge = parent.get(edge.from())) {
            path.add(0, edge);
        }
        return path;
    }

    private boolean named(Node node) {
        return node.isURI() && !node.equals(Vocab.THING) && !node.equals(Vocab.NOTHING);
    }

    private static void add(Map<Node, List<Edge>> edges, Edge edge) {
        if (!edge.from().equals(edge.to()) && !edge.from().isLiteral() && !edge.to().isLiteral()) {
            edges.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
        }
    }

    private List<Triple> sorted(Node predicate) {
        return ontology.find(Node.ANY, predicate, Node.ANY).toList().stream()
                .sorted(Comparator.comparing((Triple t) -> expressions.sortKey(t.getSubject()))
                        .thenComparing(t -> expressions.sortKey(t.getObject())))
                .collect(Collectors.toList());
    }

    private String render(Triple t, String operator) {
        if (operator.equals(" ≡ ")) {
            return expressions.render(t.getSubject()) + operator + expressions.render(t.getObject());
        }
        return expressions.operand(t.getSubject()) + operator + expressions.operand(t.getObject());
    }

    private static String local(Node node) {
        return ClassExpressions.localName(node);
    }
}
