package org.fentanylkg.rdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.fentanylkg.vocab.FKG;

/**
 * Reads a TriG fact file (see docs/authoring-facts.md) into {@link FactGraph}s, keeping the line of every
 * quad ({@link LocatingParser}) so that each problem can be reported as file:line.
 */
public final class FactFileParser {

    /** The predicates allowed in a fact file's default graph: evidence about its own fact graphs. */
    public static final Set<Node> EVIDENCE_PREDICATES = Set.of(FKG.quote, FKG.dctSource, FKG.skosEditorialNote);
    /** The claim layer, also about the file's own fact graphs: attribution, epistemic status, temporal scope. */
    public static final Set<Node> CLAIM_PREDICATES = Set.of(FKG.provWasAttributedTo, FKG.statedIn, FKG.epistemicStatus,
            FKG.startTime, FKG.endTime, FKG.pointInTime, FKG.earliestTime, FKG.latestTime, FKG.timeApproximate);

    private FactFileParser() {}

    private record LocatedQuad(Quad quad, long line) {}

    /** Parses one file; problems go to {@code problems}; returns what could be read (empty on a syntax error). */
    public static List<FactGraph> parse(Path file, ProblemCollector problems) {
        List<LocatedQuad> quads = new ArrayList<>();
        try {
            String text = readUtf8(file, problems);
            if (text == null) return List.of();
            var errorHandler = problems.errorHandlerFor(file);
            LocatingParser.parse(text, Lang.TRIG, file.toUri().toString(), errorHandler, StreamRDFLib.sinkNull(),
                    new LocatingParser.Positions() {
                        @Override public void quad(Quad q, long line) { quads.add(new LocatedQuad(q, line)); }
                    });
        } catch (RiotException e) {
            return List.of(); // already recorded by the error handler, with its line
        } catch (IOException e) {
            problems.add(Problem.at(file, 0, "cannot read: " + e.getMessage()));
            return List.of();
        }
        return group(file, quads, problems);
    }

    /**
     * The file's text, or null (with a problem at the offending line) when it is not valid UTF-8: a decoder that
     * silently substitutes U+FFFD would let a mangled name into the graph.
     */
    private static String readUtf8(Path file, ProblemCollector problems) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                    } catch (CharacterCodingException bad) {
                        break;
                    }
                    line++;
                    start = i + 1;
                }
            }
            problems.add(Problem.at(file, line, "not valid UTF-8 (fact files must be UTF-8 encoded)"));
            return null;
        }
    }

    private static List<FactGraph> group(Path file, List<LocatedQuad> quads, ProblemCollector problems) {
        Map<Node, List<LocatedQuad>> byGraph = new LinkedHashMap<>();
        List<LocatedQuad> defaultGraph = new ArrayList<>();
        for (LocatedQuad lq : quads) {
            if (lq.quad().isDefaultGraph()) defaultGraph.add(lq);
            else byGraph.computeIfAbsent(lq.quad().getGraph(), g -> new ArrayList<>()).add(lq);
        }
        Map<Node, List<FactGraph.LocatedTriple>> evidence = new LinkedHashMap<>();
        for (LocatedQuad lq : defaultGraph) {
            Triple t = lq.quad().asTriple();
            if (!byGraph.containsKey(t.getSubject())) {
                problems.add(Problem.at(file, lq.line(), "the default graph may only hold evidence about this file's"
                        + " fact graphs, but " + str(t.getSubject()) + " is not a fact graph of this file"));
            } else if (!EVIDENCE_PREDICATES.contains(t.getPredicate()) && !CLAIM_PREDICATES.contains(t.getPredicate())) {
                problems.add(new Problem(file, lq.line(), t.getSubject().getURI(), "evidence must use fkg:quote,"
                        + " dcterms:source or skos:editorialNote, and a claim prov:wasAttributedTo, fkg:statedIn,"
                        + " fkg:epistemicStatus or a time (fkg:startTime, fkg:endTime, fkg:pointInTime, fkg:earliestTime,"
                        + " fkg:latestTime, fkg:timeApproximate), not " + str(t.getPredicate())));
            } else {
                evidence.computeIfAbsent(t.getSubject(), s -> new ArrayList<>()).add(new FactGraph.LocatedTriple(t, lq.line()));
            }
        }
        List<FactGraph> facts = new ArrayList<>();
        byGraph.forEach((name, located) -> {
            if (!name.isURI()) {
                problems.add(Problem.at(file, located.get(0).line(), "a fact graph needs an IRI, not a blank node"));
                return;
            }
            long firstLine = located.stream().mapToLong(LocatedQuad::line).min().orElse(0);
            List<Triple> triples = located.stream().map(lq -> lq.quad().asTriple()).toList();
            facts.add(new FactGraph(name, file, firstLine, triples, evidence.getOrDefault(name, List.of())));
        });
        return facts;
    }

    private static String str(Node n) { return n.isURI() ? "<" + n.getURI() + ">" : n.toString(); }
}
