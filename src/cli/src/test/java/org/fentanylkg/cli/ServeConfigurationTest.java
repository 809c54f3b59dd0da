package org.fentanylkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on a bad configuration or a bad {@code --public-base}: exit code 2 and one message naming file and
 * line, or the option; no stack trace, nothing built (the corpus of bad configurations is
 * {@code badinput.BadConfigCorpusTest} in the server module).
 */
class ServeConfigurationTest {
    /** A Java stack frame or a "Caused by" line. */
    private static final Pattern STACK_TRACE = Pattern.compile("(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|Caused by: |\\tat ");

    private static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void serveExitsWithCode2AndNamesTheTermAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fuseki-config.ttl");
        int line = misspell(file);
        CliRun r = run("serve", "--config", file.toString(), "--port", "0");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("fuseki-config.ttl:" + line + ": unknown configuration term fkgc:resultcap"), r.err());
        assertFalse(STACK_TRACE.matcher(r.err()).find(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void serveRefusesABadPublicBaseNamingTheOption() {
        for (String bad : List.of("ftp://kg.example.org/", "kg.example.org", "https://kg.example.org/?x=1", "https://kg example.org/")) {
            CliRun r = run("serve", "--public-base", bad, "--port", "0");
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertTrue(r.err().startsWith("error: --public-base: '" + bad + "'"), r.err());
            assertFalse(STACK_TRACE.matcher(r.err()).find(), r.err());
        }
    }

    /** The repository's configuration with fkgc:resultCap misspelt; returns the line. */
    private static int misspell(Path file) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("fuseki-config.ttl"), StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("fkgc:resultCap 10000 ;")) {
                lines.set(i, "    fkgc:resultcap 10000 ;");
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new IllegalStateException("fuseki-config.ttl sets no fkgc:resultCap 10000");
    }
}
