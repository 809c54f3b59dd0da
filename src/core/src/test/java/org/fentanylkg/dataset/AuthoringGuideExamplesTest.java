package org.fentanylkg.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.fentanylkg.source.Sources;
import org.junit.jupiter.api.Test;

/**
 * The claim examples of docs/authoring-facts.md validate as written: each TriG block of its "Claims" section parses
 * on its own, and each fact graph in it is, triple for triple, the fact of that name in data/facts with the same
 * evidence and claim layer, so the page cannot drift from what the loader accepts.
 */
class AuthoringGuideExamplesTest {

    @Test
    void theClaimExamplesAreFactsOfTheRepositoryAsWritten() throws Exception {
        String guide = Files.readString(Path.of("docs/authoring-facts.md"));
        int start = guide.indexOf("## Claims");
        assertTrue(start >= 0, "no Claims section");
        int end = guide.indexOf("\n## ", start + 1);
        Matcher m = Pattern.compile("```trig\n(.*?)```", Pattern.DOTALL).matcher(guide.substring(start, end < 0 ? guide.length() : end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) blocks.add(m.group(1));
        assertFalse(blocks.isEmpty(), "no TriG example in the Claims section");

        DatasetGraph data = DatasetGraphFactory.create();
        for (Path f : Sources.at(Path.of(".")).factFiles()) RDFParser.source(f).lang(Lang.TRIG).parse(data);

        for (String block : blocks) {
            DatasetGraph example = DatasetGraphFactory.create();
            RDFParser.fromString(block, Lang.TRIG).parse(example);
            List<Node> names = new ArrayList<>();
            example.listGraphNodes().forEachRemaining(names::add);
            assertFalse(names.isEmpty(), "an example without a fact graph:\n" + block);
            for (Node name : names) {
                assertTrue(data.containsGraph(name), name + " is not a fact of data/facts");
                assertTrue(IsoMatcher.isomorphic(example.getGraph(name), data.getGraph(name)),
                        name + ": the example's triples differ from the data's");
                assertEquals(statementsAbout(example, name), statementsAbout(data, name),
                        name + ": the example's evidence and claim layer differ from the data's");
            }
        }
    }

    private static Set<Triple> statementsAbout(DatasetGraph dsg, Node fact) {
        return dsg.getDefaultGraph().find(fact, Node.ANY, Node.ANY).toSet().stream().collect(Collectors.toSet());
    }
}
