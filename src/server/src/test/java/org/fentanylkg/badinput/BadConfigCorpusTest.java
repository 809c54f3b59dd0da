package org.fentanylkg.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.vocab.FKGC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of service configurations: each row of {@code src/test/resources/badinput/config-cases.tsv}
 * changes one line of the repository's {@code fuseki-config.ttl}; reading it must fail, naming file, line and
 * term ({@code cli.ServeConfigurationTest}: {@code serve} then exits with code 2, before it builds anything).
 */
class BadConfigCorpusTest {
    static final String CASES = "/badinput/config-cases.tsv";

    record Case(String id, String line, String replacement, String fragment) {
        @Override public String toString() { return id; }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = BadConfigCorpusTest.class.getResourceAsStream(CASES)) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) continue;
                String[] f = row.split("\t", -1);
                if (f.length != 4) throw new IllegalArgumentException(CASES + ": 4 tab-separated fields expected: " + row);
                rows.add(Arguments.of(f[0], new Case(f[0], f[1], f[2], f[3])));
            }
        }
        return rows.stream();
    }

    /** Writes the repository's configuration with the first line containing {@code c.line()} replaced; returns that line's number. */
    static int write(Case c, Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(ServerConfig.FILE_NAME), StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(c.line())) {
                lines.set(i, c.replacement());
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalStateException(c.id() + ": fuseki-config.ttl has no line containing «" + c.line() + "»");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadConfigurationIsRefusedWithFileLineAndTerm(String id, Case c, @TempDir Path dir) throws Exception {
        Path file = dir.resolve(ServerConfig.FILE_NAME);
        int line = write(c, file);
        var e = assertThrows(IllegalArgumentException.class, () -> ServerConfig.read(file), id);
        String expected = c.fragment().replace("{line}", String.valueOf(line));
        assertTrue(e.getMessage().contains(expected), "expected «" + expected + "» in\n" + e.getMessage());
    }

    @Test
    void theRepositoryConfigurationIsClean() throws Exception {
        Model m = ServerConfig.read(Path.of(ServerConfig.FILE_NAME));
        Resource ds = m.listResourcesWithProperty(RDF.type, FKGC.KnowledgeGraph).next();
        assertTrue(ds.getProperty(FKGC.sources).getObject().isURIResource(), "the relative sources are pinned to the file's folder");
        assertEquals(10000, m.listObjectsOfProperty(FKGC.resultCap).next().asLiteral().getLong());
    }

    @Test
    void everyTermOfTheVocabularyIsKnownAndEveryOtherIsNot(@TempDir Path dir) throws Exception {
        StringBuilder ttl = new StringBuilder("PREFIX fkgc: <" + FKGC.NS + ">\n");
        for (Resource r : FKGC.terms()) ttl.append("[] <http://example.org/term> ").append(FKGC.shortForm(r)).append(" .\n");
        Path ok = dir.resolve("ok.ttl");
        Files.writeString(ok, ttl);
        assertEquals(FKGC.terms().size(), ServerConfig.read(ok).size());
        Path bad = dir.resolve("bad.ttl");
        Files.writeString(bad, ttl + "[] <http://example.org/term> fkgc:knowledgeGraph .\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ServerConfig.read(bad));
        assertTrue(e.getMessage().contains("bad.ttl:" + (FKGC.terms().size() + 2) + ": unknown configuration term fkgc:knowledgeGraph"
                + " (did you mean fkgc:KnowledgeGraph?)"), e.getMessage());
    }
}
