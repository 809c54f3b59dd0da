package org.fentanylkg.rdf;

import java.nio.file.Path;

/**
 * One thing wrong with the sources, located as precisely as it can be: file, line (0 when unknown) and the
 * fact graph concerned (null when none). Rendered as {@code file:line: [fact] message}, the form editors and
 * CI logs link to.
 */
public record Problem(Path file, long line, String fact, String message) {

    public static Problem at(Path file, long line, String message) { return new Problem(file, line, null, message); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(display(file));
            if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        if (fact != null) sb.append("fact <").append(fact).append(">: ");
        return sb.append(message).toString();
    }

    /** Paths under the working directory print relative to it, as compilers print them. */
    private static String display(Path file) {
        if (file.getFileSystem() != java.nio.file.FileSystems.getDefault()) return file.toString();
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
