package org.fentanylkg.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fentanylkg.http.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the analyst notebook headless (Debian's /usr/bin/python3 with nbclient and the python3 kernel) against a
 * server started for the test; fails if any cell fails. The executed notebook and its figures (PNG) are kept
 * in {@code ${project.build.directory}/notebook/}, the artifacts of the test run; the execution time is printed.
 */
class NotebookTest {
    private static final Path NOTEBOOK = Path.of("notebooks", "fentanyl-kg-analysis.ipynb");
    private static final Path RUNNER = Path.of("notebooks", "run_notebook.py");
    private static final String PYTHON = "/usr/bin/python3";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static ServerTestSupport server;

    @BeforeAll
    static void start() throws Exception { server = ServerTestSupport.start(); }

    @AfterAll
    static void stop() { if (server != null) server.close(); }

    /** target/ (or the -DbuildDir folder): the parent of the test classes. */
    private static Path buildDirectory() throws Exception {
        Path classes = Path.of(NotebookTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent();
    }

    @Test
    void notebookRunsHeadlessAgainstTheServer() throws Exception {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " not found: install Debian's python3, python3-nbclient, python3-ipykernel, python3-sparqlwrapper,"
                    + " python3-pandas and python3-matplotlib (.ci/run does)");
        }
        Path out = buildDirectory().resolve("notebook");
        Files.createDirectories(out);
        ProcessBuilder pb = new ProcessBuilder(PYTHON, RUNNER.toString(), NOTEBOOK.toString(), out.toString())
                .redirectErrorStream(true);
        pb.environment().put("FKG_ENDPOINT", server.base());
        Process p = pb.start();
        byte[] log;
        try (var in = p.getInputStream()) {
            log = in.readAllBytes();
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the notebook did not finish in 10 minutes");
        }
        String output = new String(log, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(l -> l.startsWith("notebook ") || l.startsWith("  figure")).reduce((a, b) -> a + "\n" + b).orElse(output));
        assertEquals(0, p.exitValue(), "a notebook cell failed:\n" + output);

        JsonObject executed = JsonParser.parseString(Files.readString(out.resolve(NOTEBOOK.getFileName()))).getAsJsonObject();
        List<String> streams = new ArrayList<>();
        for (JsonElement c : executed.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject item = o.getAsJsonObject();
                assertTrue(!item.get("output_type").getAsString().equals("error"), "cell failed: " + item);
                if (item.has("text")) {
                    StringBuilder sb = new StringBuilder();
                    item.getAsJsonArray("text").forEach(t -> sb.append(t.getAsString()));
                    streams.add(sb.toString());
                }
            }
        }
        String text = String.join("", streams);
        // what the notebook printed comes from the server: the catalogue and the explanation of 4-piperidone
        assertTrue(text.contains("server: " + server.base()), text);
        assertTrue(text.contains("by prp-trp: precursorOf is transitive"), text);
        assertTrue(text.contains("report: \"UN member states scheduled three additional fentanyl precursors in 2022\" (sentence p5-s2)"), text);

        for (String figure : List.of("figure-timeline.png", "figure-precursor-chain.png", "figure-table-i.png")) {
            Path f = out.resolve(figure);
            assertTrue(Files.isRegularFile(f), figure + " was not saved");
            byte[] head = readHead(f);
            assertEquals(new String(PNG, StandardCharsets.ISO_8859_1), new String(head, StandardCharsets.ISO_8859_1), figure + " is not a PNG");
        }
    }

    private static byte[] readHead(Path f) throws IOException {
        try (var in = Files.newInputStream(f)) {
            return in.readNBytes(4);
        }
    }
}
