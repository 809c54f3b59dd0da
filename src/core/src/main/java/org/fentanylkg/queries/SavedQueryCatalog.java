package org.fentanylkg.queries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.fentanylkg.rdf.ProblemCollector;

/**
 * The saved queries of a folder ({@code queries/*.rq}), read with their grlc decorators:
 * <pre>  SavedQueryCatalog catalog = SavedQueryCatalog.load(root.resolve("queries"));
 *  catalog.get("designations").orElseThrow().bind(request)</pre>
 * Loading checks every file and reports every problem as {@code file:line: message}
 * ({@link LoadException}); a catalog is never half-loaded.
 */
public final class SavedQueryCatalog {
    /** The folder of saved queries under the sources root. */
    public static final String DIRECTORY = "queries";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern AT_LINE = Pattern.compile("line (\\d+)");

    private final Map<String, SavedQuery> queries;

    private SavedQueryCatalog(Collection<SavedQuery> queries) {
        Map<String, SavedQuery> m = new LinkedHashMap<>();
        queries.stream().sorted(Comparator.comparing(SavedQuery::name)).forEach(q -> m.put(q.name(), q));
        this.queries = m;
    }

    /** Every {@code *.rq} file of {@code dir}, by name. */
    public static SavedQueryCatalog load(Path dir) throws IOException, LoadException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": saved-query folder not found");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList();
        }
        ProblemCollector problems = new ProblemCollector();
        List<SavedQuery> queries = new ArrayList<>();
        for (Path f : files) read(f, problems).ifPresent(queries::add);
        problems.throwIfAny();
        return new SavedQueryCatalog(queries);
    }

    /** The saved queries, sorted by name. */
    public List<SavedQuery> all() { return List.copyOf(queries.values()); }

    public Optional<SavedQuery> get(String name) { return Optional.ofNullable(queries.get(name)); }

    public int size() { return queries.size(); }

    /** One saved query file; its problems are recorded and it is left out. */
    static Optional<SavedQuery> read(Path file, ProblemCollector problems) throws IOException {
        int before = problems.problems().size();
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".rq".length());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        if (!NAME.matcher(name).matches()) {
            problems.add(Problem.at(file, 0, "a saved query's file name must be letters, digits, '-' or '_' (it is its URL): " + fileName));
        }
        GrlcHeader header = GrlcHeader.read(file, lines, problems);
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            // the message's own "at line L, column C" is the offending token; getLine() may point before it
            String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            Matcher at = AT_LINE.matcher(first);
            long line = at.find() ? Long.parseLong(at.group(1)) : Math.max(e.getLine(), 0);
            problems.add(Problem.at(file, line, "SPARQL syntax error: " + first));
            return Optional.empty();
        }
        if (!(query.isSelectType() || query.isAskType() || query.isConstructType() || query.isDescribeType())) {
            problems.add(Problem.at(file, 0, "a saved query must be SELECT, ASK, CONSTRUCT or DESCRIBE"));
            return Optional.empty();
        }
        String title = Optional.ofNullable(header.string("summary", problems))
                .or(() -> Optional.ofNullable(header.string("title", problems))).orElse(name);
        String description = Optional.ofNullable(header.string("description", problems)).orElse("");
        List<String> tags = strings(header, "tags", file, problems);
        int pagination = pagination(header, file, problems);

        // Parameters, in order of first appearance in the text
        List<QueryParameter> parameters = new ArrayList<>();
        Map<String, QueryParameter> byName = new LinkedHashMap<>();
        for (Var v : variables(query, text)) {
            if (!QueryParameter.isParameter(v.getVarName())) continue;
            QueryParameter p;
            try {
                p = QueryParameter.declaredBy(v.getVarName(), query.getPrefixMapping());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.at(file, lineOf(lines, "?" + v.getVarName()), e.getMessage()));
                continue;
            }
            QueryParameter same = byName.get(p.name());
            if (same != null) {
                problems.add(Problem.at(file, lineOf(lines, "?" + v.getVarName()), "parameter '" + p.name() + "' is declared twice, by ?"
                        + same.variable() + " and ?" + p.variable() + ": one variable per parameter"));
                continue;
            }
            if (SavedQuery.RESERVED.contains(p.name())) {
                problems.add(Problem.at(file, lineOf(lines, "?" + v.getVarName()), "'" + p.name()
                        + "' is reserved for paging (limit, offset, page): rename ?" + p.variable()));
                continue;
            }
            byName.put(p.name(), p);
        }
        Set<String> fromData = new LinkedHashSet<>();
        applyEnumerations(header, file, byName, query, fromData, problems);
        applyDefaults(header, file, byName, query, problems);
        parameters.addAll(byName.values());
        if (!fromData.isEmpty()) {
            problems.add(Problem.at(file, header.lineOf("enumerate"), "#+ enumerate: list the allowed values of "
                    + String.join(", ", fromData) + " (name: [values]); values computed from the data are not supported"));
        }
        if (problems.problems().size() > before) return Optional.empty();
        String sparql = lines.stream().filter(l -> !l.startsWith("#+")).collect(Collectors.joining("\n")).strip() + "\n";
        return Optional.of(new SavedQuery(name, file, title, description, tags, parameters, pagination, sparql, query));
    }

    /** Every variable the query mentions (patterns, expressions, sub-queries, VALUES), ordered by first appearance. */
    private static List<Var> variables(Query query, String text) {
        Set<Var> seen = new LinkedHashSet<>();
        QueryTransformOps.transform(query, n -> {
            if (n instanceof Var v) seen.add(v);
            return n;
        });
        return seen.stream().sorted(Comparator.comparingInt(v -> {
            int i = text.indexOf("?" + v.getVarName());
            return i < 0 ? Integer.MAX_VALUE : i;
        })).toList();
    }

    private static void applyEnumerations(GrlcHeader header, Path file, Map<String, QueryParameter> byName, Query query,
                                          Set<String> fromData, ProblemCollector problems) {
        Object e = header.get("enumerate");
        if (e == null) return;
        for (Map.Entry<String, Object> entry : entries(e, fromData)) {
            String key = entry.getKey();
            QueryParameter p = find(byName, key);
            int line = header.lineOf("enumerate", key);
            if (p == null) {
                problems.add(Problem.at(file, line, "#+ enumerate: '" + key + "' is not a parameter of this query"
                        + known(byName)));
                continue;
            }
            if (!(entry.getValue() instanceof List<?> values) || values.isEmpty()) {
                problems.add(Problem.at(file, line, "#+ enumerate: " + key + ": expected a list of values"));
                continue;
            }
            List<String> list = values.stream().map(String::valueOf).toList();
            for (String v : list) {
                try {
                    p.parse(v, query.getPrefixMapping()); // p has no enumeration yet: this checks the type only
                } catch (ParameterException ex) {
                    problems.add(Problem.at(file, line, "#+ enumerate: " + key + ": " + ex.problem() + "; expected " + ex.expected()));
                }
            }
            byName.put(p.name(), p.withEnumeration(list));
        }
    }

    private static void applyDefaults(GrlcHeader header, Path file, Map<String, QueryParameter> byName, Query query,
                                      ProblemCollector problems) {
        Object d = header.get("defaults");
        if (d == null) return;
        Set<String> bare = new LinkedHashSet<>();
        for (Map.Entry<String, Object> entry : entries(d, bare)) {
            String key = entry.getKey();
            QueryParameter p = find(byName, key);
            int line = header.lineOf("defaults", key);
            if (p == null) {
                problems.add(Problem.at(file, line, "#+ defaults: '" + key + "' is not a parameter of this query" + known(byName)));
                continue;
            }
            if (entry.getValue() == null || entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                problems.add(Problem.at(file, line, "#+ defaults: " + key + ": expected a single value"));
                continue;
            }
            String value = String.valueOf(entry.getValue());
            try {
                p.parse(value, query.getPrefixMapping());
            } catch (ParameterException ex) {
                problems.add(Problem.at(file, line, "#+ defaults: " + key + ": " + ex.problem() + "; expected " + ex.expected()));
                continue;
            }
            byName.put(p.name(), p.withDefault(value));
        }
        for (String b : bare) {
            problems.add(Problem.at(file, header.lineOf("defaults", b), "#+ defaults: " + b + ": expected 'name: value'"));
        }
    }

    /** grlc writes these sections as a list of one-key maps; a plain map is accepted too. Bare names go to {@code bare}. */
    private static List<Map.Entry<String, Object>> entries(Object section, Set<String> bare) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        if (section instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.add(new AbstractMap.SimpleEntry<>(String.valueOf(k), v)));
        } else if (section instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) m.forEach((k, v) -> out.add(new AbstractMap.SimpleEntry<>(String.valueOf(k), v)));
                else if (item != null) bare.add(String.valueOf(item));
            }
        }
        return out;
    }

    /** A parameter by its API name or its variable name ({@code _name_iri}, with or without "?"). */
    private static QueryParameter find(Map<String, QueryParameter> byName, String key) {
        QueryParameter p = byName.get(key);
        if (p != null) return p;
        String variable = key.startsWith("?") ? key.substring(1) : key;
        return byName.values().stream().filter(q -> q.variable().equals(variable)).findFirst().orElse(null);
    }

    private static String known(Map<String, QueryParameter> byName) {
        return byName.isEmpty() ? " (it has none)" : " (parameters: " + String.join(", ", byName.keySet()) + ")";
    }

    private static List<String> strings(GrlcHeader header, String key, Path file, ProblemCollector problems) {
        Object v = header.get(key);
        if (v == null) return List.of();
        if (v instanceof String s) return List.of(s.strip());
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof String || x instanceof Number)) {
            return l.stream().map(x -> String.valueOf(x).strip()).toList();
        }
        problems.add(Problem.at(file, header.lineOf(key), "#+ " + key + ": expected a list of words"));
        return List.of();
    }

    private static int pagination(GrlcHeader header, Path file, ProblemCollector problems) {
        Object v = header.get("pagination");
        if (v == null) return 0;
        if (v instanceof Integer n && n > 0) return n;
        problems.add(Problem.at(file, header.lineOf("pagination"), "#+ pagination: expected a positive page size, not " + v));
        return 0;
    }

    private static int lineOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) if (!lines.get(i).startsWith("#") && lines.get(i).contains(needle)) return i + 1;
        return 0;
    }
}
