package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Debian package the benchmark runs, not the product: found by its executables, or installed with apt-get when the
 * benchmark runs as root, so that {@code bench} on a fresh machine needs no step of its own; else absent, and said why.
 *
 * @param name        the package
 * @param executables where it puts what the benchmark runs
 */
record DebianPackage(String name, List<Path> executables) {
    DebianPackage {
        if (executables.isEmpty()) throw new IllegalArgumentException(name + ": no executable to look for");
        executables = List.copyOf(executables);
    }

    /** The command that installs it. */
    String install() { return "apt-get install -y --no-install-recommends " + name; }

    boolean installed() { return executables.stream().allMatch(Files::isExecutable); }

    /** Installed if need be (said on {@code log}, for {@code user}); empty once it is, else why it is not. */
    Optional<String> ensureInstalled(PrintStream log, String user) {
        if (installed()) return Optional.empty();
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) return Optional.of("not installed, and no apt-get to install it (" + install() + ")");
        if (!"root".equals(System.getProperty("user.name"))) return Optional.of("not installed; as root: " + install());
        log.println(user + ": installing " + name + ": apt-get update && " + install());
        try {
            ProcessBuilder update = new ProcessBuilder("apt-get", "update", "-q").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            update.start().waitFor();
            ProcessBuilder install = new ProcessBuilder("sh", "-c", install()).redirectErrorStream(true);
            install.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = install.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !installed()) {
                return Optional.of("could not be installed (" + install() + "): " + out.lines().reduce((a, b) -> b).orElse(""));
            }
        } catch (IOException e) {
            return Optional.of("could not be installed (" + install() + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("installation interrupted");
        }
        return Optional.empty();
    }
}
