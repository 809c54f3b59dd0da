package org.fentanylkg.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.fentanylkg.vocab.Prefixes;

/**
 * Reads OWL class and property expressions (possibly nested, usually blank nodes) from the ontology graph:
 * RDF list members, the triples that define an expression, and a readable Manchester-like rendering. The one
 * list walker and expression renderer of the project: the rule descriptions and the ontology's documentation
 * page both use it. Jena's {@code GraphList} is not used because it does not stop on a cyclic list.
 */
public final class ClassExpressions {
    private static final List<Node> EXPRESSION_PREDICATES = List.of(
            Vocab.INTERSECTION_OF, Vocab.UNION_OF, Vocab.COMPLEMENT_OF, Vocab.ON_PROPERTY,
            Vocab.HAS_VALUE, Vocab.SOME_VALUES_FROM, Vocab.ALL_VALUES_FROM);
    /** Axioms about an expression are licences of their own, not part of the expression's definition. */
    private static final List<Node> AXIOM_PREDICATES = List.of(
            Vocab.SUB_CLASS_OF, Vocab.EQUIVALENT_CLASS, Vocab.DISJOINT_WITH, Vocab.SUB_PROPERTY_OF,
            Vocab.EQUIVALENT_PROPERTY, Vocab.DOMAIN, Vocab.RANGE, Vocab.PROPERTY_CHAIN_AXIOM,
            Vocab.PROPERTY_DISJOINT_WITH);
    private static final int MAX_DEPTH = 16;
    private static final String OWL = "http://www.w3.org/2002/07/owl#";
    private static final Node ONE_OF = NodeFactory.createURI(OWL + "oneOf");
    private static final Node ON_CLASS = NodeFactory.createURI(OWL + "onClass");
    private static final Map<Node, String> CARDINALITIES = new LinkedHashMap<>();
    static {
        for (String[] c : new String[][] {{"cardinality", "exactly"}, {"qualifiedCardinality", "exactly"}, {"minCardinality", "min"},
                {"minQualifiedCardinality", "min"}, {"maxCardinality", "max"}, {"maxQualifiedCardinality", "max"}}) {
            CARDINALITIES.put(NodeFactory.createURI(OWL + c[0]), c[1]);
        }
    }

    private final Graph ontology;
    private final Map<Node, String> sortKeys = new HashMap<>();

    public ClassExpressions(Graph ontology) {
        this.ontology = ontology;
    }

    /** The single object of (s, p, ?), or null; with several (malformed input), the least IRI or literal. */
    Node object(Node s, Node p) {
        return ontology.find(s, p, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .min(Comparator.comparing((Node n) -> n.isBlank() ? "~" : n.toString())).orElse(null);
    }

    /** Members of the RDF list starting at {@code head}; stops at rdf:nil, a malformed cell or a cycle. */
    public List<Node> members(Node head) {
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

    /** How the operators read: DL symbols in rule descriptions, Manchester words in the ontology's documentation. */
    public enum Notation {
        SYMBOLS(" ⊓ ", " ⊔ ", "¬"), WORDS(" and ", " or ", "not ");

        private final String and, or, not;

        Notation(String and, String or, String not) {
            this.and = and;
            this.or = or;
            this.not = not;
        }
    }

    /** One piece of a rendering: a term or literal ({@code node}, shown as the caller shows terms) or text between them. */
    public record Token(Node node, String text) {
        static Token of(Node node) { return new Token(node, null); }
        static Token text(String text) { return new Token(null, text); }
    }

    /**
     * A class or property expression in Manchester-like syntax, as tokens: named terms and literals for the caller
     * to show (by local name, by label, as a link), and the operators between them. Nested compound expressions
     * are in parentheses; the top level is not.
     */
    public List<Token> tokens(Node node, Notation notation) {
        List<Token> out = new ArrayList<>();
        render(node, 0, notation, out);
        return out;
    }

    /** Readable form of a class or property expression, e.g. "designatedAs value fto-designation-type". */
    String render(Node node) {
        return text(tokens(node, Notation.SYMBOLS));
    }

    /** Terms by their local names, literals quoted: the form of rule descriptions. */
    private static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            if (t.node() == null) sb.append(t.text());
            else if (t.node().isLiteral()) sb.append('"').append(t.node().getLiteralLexicalForm()).append('"');
            else sb.append(localName(t.node()));
        }
        return sb.toString();
    }

    private void render(Node node, int depth, Notation n, List<Token> out) {
        if (node == null) out.add(Token.text("?"));
        else if (node.isBlank()) structure(node, depth, n, out);
        else out.add(Token.of(node));
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
            List<Token> structure = new ArrayList<>();
            return structure(node, 0, Notation.SYMBOLS, structure) ? localName(node) + " ≡ " + text(structure) : localName(node);
        }
        return render(node);
    }

    /** Appends the structure of {@code node}; false (and "[anonymous]") when it is no expression. */
    private boolean structure(Node node, int depth, Notation n, List<Token> out) {
        if (depth > MAX_DEPTH) {
            out.add(Token.text("…"));
            return true;
        }
        Node list;
        if ((list = object(node, Vocab.INTERSECTION_OF)) != null) {
            join(members(list), n.and, depth, n, out);
            return true;
        }
        if ((list = object(node, Vocab.UNION_OF)) != null) {
            join(members(list), n.or, depth, n, out);
            return true;
        }
        if ((list = object(node, ONE_OF)) != null) {
            out.add(Token.text("{"));
            join(members(list), ", ", depth, n, out);
            out.add(Token.text("}"));
            return true;
        }
        Node other;
        if ((other = object(node, Vocab.COMPLEMENT_OF)) != null) {
            out.add(Token.text(n.not));
            nested(other, depth, n, out);
            return true;
        }
        if (node.isBlank() && (other = object(node, Vocab.INVERSE_OF)) != null) {
            out.add(Token.text("inverse "));
            nested(other, depth, n, out);
            return true;
        }
        Node property = object(node, Vocab.ON_PROPERTY);
        if (property != null) {
            nested(property, depth, n, out);
            if ((other = object(node, Vocab.HAS_VALUE)) != null) {
                out.add(Token.text(" value "));
                render(other, depth + 1, n, out);
            } else if ((other = object(node, Vocab.SOME_VALUES_FROM)) != null) {
                out.add(Token.text(" some "));
                nested(other, depth, n, out);
            } else if ((other = object(node, Vocab.ALL_VALUES_FROM)) != null) {
                out.add(Token.text(" only "));
                nested(other, depth, n, out);
            } else if (!cardinality(node, depth, n, out)) {
                out.add(Token.text(" [restriction]"));
            }
            return true;
        }
        out.add(Token.text("[anonymous]"));
        return false;
    }

    /** "p min 1", "p exactly 2 C": the first cardinality restriction found. */
    private boolean cardinality(Node node, int depth, Notation n, List<Token> out) {
        for (var e : CARDINALITIES.entrySet()) {
            Node c = object(node, e.getKey());
            if (c == null) continue;
            out.add(Token.text(" " + e.getValue() + " " + (c.isLiteral() ? c.getLiteralLexicalForm() : "?")));
            Node qualifier = object(node, ON_CLASS);
            if (qualifier != null) {
                out.add(Token.text(" "));
                nested(qualifier, depth, n, out);
            }
            return true;
        }
        return false;
    }

    /** A part of an expression: in parentheses when it is itself compound. */
    private void nested(Node node, int depth, Notation n, List<Token> out) {
        List<Token> part = new ArrayList<>();
        render(node, depth + 1, n, part);
        boolean compound = node.isBlank() && part.stream().anyMatch(t -> t.node() == null && t.text().contains(" "));
        if (compound) out.add(Token.text("("));
        out.addAll(part);
        if (compound) out.add(Token.text(")"));
    }

    private void join(List<Node> parts, String separator, int depth, Notation n, List<Token> out) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) out.add(Token.text(separator));
            nested(parts.get(i), depth, n, out);
        }
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
        return Prefixes.localName(node.getURI());
    }
}
