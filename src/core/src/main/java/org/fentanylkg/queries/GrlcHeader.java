package org.fentanylkg.queries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.rdf.ProblemCollector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The decorators of a saved query: every line starting with {@code #+}, read together as YAML (as grlc reads
 * them), with each YAML line mapped back to its line in the file for error messages.
 */
final class GrlcHeader {
    private static final Pattern KEY = Pattern.compile("[\\s-]*([A-Za-z0-9_]+)\\s*:.*");

    private final Path file;
    private final Map<String, Object> values;
    private final List<Integer> lines;
    private final List<String> text;

    private GrlcHeader(Path file, Map<String, Object> values, List<Integer> lines, List<String> text) {
        this.file = file;
        this.values = values;
        this.lines = lines;
        this.text = text;
    }

    /** Reads the decorators of a file's lines; a YAML error is recorded with its line, and gives an empty header. */
    static GrlcHeader read(Path file, List<String> fileLines, ProblemCollector problems) {
        List<Integer> lines = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < fileLines.size(); i++) {
            String l = fileLines.get(i);
            if (l.startsWith("#+")) {
                lines.add(i + 1);
                text.add(l.substring(2));
            }
        }
        Map<String, Object> values = Map.of();
        if (!text.isEmpty()) {
            try {
                Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(String.join("\n", text));
                if (yaml instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
                    values = map;
                } else if (yaml != null) {
                    problems.add(Problem.at(file, lines.get(0), "the #+ header is not a YAML mapping of decorators (summary:, description:, tags:, ...)"));
                }
            } catch (MarkedYAMLException e) {
                int at = e.getProblemMark() == null ? 0 : Math.min(e.getProblemMark().getLine(), lines.size() - 1);
                problems.add(Problem.at(file, lines.get(at), "the #+ header is not valid YAML: " + e.getProblem()));
            } catch (YAMLException e) {
                problems.add(Problem.at(file, lines.get(0), "the #+ header is not valid YAML: " + e.getMessage()));
            }
        }
        return new GrlcHeader(file, values, lines, text);
    }

    Object get(String key) { return values.get(key); }

    boolean has(String key) { return values.containsKey(key); }

    /** A string decorator (summary, description); a problem if present and not a string. */
    String string(String key, ProblemCollector problems) {
        Object v = values.get(key);
        if (v == null) return null;
        if (v instanceof String s) return s.strip();
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        problems.add(Problem.at(file, lineOf(key), "#+ " + key + ": must be text"));
        return null;
    }

    /** The file line of the first header line that starts with {@code key:} (after "- "), else of the header's first line. */
    int lineOf(String key) {
        for (int i = 0; i < text.size(); i++) {
            var m = KEY.matcher(text.get(i));
            if (m.matches() && m.group(1).equals(key)) return lines.get(i);
        }
        return lines.isEmpty() ? 0 : lines.get(0);
    }

    /** Like {@link #lineOf(String)}, searching only after the line of {@code section}. */
    int lineOf(String section, String key) {
        int start = lineOf(section);
        for (int i = 0; i < text.size(); i++) {
            if (lines.get(i) <= start) continue;
            var m = KEY.matcher(text.get(i));
            if (m.matches() && m.group(1).equals(key)) return lines.get(i);
        }
        return start;
    }
}
