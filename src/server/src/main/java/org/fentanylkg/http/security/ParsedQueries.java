package org.fentanylkg.http.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;

/**
 * Query texts parsed once: analysts and dashboards send the same few texts again and again, and parsing one is a
 * large share of a small query's cost. Keyed by the text as sent; parsed as Fuseki parses it (ARQ syntax, Fuseki's
 * base). Bounded by the characters held. A text that does not parse is not kept: the caller reports the error.
 *
 * <p>A {@link Parsed} is shared by every request that sends its text, across threads: its query is read-only once
 * published (what ARQ fills in lazily, its result variables and its subqueries', is filled in before), and whoever
 * needs to change it clones it first, as {@link ResultCap#limited} does.
 */
public final class ParsedQueries {
    /** Characters of query text (as sent and normalised) held, at most. */
    static final long MAX_CHARS = 8L << 20;

    private static final ParsedQueries SHARED = new ParsedQueries(MAX_CHARS);

    private final Cache<String, Parsed> parsed;

    ParsedQueries(long maxChars) {
        parsed = Caffeine.newBuilder().maximumWeight(maxChars)
                .weigher((String text, Parsed p) -> text.length() + p.normalized().length() + 512)
                .build();
    }

    /** The JVM's one memo (the query texts of every server in it). */
    public static ParsedQueries shared() { return SHARED; }

    /** The text parsed; throws ARQ's {@link org.apache.jena.query.QueryParseException} as parsing it would. */
    public Parsed parse(String text) {
        Parsed p = parsed.getIfPresent(text);
        if (p == null) {
            p = new Parsed(QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ));
            parsed.put(text, p);
        }
        return p;
    }

    /** One query text, parsed, with what the server derives from it once. */
    public static final class Parsed {
        private final Query query;
        private final String normalized;
        private final boolean repeatable;
        private volatile String digest;
        private volatile Optional<String> refusal;
        private volatile Limited limited;

        private record Limited(long cap, Query query, CompiledPlans.Memo plan) {}

        Parsed(Query query) {
            settle(query);
            this.query = query;
            this.normalized = query.serialize();
            String lower = normalized.toLowerCase(Locale.ROOT);
            // Functions whose value changes from one run to the next: such an answer is not the query's answer for good.
            this.repeatable = !(lower.contains("rand(") || lower.contains("now(") || lower.contains("uuid(") || lower.contains("bnode("));
        }

        /** The query as parsed: read only. */
        public Query query() { return query; }

        /** ARQ's serialisation of the parsed query: the same for texts that differ only in layout and comments. */
        public String normalized() { return normalized; }

        /** False when the query calls RAND, NOW, UUID, STRUUID or BNODE: two runs may answer differently. */
        public boolean repeatable() { return repeatable; }

        /** The first 16 hex digits of the SHA-256 of {@link #normalized()}. */
        public String digest() {
            String d = digest;
            if (d == null) digest = d = sha256(normalized);
            return d;
        }

        /** {@link QueryPolicy#check} of this query. */
        Optional<String> refusal(boolean serviceAllowed) {
            if (serviceAllowed) return QueryPolicy.check(query, true);
            Optional<String> r = refusal;
            if (r == null) refusal = r = QueryPolicy.check(query, false);
            return r;
        }

        /** {@link ResultCap#limited} of this query. */
        Query limited(long cap) { return limitedMemo(cap).query(); }

        /**
         * The compiled algebra of {@link #limited}{@code (cap)}, kept across runs; none for a query that is not
         * {@link #repeatable}.
         */
        Optional<CompiledPlans.Memo> plan(long cap) {
            return repeatable ? Optional.of(limitedMemo(cap).plan()) : Optional.empty();
        }

        private Limited limitedMemo(long cap) {
            Limited l = limited;
            if (l != null && l.cap() == cap) return l;
            Query q = ResultCap.limited(query, cap);
            settle(q);
            limited = l = new Limited(cap, q, new CompiledPlans.Memo(q));
            return l;
        }
    }

    /**
     * Fills in, on this thread, what ARQ computes lazily on a query (its result variables, and its subqueries'
     * when compiled), so that running it later, on many threads at once, only reads it.
     */
    private static void settle(Query q) {
        q.setResultVars();
        org.apache.jena.sparql.algebra.Algebra.compile(q);
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
