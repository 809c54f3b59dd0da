package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.vocab.FKG;

/**
 * Finds the known entities in a text by their names: every rdfs:label and skos:altLabel of a resource of
 * {@code id/}, matched at word boundaries, longest first, never overlapping. A name with a capital letter
 * ("CJNG", "Mexico") matches as written; a lower-case name ("fentanyl") also matches capitalised at the start
 * of a sentence. A name two resources share is ambiguous and left unlinked.
 */
final class Mentions {
    /** One name found in a text: [begin, end) and the resource it names. */
    record Mention(int begin, int end, Node resource) {}

    private record Name(String text, Node resource, boolean lowerCase) {}

    private final Map<Character, List<Name>> byFirstChar;

    private Mentions(Map<Character, List<Name>> byFirstChar) { this.byFirstChar = byFirstChar; }

    /** The names of the resources of {@code graph} (call inside a read transaction). */
    static Mentions of(Graph graph) {
        Map<String, Set<Node>> owners = new HashMap<>();
        Node alt = NodeFactory.createURI(FKG.SKOS + "altLabel");
        for (Node p : List.of(RDFS.Nodes.label, alt)) {
            var it = graph.find(Node.ANY, p, Node.ANY);
            while (it.hasNext()) {
                Triple t = it.next();
                if (!t.getSubject().isURI() || !t.getSubject().getURI().startsWith(FKG.RESOURCE) || !t.getObject().isLiteral()) continue;
                String name = t.getObject().getLiteralLexicalForm().strip();
                if (!usable(name)) continue;
                owners.computeIfAbsent(name, k -> new HashSet<>()).add(t.getSubject());
            }
        }
        Map<Character, List<Name>> index = new HashMap<>();
        owners.forEach((text, nodes) -> {
            if (nodes.size() != 1) return; // ambiguous
            Node resource = nodes.iterator().next();
            boolean lower = text.equals(text.toLowerCase());
            Name n = new Name(text, resource, lower);
            index.computeIfAbsent(text.charAt(0), k -> new ArrayList<>()).add(n);
            if (lower) index.computeIfAbsent(Character.toUpperCase(text.charAt(0)), k -> new ArrayList<>()).add(n);
        });
        Comparator<Name> longestFirst = Comparator.comparingInt((Name n) -> -n.text().length()).thenComparing(Name::text);
        index.values().forEach(l -> l.sort(longestFirst));
        return new Mentions(index);
    }

    /** At least two characters, one of them a letter, and no line breaks. */
    private static boolean usable(String name) {
        return name.length() >= 2 && name.chars().anyMatch(Character::isLetter) && name.indexOf('\n') < 0;
    }

    /** The mentions in {@code text}, in order. */
    List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            List<Name> candidates = byFirstChar.get(text.charAt(i));
            Name found = null;
            if (candidates != null) {
                for (Name n : candidates) {
                    if (matchesAt(text, i, n) && boundaryAfter(text, i + n.text().length())) {
                        found = n;
                        break;
                    }
                }
            }
            if (found != null) {
                out.add(new Mention(i, i + found.text().length(), found.resource()));
                i += found.text().length();
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean matchesAt(String text, int i, Name n) {
        String name = n.text();
        if (i + name.length() > text.length()) return false;
        if (text.startsWith(name, i)) return true;
        // a lower-case name, capitalised (at the start of a sentence)
        return n.lowerCase() && Character.toUpperCase(name.charAt(0)) == text.charAt(i) && text.startsWith(name.substring(1), i + 1);
    }

    private static boolean boundaryAfter(String text, int end) {
        return end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }
}
