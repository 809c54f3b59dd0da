package org.fentanylkg.http.cache;

import java.util.List;

/**
 * Everything a SPARQL endpoint's answer depends on: the generation of the data; the query, parsed and serialised
 * again (so layout and comments do not matter); the dataset parameters ({@code default-graph-uri},
 * {@code named-graph-uri}, each sorted); the result format as negotiated; and the Origin (Fuseki's CORS filter
 * answers with it).
 */
record AnswerKey(long generation, String query, List<String> defaultGraphs, List<String> namedGraphs, String format,
                 List<String> origin) implements EntryKey {
    @Override
    public int weight() {
        int chars = query.length() + format.length();
        for (String g : defaultGraphs) chars += g.length();
        for (String g : namedGraphs) chars += g.length();
        for (String o : origin) chars += o.length();
        return 128 + 2 * chars;
    }
}
