package org.fentanylkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a user would, from a folder with no sources, so it must use the data packaged inside
 * it. Proves the fat jar kept Jena's service files (Turtle and TriG parse) and the embedded default data.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of(System.getProperty("fkg.jar", "target/fentanyl-kg.jar")).toAbsolutePath();

    private record Run(int exit, String out, String err) {}

    private static Run run(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = cwd.resolve("out.txt");
        Path err = cwd.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void validatesTheEmbeddedData(@TempDir Path cwd) throws Exception {
        Run r = run(cwd, "validate");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("OK: "), r.out());
    }

    @Test
    void queriesTheEmbeddedDataAsCsv(@TempDir Path cwd) throws Exception {
        Run r = run(cwd, "query", "--format", "csv",
                "PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#> SELECT ?c WHERE { ?c fkg:precursorOf"
                        + " <https://w3id.org/fentanyl-kg/id/fentanyl> } ORDER BY ?c");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("c\r\n"), r.out());
        assertTrue(r.out().contains("https://w3id.org/fentanyl-kg/id/4-piperidone"), r.out());
    }

    @Test
    void aBadQueryIsAClearErrorNotAStackTrace(@TempDir Path cwd) throws Exception {
        Run r = run(cwd, "query", "SELECT * WHERE { ?s ?p }");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("line 1, column"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void validateListsEveryProblemWithFileAndLine(@TempDir Path cwd) throws Exception {
        Path root = org.fentanylkg.dataset.SourceFixture.copyRepository(cwd.resolve("repo"));
        org.fentanylkg.dataset.SourceFixture.addFactFile(root, "bad.trig", """
                fact:a { fkr:fentanyl fkg:firstSynthesized "1959"^^xsd:gYear . }
                fact:a fkg:quote "first synthesized in 1958" .
                fact:b { fkr:fentanyl fkg:firstSynthesized "1959"^^xsd:gYear . }
                """);
        Run r = run(cwd, "validate", "--sources", root.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("bad.trig:10: fact <https://w3id.org/fentanyl-kg/fact/a>: quote not found"), r.err());
        assertTrue(r.err().contains("bad.trig:11: fact <https://w3id.org/fentanyl-kg/fact/b>: fact has no evidence"), r.err());
        assertTrue(r.err().contains("2 problem(s); nothing was loaded."), r.err());
    }

    /** Run inside a checkout with broken fact files, validate checks the checkout, not the copy packaged in the jar. */
    @Test
    void validateInsideACheckoutReadsTheCheckout(@TempDir Path cwd) throws Exception {
        Path root = org.fentanylkg.dataset.SourceFixture.copyRepository(cwd);
        for (String name : new String[] {"broken-1.trig", "broken-2.trig", "broken-3.trig"}) {
            org.fentanylkg.dataset.SourceFixture.addFactFile(root, name, "fact:" + name.replace(".trig", "")
                    + " { fkr:fentanyl fkg:firstSynthesized \"1959\"^^xsd:gYear . }\n");
        }
        Run r = run(root, "validate");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().startsWith("Sources: " + root.toUri()), r.err());
        for (int i = 1; i <= 3; i++) {
            assertTrue(r.err().contains("broken-" + i + ".trig:9: fact <https://w3id.org/fentanyl-kg/fact/broken-" + i
                    + ">: fact has no evidence"), r.err());
        }
        Run elsewhere = run(cwd.resolve("data"), "validate");
        assertEquals(0, elsewhere.exit(), elsewhere.err());
        assertTrue(elsewhere.err().startsWith("Sources: jar:"), elsewhere.err());
    }
}
