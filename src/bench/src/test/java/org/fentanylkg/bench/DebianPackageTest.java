package org.fentanylkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the benchmark does about a tool it runs: nothing when it is there; when it is not and cannot install it, says the command. */
class DebianPackageTest {
    private static final Path SH = Path.of("/bin/sh");
    private static final Path ABSENT = Path.of("/nonexistent/fkg-bench-tool");

    @Test
    void aPackageWhoseExecutablesAreThereIsLeftAlone() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DebianPackage p = new DebianPackage("dash", List.of(SH));
        assertTrue(p.installed());
        assertEquals(Optional.empty(), p.ensureInstalled(new PrintStream(log, true, StandardCharsets.UTF_8), "test"));
        assertEquals("", log.toString(StandardCharsets.UTF_8), "nothing installed, nothing said");
    }

    @Test
    void everyExecutableMustBeThere() {
        assertFalse(new DebianPackage("virtuoso-opensource-7-bin", List.of(SH, ABSENT)).installed());
        assertThrows(IllegalArgumentException.class, () -> new DebianPackage("wrk", List.of()));
    }

    @Test
    void withoutRootItSaysTheCommandToRun() {
        String user = System.getProperty("user.name");
        System.setProperty("user.name", "fkg-bench-not-root");
        try {
            Optional<String> why = new DebianPackage("fkg-bench-tool", List.of(ABSENT)).ensureInstalled(System.out, "test");
            // No apt-get at all is the other answer, on a machine that is not Debian's.
            String expected = java.nio.file.Files.isExecutable(Path.of("/usr/bin/apt-get"))
                    ? "not installed; as root: apt-get install -y --no-install-recommends fkg-bench-tool"
                    : "not installed, and no apt-get to install it (apt-get install -y --no-install-recommends fkg-bench-tool)";
            assertEquals(Optional.of(expected), why);
        } finally {
            System.setProperty("user.name", user);
        }
    }
}
