package org.fentanylkg.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Reads OWL class and property expressions (possibly nested, usually blank nodes) from the ontology graph:
 * RDF list members, the triples that define an expression, and a readable Manchester-like rendering.
 */
final class ClassExpressions {
    private static final List<Node> EXPRESSION_PREDICATES = List.of(
            Vocab.INTERSECTION_OF, Vocab.UNION_OF, Vocab.COMPLEMENT_OF, Vocab.ON_PROPERTY,
            Vocab.HAS_VALUE, Vocab.SOME_VALUES_FROM, Vocab.ALL_VALUES_FROM);
    /** Axioms about an expression are licences of their own, not part of the expression's definition. */
    private static final List<Node> AXIOM_PREDICATES = List.of(
            Vocab.SUB_CLASS_OF, Vocab.EQUIVALENT_CLASS, Vocab.DISJOINT_WITH, Vocab.SUB_PROPERTY_OF,
            Vocab.EQUIVALENT_PROPERTY, Vocab.DOMAIN, Vocab.RANGE, Vocab.PROPERTY_CHAIN_AXIOM,
            Vocab.PROPERTY_DISJOINT_WITH);
    private static final int MAX_DEPTH = 16;

    private final Graph ontology;
    private final Map<Node, String> sortKeys = new HashMap<>();

    ClassExpressions(Graph ontology) {
        this.ontology = ontology;
    }

    /** The single object of (s, p, ?), or null; with several (malformed input), the least IRI or literal. */
    Node object(Node s, Node p) {
        return ontology.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .min(Comparator.comparing((Node n) -> n.isBlank() ? "~" : n.toString())).orElse(null);
    }

    /** Members of the RDF list starting at {@code head}; stops at rdf:nil, a malformed cell or a cycle. */
    List<Node> members(Node head) {
        List<Node> members = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        for (Node cell = head; cell != null && !cell.equals(Vocab.NIL) && seen.add(cell); cell = object(cell, Vocab.REST)) {
            Node first = object(cell, Vocab.FIRST);
            if (first == null) {
                break;
            }
            members.add(first);
        }
        return members;
    }

    /**
     * The ontology triples that make up expression {@code node}: everything said about a blank node
     * (recursively through nested blank nodes and list cells); for an IRI only its expression triples.
     */
    List<Triple> definition(Node node) {
        List<Triple> triples = new ArrayList<>();
        collect(node, triples, new HashSet<>());
        return triples;
    }

    private void collect(Node node, List<Triple> out, Set<Node> seen) {
        if (!seen.add(node) || node.isLiteral()) {
            return;
        }
        List<Triple> own = ontology.find(node, Node.ANY, Node.ANY).toList().stream()
                .filter(t -> node.isBlank()
                        ? !AXIOM_PREDICATES.contains(t.getPredicate())
                        : EXPRESSION_PREDICATES.contains(t.getPredicate()))
                .sorted(Comparator.comparing((Triple t) -> t.getPredicate().getURI())
                        .thenComparing(t -> sortKey(t.getObject())))
                .collect(Collectors.toList());
        out.addAll(own);
        for (Triple t : own) {
            if (t.getObject().isBlank()) {
                collect(t.getObject(), out, seen);
            }
        }
    }

    /** Readable form of a class or property expression, e.g. "designatedAs value fto-designation-type". */
    String render(Node node) {
        return render(node, 0);
    }

    private String render(Node node, int depth) {
        if (node == null) {
            return "?";
        }
        if (node.isLiteral()) {
            return "\"" + node.getLiteralLexicalForm() + "\"";
        }
        return node.isURI() ? localName(node) : structure(node, depth);
    }

    /** Rendering as one side of ⊑: intersections and unions in parentheses, so "(A ⊔ B) ⊑ C" reads clearly. */
    String operand(Node node) {
        String rendered = render(node);
        boolean compound = node.isBlank()
                && (object(node, Vocab.INTERSECTION_OF) != null || object(node, Vocab.UNION_OF) != null);
        return compound ? "(" + rendered + ")" : rendered;
    }

    /**
     * Describes the expression an axiom is about: for an IRI that is itself defined by an expression
     * ({@code :C owl:intersectionOf (...)}) "C ≡ structure", otherwise its rendering.
     */
    String describe(Node node) {
        if (node.isURI()) {
            String structure = structure(node, 0);
            return structure.equals("[anonymous]") ? localName(node) : localName(node) + " ≡ " + structure;
        }
        return render(node);
    }

    private String structure(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return "…";
        }
        Node list;
        if ((list = object(node, Vocab.INTERSECTION_OF)) != null) {
            return join(members(list), " ⊓ ", depth);
        }
        if ((list = object(node, Vocab.UNION_OF)) != null) {
            return join(members(list), " ⊔ ", depth);
        }
        Node other;
        if ((other = object(node, Vocab.COMPLEMENT_OF)) != null) {
            return "¬" + nested(other, depth);
        }
        if (node.isBlank() && (other = object(node, Vocab.INVERSE_OF)) != null) {
            return "inverse " + nested(other, depth);
        }
        Node property = object(node, Vocab.ON_PROPERTY);
        if (property != null) {
            String p = nested(property, depth);
            if ((other = object(node, Vocab.HAS_VALUE)) != null) {
                return p + " value " + render(other, depth + 1);
            }
            if ((other = object(node, Vocab.SOME_VALUES_FROM)) != null) {
                return p + " some " + nested(other, depth);
            }
            if ((other = object(node, Vocab.ALL_VALUES_FROM)) != null) {
                return p + " only " + nested(other, depth);
            }
            return p + " [restriction]";
        }
        return "[anonymous]";
    }

    private String nested(Node node, int depth) {
        String rendered = render(node, depth + 1);
        return node.isBlank() && rendered.contains(" ") ? "(" + rendered + ")" : rendered;
    }

    private String join(List<Node> parts, String separator, int depth) {
        return parts.stream().map(part -> nested(part, depth)).collect(Collectors.joining(separator));
    }

    /** A key for stable ordering that does not depend on blank node labels. */
    String sortKey(Node node) {
        if (node.isURI()) {
            return node.getURI();
        }
        return node.isLiteral() ? node.toString() : sortKeys.computeIfAbsent(node, n -> "~" + render(n));
    }

    /** The part of an IRI after the last '#' or '/', for readable descriptions. */
    static String localName(Node node) {
        if (!node.isURI()) {
            return node.isLiteral() ? "\"" + node.getLiteralLexicalForm() + "\"" : "[anonymous]";
        }
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }
}
