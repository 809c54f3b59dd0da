package org.fentanylkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts the benchmarks' child JVMs, with this JVM's java and class path, and ends them (never leaves one running). */
final class ChildJvm {
    private ChildJvm() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() { return System.getProperty("java.class.path"); }

    /** The command line {@code java [jvmArgs] -cp CP mainClass args}. */
    static List<String> command(List<String> jvmArgs, String mainClass, String... args) {
        return command(classPath(), jvmArgs, mainClass, args);
    }

    /** The same with another class path. */
    static List<String> command(String classPath, List<String> jvmArgs, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** What a bounded run printed; {@code finished} is false when it was killed at the bound. */
    record Outcome(boolean finished, String output) {}

    static Outcome run(List<String> command, Duration bound) throws IOException, InterruptedException {
        return run(command, bound, false);
    }

    /** As {@link #run(List, Duration)}; with {@code failureIsOutcome}, a failed child is an unfinished outcome, not an error. */
    static Outcome run(List<String> command, Duration bound, boolean failureIsOutcome) throws IOException, InterruptedException {
        Path out = Files.createTempFile("fkg-bench-", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                return new Outcome(false, Files.readString(out));
            }
            String text = Files.readString(out);
            if (p.exitValue() != 0 && failureIsOutcome) return new Outcome(false, text);
            if (p.exitValue() != 0) throw new IOException("child JVM failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n" + tail(text));
            return new Outcome(true, text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }

    /** The key=value pairs of every line a probe printed starting with {@code tag} (later lines win). */
    static java.util.Map<String, String> values(String output, String tag) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (!line.startsWith(tag + " ")) continue;
            for (String kv : line.substring(tag.length() + 1).trim().split(" ")) {
                int i = kv.indexOf('=');
                if (i > 0) m.put(kv.substring(0, i), kv.substring(i + 1));
            }
        }
        return m;
    }

    /** The RESULT line of a probe as key=value pairs. */
    static java.util.Map<String, String> result(String output) throws IOException {
        java.util.Map<String, String> m = values(output, "RESULT");
        if (m.isEmpty()) throw new IOException("no RESULT line in:\n" + tail(output));
        return m;
    }

}
