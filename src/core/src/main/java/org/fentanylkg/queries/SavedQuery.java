package org.fentanylkg.queries;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.fentanylkg.vocab.Prefixes;

/**
 * A saved query of {@code queries/}: its grlc decorators, its parameters and the parsed query.
 * {@link #bind(Map)} turns request values into the query to run, grlc-style.
 *
 * @param name        the file name without {@code .rq}: the query's name in the API
 * @param file        where it was read from
 * @param title       {@code #+ summary} (grlc's title), or the name when there is none
 * @param description {@code #+ description}, "" when there is none
 * @param tags        {@code #+ tags}
 * @param parameters  the {@code ?_name} parameters, in order of first appearance in the text
 * @param pagination  {@code #+ pagination}: the page size of the {@code page} parameter, 0 when not paginated
 * @param sparql      the query text without the decorator lines
 * @param query       the parsed query
 */
public record SavedQuery(String name, Path file, String title, String description, List<String> tags,
                         List<QueryParameter> parameters, int pagination, String sparql, Query query) {

    /** Request parameters every saved query takes besides its own. */
    public static final String LIMIT = "limit", OFFSET = "offset", PAGE = "page";
    static final Set<String> RESERVED = Set.of(LIMIT, OFFSET, PAGE);

    public SavedQuery {
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
    }

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** SELECT, ASK, CONSTRUCT or DESCRIBE. */
    public String queryType() {
        return query.isSelectType() ? "SELECT" : query.isAskType() ? "ASK" : query.isConstructType() ? "CONSTRUCT" : "DESCRIBE";
    }

    /** The result columns of a SELECT, else empty. */
    public List<String> resultVariables() {
        return query.isSelectType() ? query.getResultVars() : List.of();
    }

    /** The names a request may use: the parameters, then limit, offset and (when paginated) page. */
    public List<String> requestNames() {
        var names = parameters.stream().map(QueryParameter::name).collect(Collectors.toList());
        names.add(LIMIT);
        names.add(OFFSET);
        if (pagination > 0) names.add(PAGE);
        return names;
    }

    /**
     * The query to run for a request: each parameter's value (or default) put in place of its variable, an
     * optional parameter left unbound when absent, then {@code limit}/{@code offset} (or {@code page}) applied
     * within any LIMIT/OFFSET the query has.
     *
     * @param request the request's values by name; more than one value for a name is an error
     * @throws ParameterException for a missing required value, a wrong type, a value outside the enumeration,
     *                            an unknown name or a bad limit/offset/page
     */
    public Query bind(Map<String, List<String>> request) throws ParameterException {
        for (var e : request.entrySet()) {
            if (parameter(e.getKey()).isEmpty() && !RESERVED.contains(e.getKey())) {
                throw new ParameterException(e.getKey(), "one of this query's parameters: " + String.join(", ", requestNames()),
                        "query '" + name + "' has no such parameter");
            }
            if (e.getKey().equals(PAGE) && pagination == 0) {
                throw new ParameterException(PAGE, "limit and offset", "query '" + name + "' is not paginated (no #+ pagination)");
            }
            if (e.getValue().size() > 1) {
                throw new ParameterException(e.getKey(), "a single value", "given " + e.getValue().size() + " times");
            }
        }
        Map<Var, Node> values = new HashMap<>();
        // an IRI value may use the shared prefixes as well as the query's own
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(Prefixes.PREFIXES).setNsPrefixes(query.getPrefixMapping());
        for (QueryParameter p : parameters) {
            String value = single(request, p.name());
            if (value == null) value = p.defaultValue().orElse(null);
            if (value == null) {
                if (p.optional()) continue;
                throw new ParameterException(p.name(), p.expected(), "a value is required");
            }
            values.put(p.var(), p.parse(value, prefixes));
        }
        Query bound = values.isEmpty() ? query.cloneQuery() : QueryTransformOps.replaceVars(query, values);
        page(bound, request);
        return bound;
    }

    private void page(Query q, Map<String, List<String>> request) throws ParameterException {
        Long limit = nonNegative(request, LIMIT);
        Long offset = nonNegative(request, OFFSET);
        Long page = nonNegative(request, PAGE);
        if (page != null) {
            if (page < 1) throw new ParameterException(PAGE, "a page number from 1", "'" + page + "' is not a page number");
            if (offset != null) throw new ParameterException(OFFSET, "either page or offset", "cannot be combined with page");
            offset = (page - 1) * pagination;
            limit = limit == null ? pagination : Math.min(limit, pagination);
        }
        if (limit == null && offset == null) return;
        long baseOffset = q.hasOffset() ? q.getOffset() : 0;
        long off = offset == null ? 0 : offset;
        long lim = limit == null ? Long.MAX_VALUE : limit;
        if (q.hasLimit()) lim = Math.min(lim, Math.max(0, q.getLimit() - off)); // stay within the query's own window
        if (baseOffset + off > 0) q.setOffset(baseOffset + off);
        if (lim != Long.MAX_VALUE) q.setLimit(lim);
    }

    private static Long nonNegative(Map<String, List<String>> request, String name) throws ParameterException {
        String v = single(request, name);
        if (v == null) return null;
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 0 && n <= Integer.MAX_VALUE) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, "a non-negative integer", "'" + v + "' is not a non-negative integer");
    }

    private static String single(Map<String, List<String>> request, String name) {
        List<String> v = request.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The request values of a plain map, one value per name (for callers outside HTTP). */
    public static Map<String, List<String>> request(Map<String, String> values) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, List.of(v)));
        return m;
    }
}
