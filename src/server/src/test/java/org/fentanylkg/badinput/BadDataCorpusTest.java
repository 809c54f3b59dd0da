package org.fentanylkg.badinput;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.SourceFixture;
import org.fentanylkg.http.main.KnowledgeGraphServer;
import org.fentanylkg.http.main.ServerConfig;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of data files: each row of {@code src/server/src/test/resources/badinput/data-cases.tsv} adds one
 * broken fact file to a copy of the sources; the build must refuse it, reporting the problem with file and line,
 * and return no graph at all. The server, given such sources, refuses to start with the same report.
 */
class BadDataCorpusTest {
    static final String CASES = "/badinput/data-cases.tsv";

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = BadDataCorpusTest.class.getResourceAsStream(CASES)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                rows.add(Arguments.of(f[0], f[1]));
            }
        }
        return rows.stream();
    }

    static Path withFixture(Path dir, String fixture) throws IOException {
        Path root = SourceFixture.copyRepository(dir);
        try (InputStream in = BadDataCorpusTest.class.getResourceAsStream("/badinput/data/" + fixture)) {
            Files.write(root.resolve("data/facts").resolve(fixture), in.readAllBytes());
        }
        return root;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadDataFileIsRefusedWithFileAndLine(String fixture, String expected, @TempDir Path dir) throws Exception {
        Path root = withFixture(dir, fixture);
        LoadException e = assertThrows(LoadException.class, () -> KnowledgeGraphBuilder.build(root), "the build must refuse " + fixture);
        String report = e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
        assertTrue(report.contains(expected), "expected «" + expected + "» in\n" + report);
    }

    @Test
    void theServerRefusesToStartOnABadFileAndSaysWhere(@TempDir Path dir) throws Exception {
        Path root = withFixture(dir, "no-evidence.trig");
        Files.copy(Path.of(ServerConfig.FILE_NAME), root.resolve(ServerConfig.FILE_NAME));
        Files.createDirectories(root.resolve("queries"));
        try (var s = Files.list(Path.of("queries"))) {
            for (Path q : s.toList()) Files.copy(q, root.resolve("queries").resolve(q.getFileName().toString()));
        }
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> KnowledgeGraphServer.create().config(root.resolve(ServerConfig.FILE_NAME)).port(0).start());
        Throwable t = e;
        while (t != null && !(t instanceof KnowledgeGraphAssembler.SourcesRejected)) t = t.getCause();
        assertTrue(t != null, "expected the load problems, got " + e);
        assertTrue(t.getMessage().contains("no-evidence.trig:10: fact <https://w3id.org/fentanyl-kg/fact/test-fixture-a>: fact has no evidence"), t.getMessage());
    }
}
