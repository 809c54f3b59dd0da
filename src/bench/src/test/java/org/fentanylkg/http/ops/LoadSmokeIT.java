package org.fentanylkg.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized load run: the packaged jar's {@code bench-load} for 5 s with 64 connections over the saved queries
 * and the resource pages. It asserts zero errors and a stable heap, never latency (the machine is shared).
 */
class LoadSmokeIT {
    @Test
    void fiveSecondsOfLoadWithoutErrorsOrHeapGrowth() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        try (JarProcess p = JarProcess.start(cwd, "bench-load", "--connections", "64", "--duration", "5s", "--warmup", "5s")) {
            int exit = p.waitFor(Duration.ofMinutes(5));
            String out = p.out();
            System.out.println(out);
            Matcher all = Pattern.compile("\\| all \\| [^|]+ \\| (\\d+) \\| (\\d+) \\|").matcher(out);
            assertTrue(all.find(), out + p.err());
            assertTrue(Long.parseLong(all.group(1)) > 0, "requests were made");
            assertEquals("0", all.group(2), "errors:\n" + out);
            assertTrue(out.contains("): stable."), "heap:\n" + out);
            assertEquals(0, exit, out);
        }
    }
}
