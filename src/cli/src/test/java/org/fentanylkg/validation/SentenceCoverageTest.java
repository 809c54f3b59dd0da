package org.fentanylkg.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.fentanylkg.cli.Main;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.source.ReportText;
import org.fentanylkg.source.Sources;
import org.fentanylkg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every sentence of the report is the evidence of at least one fact, and a sentence that is not is reported. */
class SentenceCoverageTest {

    private static SentenceCoverage coverage(KnowledgeGraph kg) {
        return SentenceCoverage.of(kg.dataset().getGraph(Graphs.REPORT), kg.dataset().getGraph(Graphs.PROVENANCE));
    }

    @Test
    void everySentenceOfTheReportIsTheEvidenceOfAFact() throws Exception {
        Sources sources = Sources.at(Path.of("."));
        int sentences = ReportText.read(sources.report()).sentences().size();
        SentenceCoverage c = coverage(KnowledgeGraphBuilder.build(sources));
        assertEquals(sentences, c.total());
        assertTrue(c.complete(), c + "; uncovered:\n" + c.uncovered().stream()
                .map(u -> "  <" + u.iri() + "> " + u.text()).collect(Collectors.joining("\n")));
    }

    @Test
    void aSentenceAddedToTheReportIsListedAsUncoveredAndValidateFails(@TempDir Path dir) throws Exception {
        Path root = SourceFixture.copyRepository(dir);
        Path report = Sources.at(root).report();
        List<String> paragraphs = Files.readAllLines(report, StandardCharsets.UTF_8);
        String added = "This sentence was added by a test and no fact rests on it.";
        paragraphs.set(paragraphs.size() - 1, paragraphs.get(paragraphs.size() - 1) + " " + added);
        Files.write(report, paragraphs, StandardCharsets.UTF_8);

        SentenceCoverage c = coverage(KnowledgeGraphBuilder.build(root));
        assertFalse(c.complete());
        SentenceCoverage.Uncovered last = c.uncovered().get(c.uncovered().size() - 1);
        assertEquals(added, last.text());
        assertTrue(last.iri().matches("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p" + paragraphs.size() + "-s\\d+"), last.iri());

        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(1, cl.execute("validate", "--sources", root.toString()));
        assertTrue(out.toString().contains("sentences covered: " + c.covered() + "/" + c.total() + "\n"), out.toString());
        assertTrue(out.toString().contains("  uncovered: <" + last.iri() + "> " + added + "\n"), out.toString());
    }

    @Test
    void aFactWithoutAStatusIsStated() throws Exception {
        KnowledgeGraph kg = KnowledgeGraphBuilder.build(Path.of("."));
        var provenance = kg.dataset().getGraph(Graphs.PROVENANCE);
        var fact = org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/fentanyl-kg/fact/fentanyl-first-synthesized");
        assertTrue(provenance.contains(fact, org.fentanylkg.vocab.FKG.epistemicStatus, org.fentanylkg.vocab.FKG.statusStated));
    }
}
