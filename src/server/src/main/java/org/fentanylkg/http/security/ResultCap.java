package org.fentanylkg.http.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The result cap for anonymous queries, in the manner of Virtuoso's {@code ResultSetMaxRows}: at most
 * {@code cap} rows (SELECT, JSON) or distinct triples (CONSTRUCT, DESCRIBE) per response.
 *
 * <p>A SELECT without a LIMIT, or with a larger one, runs with {@code LIMIT cap+1}: the engine stops early (and
 * sorts top-k for ORDER BY), and the extra row tells a capped result from one of exactly {@code cap} rows. The
 * answer is read whole before anything is sent, at most {@code cap+1} items, so the query timeout still yields
 * a clean 503 rather than a truncated 200, and the response headers can say that the answer was capped.
 */
public final class ResultCap {
    /** Response header set to {@code true} on a capped answer. */
    public static final String HEADER_CAPPED = "X-Result-Capped";
    /** Response header giving the cap, on every query answer. */
    public static final String HEADER_LIMIT = "X-Result-Limit";

    private ResultCap() {}

    /** An answer read up to the cap, and whether more was there. */
    public record Capped<T>(T value, boolean capped) {}

    /** The query to run: with {@code LIMIT cap+1} when it is a SELECT or JSON query whose own LIMIT is absent or larger. */
    public static Query limited(Query query, long cap) {
        if (!(query.isSelectType() || query.isJsonType())) return query;
        if (query.hasLimit() && query.getLimit() <= cap) return query;
        Query q = query.cloneQuery();
        q.setLimit(cap + 1);
        return q;
    }

    public static Capped<RowSet> rows(RowSet rows, long cap) { return rows(rows, cap, UnaryOperator.identity()); }

    /**
     * As {@link #rows}, each row copied out of the dataset, for an answer written after its read transaction ended:
     * a row of a TDB2 store looks its terms up when asked for them, which only works inside the transaction
     * (outside it, a term reads as unbound).
     */
    public static Capped<RowSet> rowsDetached(RowSet rows, long cap) { return rows(rows, cap, BindingFactory::copy); }

    private static Capped<RowSet> rows(RowSet rows, long cap, UnaryOperator<Binding> keep) {
        List<Binding> kept = new ArrayList<>();
        boolean capped = false;
        while (rows.hasNext()) {
            Binding b = rows.next();
            if (kept.size() == cap) {
                capped = true;
                break;
            }
            kept.add(keep.apply(b));
        }
        return new Capped<>(RowSetStream.create(rows.getResultVars(), kept.iterator()), capped);
    }

    public static Capped<Iterator<JsonObject>> json(Iterator<JsonObject> items, long cap) {
        List<JsonObject> kept = new ArrayList<>();
        boolean capped = false;
        while (items.hasNext()) {
            JsonObject o = items.next();
            if (kept.size() == cap) {
                capped = true;
                break;
            }
            kept.add(o);
        }
        return new Capped<>(kept.iterator(), capped);
    }

    /** CONSTRUCT (possibly with GRAPH in the template): distinct quads, up to the cap. */
    public static Capped<DatasetGraph> quads(Iterator<Quad> quads, long cap) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        long n = 0;
        while (quads.hasNext()) {
            Quad q = quads.next();
            if (dsg.contains(q)) continue;
            if (n == cap) return new Capped<>(dsg, true);
            dsg.add(q);
            n++;
        }
        return new Capped<>(dsg, false);
    }

    /** DESCRIBE: distinct triples, up to the cap. */
    public static Capped<Graph> triples(Iterator<Triple> triples, long cap) {
        Graph g = GraphFactory.createDefaultGraph();
        while (triples.hasNext()) {
            Triple t = triples.next();
            if (g.contains(t)) continue;
            if (g.size() == cap) return new Capped<>(g, true);
            g.add(t);
        }
        return new Capped<>(g, false);
    }
}
