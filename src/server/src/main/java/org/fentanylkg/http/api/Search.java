package org.fentanylkg.http.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.search.SearchIndex;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * The search behind {@code /api/search} and the {@code /search} page: one SPARQL query with jena-text's
 * {@code text:query} over every indexed field, the user's words passed to it as a bound literal (never spliced
 * into the query text), then ranked by how the hit matches:
 * <ol>
 *   <li>a label equal to the query (case and accents folded), then an alternative label or identifier equal to it;</li>
 *   <li>a label that starts with it, then an alternative label that does (autocomplete: "jalis");</li>
 *   <li>a label holding every word of it, then an alternative label;</li>
 *   <li>anything else: definitions, notes, evidence quotes, the report's sentences, by Lucene's score.</li>
 * </ol>
 * so names beat the text that mentions them. A query written in Lucene's syntax (quotes, wildcards, AND/OR,
 * field:term) is checked by Lucene's parser first and ranked by Lucene's score alone.
 */
final class Search {
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 10;
    /**
     * How many index documents (one per literal) are ranked, at least and at most: ten per hit asked for (hits are
     * whole resources, fewer than their literals), so that autocomplete ranks a hundred and a long page more.
     */
    private static final int MIN_CANDIDATES = 100;
    private static final int MAX_CANDIDATES = 1000;
    /** Highlight markers: private-use characters, which no literal of the graph holds. */
    static final char MARK_START = '\uE000';
    static final char MARK_END = '\uE001';

    /** Lucene syntax beyond plain words: operators, grouping, phrases, wildcards, fuzziness, fields, escapes. */
    private static final Pattern SYNTAX = Pattern.compile("[+!(){}\\[\\]^\"~*?:\\\\/]|&&|\\|\\||(^|\\s)-|\\b(AND|OR|NOT|TO)\\b");

    // One predicate per field: text:query searches the field each one is indexed in, and reports it with the hit.
    private static final Query QUERY = QueryFactory.create("""
            PREFIX text: <http://jena.apache.org/text#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX nif:  <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX fkg:  <https://w3id.org/fentanyl-kg/ontology#>
            SELECT ?s ?score ?literal ?predicate WHERE {
              (?s ?score ?literal ?graph ?predicate) text:query
                  (rdfs:label skos:altLabel skos:definition skos:editorialNote nif:anchorOf fkg:quote fkg:casNumber ?lucene ?candidates)
            }""");

    private static final Analyzer NAMES = SearchIndex.names();
    static { TextQuery.init(); }

    /** A search request, checked. */
    record Request(String q, Node type, int limit, int offset) {}

    /** A request the search does not run: status (400, or 503 without an index), message, the parameter at fault and what it expects. */
    static final class Refused extends RuntimeException {
        final int status;
        final String parameter;
        final String expected;

        Refused(int status, String message, String parameter, String expected) {
            super(message, null, false, false);
            this.status = status;
            this.parameter = parameter;
            this.expected = expected;
        }
    }

    /** An entity, class or term with its label. */
    record Named(Node iri, String label) {}

    /** One ranked hit: a resource, its best matching literal, and for a sentence the entities it states facts about. */
    record Hit(Node iri, String label, List<Named> classes, String field, String snippet, List<int[]> highlights,
               float score, int rank, List<Named> mentions) {
        boolean isSentence() { return SearchIndex.SENTENCE.equals(field); }
    }

    record Result(String q, int total, List<Hit> hits) {}

    private Search() {}

    /** Checks {@code q}: present, not too long, and (when it uses Lucene's syntax) well formed. */
    static String checkQuery(String q) {
        if (q == null || q.isBlank()) throw new Refused(400, "parameter q is required and must not be empty", "q", "the words to search for");
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new Refused(400, "parameter q is " + q.length() + " characters long; the limit is " + MAX_QUERY_LENGTH, "q",
                    "at most " + MAX_QUERY_LENGTH + " characters");
        }
        String s = q.strip();
        if (usesSyntax(s)) {
            QueryParser parser = new QueryParser(SearchIndex.LABEL, NAMES);
            parser.setAllowLeadingWildcard(false);
            try {
                parser.parse(s);
            } catch (ParseException | TokenMgrError e) {
                throw new Refused(400, "parameter q is not a valid Lucene query: " + firstLine(e.getMessage()), "q",
                        "words, or a query in Lucene's syntax (\"phrase\", prefix*, AND, OR, NOT, field:term)");
            }
        }
        return s;
    }

    static boolean usesSyntax(String q) { return SYNTAX.matcher(q).find(); }

    private static String firstLine(String message) {
        if (message == null) return "cannot parse it";
        String m = message.replace('\n', ' ').replaceAll("\\s+", " ").strip();
        int cut = m.indexOf(" Was expecting");
        return cut > 0 ? m.substring(0, cut) : m;
    }

    /**
     * The Lucene query for {@code q}: plain words become the phrase, all the words, and all the words with the last
     * one as a prefix (what autocomplete needs), each word escaped; a query in Lucene's syntax is kept as written.
     */
    static String luceneQuery(String q) {
        if (usesSyntax(q)) return q;
        String[] words = q.split("\\s+");
        StringBuilder all = new StringBuilder();
        for (String w : words) all.append(all.length() == 0 ? "" : " ").append('+').append(QueryParser.escape(w));
        StringBuilder sb = new StringBuilder();
        sb.append('"').append(q.replace("\\", " ").replace("\"", " ")).append("\"^4 OR (").append(all).append(')');
        String last = words[words.length - 1];
        if (last.length() >= 2 && last.chars().allMatch(Character::isLetterOrDigit)) sb.append(" OR (").append(all).append("*)");
        // any of the words, so that a resource whose label holds some words and its definition the others is found
        if (words.length > 1) sb.append(" OR (").append(all.toString().replace("+", "")).append(")^0.5");
        return sb.toString();
    }

    /**
     * Searches at once, at most one per processor, the others waiting their turn in arrival order: a search is all
     * CPU, so more at once only share the processors, and each takes as long as the slowest of them (autocomplete
     * under many typists), where in turn each takes its own time plus the queue's.
     */
    private static final Semaphore TURNS = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** How long a search waits for its turn before it is refused (503): a client should not hang on a queue. */
    static final int WAIT_SECONDS = 10;

    /** Runs a checked request on the served dataset (in a read transaction of its own), in its turn. */
    static Result run(DatasetGraph dsg, LinkedData.Snapshot generation, Request r) {
        try {
            if (!TURNS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Refused(503, "search is busy: no turn within " + WAIT_SECONDS + " s (" + TURNS.getQueueLength() + " searches waiting); try again", null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "search is unavailable: the server is stopping", null, null);
        }
        try {
            return search(dsg, generation.labels(), generation.derived(Tokens.class, Tokens::new), r);
        } finally {
            TURNS.release();
        }
    }

    private static Result search(DatasetGraph dsg, Labels labels, Tokens tokenCache, Request r) {
        String lucene = luceneQuery(r.q());
        return Txn.calculateRead(dsg, () -> {
            if (SearchIndex.of(dsg).isEmpty()) {
                throw new Refused(503, "search is unavailable: the served dataset has no text index (-D" + SearchIndex.SWITCH + "=off)", null, null);
            }
            List<Binding> rows = new ArrayList<>();
            int candidates = Math.max(MIN_CANDIDATES, Math.min(MAX_CANDIDATES, 10 * (r.offset() + r.limit())));
            try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY)
                    .substitution("lucene", NodeFactory.createLiteralString(lucene))
                    .substitution("candidates", NodeFactory.createLiteralDT(Integer.toString(candidates), XSDDatatype.XSDinteger)).build()) {
                RowSet rs = exec.select();
                rs.forEachRemaining(rows::add);
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof IndexSearcher.TooManyClauses) {
                        throw new Refused(400, "parameter q matches too many terms (a wildcard too wide); give more letters", "q", null);
                    }
                    if (t instanceof TextIndexParseException p) {
                        throw new Refused(400, "parameter q is not a valid Lucene query: " + firstLine(p.getMessage()), "q", null);
                    }
                }
                throw e;
            }
            return rank(dsg, labels, tokenCache, r, lucene, rows);
        });
    }

    private static final Var S = Var.alloc("s");
    private static final Var SCORE = Var.alloc("score");
    private static final Var LITERAL = Var.alloc("literal");
    private static final Var PREDICATE = Var.alloc("predicate");

    private record Candidate(Node s, String field, String literal, float score, int rank, int coverage, int kind) {}

    private static Result rank(DatasetGraph dsg, Labels labels, Tokens tokenCache, Request r, String lucene, List<Binding> rows) {
        Graph g = dsg.getDefaultGraph();
        boolean plain = !usesSyntax(r.q());
        List<String> words = plain ? tokens(r.q()) : List.of();
        Map<Node, Candidate> best = new LinkedHashMap<>();
        Map<Node, Integer> nameRank = new HashMap<>();
        for (Binding b : rows) {
            Node s = b.get(S);
            Node p = b.get(PREDICATE);
            String field = p == null ? SearchIndex.LABEL : SearchIndex.fieldOf(p).orElse(SearchIndex.LABEL);
            Node lit = b.get(LITERAL);
            float score = b.get(SCORE) == null ? 0f : Float.parseFloat(b.get(SCORE).getLiteralLexicalForm());
            int rank = plain ? nameRank.computeIfAbsent(s, x -> nameRank(tokensOf(tokenCache, g, x), words)) : 6;
            int coverage = plain && rank == 6 ? coverage(tokensOf(tokenCache, g, s), words) : words.size();
            Candidate c = new Candidate(s, field, lit == null ? "" : lit.getLiteralLexicalForm(), score, rank, coverage, kind(s));
            Candidate old = best.get(s);
            if (old == null || better(c, old)) best.put(s, c);
        }
        List<Candidate> ranked = new ArrayList<>(best.values());
        if (r.type() != null) ranked.removeIf(c -> !g.contains(c.s(), RDF.Nodes.type, r.type()));
        ranked.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparing(Comparator.comparingInt(Candidate::coverage).reversed())
                .thenComparingInt(c -> textPriority(c.field()))
                .thenComparingInt(Candidate::kind)
                .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
                .thenComparing(c -> labels.of(c.s()).length())
                .thenComparing(c -> c.s().getURI()));
        List<Hit> hits = new ArrayList<>();
        Graph asserted = dsg.getGraph(Graphs.ASSERTED);
        Map<String, org.apache.lucene.search.Query> parsed = new HashMap<>();
        for (Candidate c : ranked.subList(Math.min(r.offset(), ranked.size()), Math.min(r.offset() + r.limit(), ranked.size()))) {
            hits.add(hit(dsg, g, asserted, labels, c, highlight(c, r.q(), lucene, parsed)));
        }
        return new Result(r.q(), ranked.size(), hits);
    }

    /** Within one resource, the literal that ranks it: the better rank, then the name fields, then the score. */
    private static boolean better(Candidate c, Candidate old) {
        boolean cName = isName(c.field());
        boolean oName = isName(old.field());
        if (cName != oName) return cName && c.rank() < 6;
        return c.score() > old.score();
    }

    private static boolean isName(String field) {
        return field.equals(SearchIndex.LABEL) || field.equals(SearchIndex.ALT_LABEL) || field.equals(SearchIndex.IDENTIFIER);
    }

    /**
     * 0: a label equal to the words; 1: an alternative label or identifier equal to them; 2: a label starting with
     * them; 3: an alternative label starting with them; 4: a label holding each word; 5: an alternative label
     * holding each; 6: none (the hit is in other text).
     */
    private static int nameRank(ResourceTokens rt, List<String> words) {
        if (words.isEmpty()) return 6;
        int rank = 6;
        for (List<String> name : rt.labels()) rank = Math.min(rank, nameRank(name, words, 0));
        for (List<String> name : rt.otherNames()) rank = Math.min(rank, nameRank(name, words, 1));
        return rank;
    }

    /** {@code offset}: 0 for a label, 1 for an alternative label or identifier; 6 when the name does not match. */
    private static int nameRank(List<String> name, List<String> words, int offset) {
        if (name.equals(words)) return offset;
        if (startsWith(name, words)) return 2 + offset;
        if (holdsAll(name, words)) return 4 + offset;
        return 6;
    }

    /** How many of the words a resource's indexed literals hold, all fields together (a word may be a form of the token: "tariffs", "tariff"). */
    private static int coverage(ResourceTokens rt, List<String> words) {
        int n = 0;
        for (String w : words) {
            if (rt.all().contains(w) || rt.all().stream().anyMatch(t -> t.length() >= 3 && (t.startsWith(w) || w.startsWith(t)))) n++;
        }
        return n;
    }

    /**
     * A resource's indexed literals as the name fields analyse them: its labels, its other names (alternative labels,
     * identifiers), and every token of every field.
     */
    private record ResourceTokens(List<List<String>> labels, List<List<String>> otherNames, Set<String> all) {}

    /**
     * The tokens of the resources ranked so far in one generation: ranking reads the names and texts of every
     * candidate, mostly the same resources request after request, and analysing them is much of a search's work.
     * Bounded in entries.
     */
    static final class Tokens {
        private final Cache<Node, ResourceTokens> resources = Caffeine.newBuilder().maximumSize(50_000).build();
    }

    private static ResourceTokens tokensOf(Tokens cache, Graph g, Node s) { return cache.resources.get(s, x -> read(g, x)); }

    private static ResourceTokens read(Graph g, Node s) {
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> others = new ArrayList<>();
        Set<String> all = new java.util.HashSet<>();
        SearchIndex.FIELDS.forEach((field, predicates) -> {
            for (Node p : predicates) {
                g.find(s, p, Node.ANY).forEachRemaining(t -> {
                    if (!t.getObject().isLiteral()) return;
                    List<String> tokens = tokens(t.getObject().getLiteralLexicalForm());
                    all.addAll(tokens);
                    if (field.equals(SearchIndex.LABEL)) labels.add(tokens);
                    else if (field.equals(SearchIndex.ALT_LABEL) || field.equals(SearchIndex.IDENTIFIER)) others.add(tokens);
                });
            }
        });
        return new ResourceTokens(List.copyOf(labels), List.copyOf(others), Set.copyOf(all));
    }

    /**
     * Among text hits: what a resource is (its names, definition, identifiers), then the report's own sentences, then
     * notes and evidence quotes, which repeat the report's words about something else.
     */
    private static int textPriority(String field) {
        return switch (field) {
            case SearchIndex.SENTENCE -> 1;
            case SearchIndex.NOTE, SearchIndex.QUOTE -> 2;
            default -> 0;
        };
    }

    /** Entities and ontology terms first, then the report's sentences, then facts (their quotes repeat the sentences). */
    private static int kind(Node s) {
        String u = s.getURI();
        if (u.startsWith(FKG.REPORT)) return 1;
        if (u.startsWith(FKG.FACT)) return 2;
        return 0;
    }

    /** The name's tokens begin with the words, the last word possibly a prefix of its token. */
    private static boolean startsWith(List<String> name, List<String> words) {
        if (words.size() > name.size()) return false;
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            if (last ? !name.get(i).startsWith(words.get(i)) : !name.get(i).equals(words.get(i))) return false;
        }
        return true;
    }

    private static boolean holdsAll(List<String> name, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            if (name.stream().noneMatch(t -> last ? t.startsWith(w) : t.equals(w))) return false;
        }
        return true;
    }

    /** The text as the name fields index it: standard tokens, lower case, accents folded (an unmodifiable list). */
    static List<String> tokens(String text) { return List.copyOf(analyze(NAMES, SearchIndex.LABEL, text)); }

    /**
     * The literal's best fragment with the words found between {@link #MARK_START} and {@link #MARK_END}; only for
     * the hits shown, with the analysis of the field it is indexed in.
     */
    private static String highlight(Candidate c, String q, String lucene, Map<String, org.apache.lucene.search.Query> parsed) {
        String text = c.literal();
        Analyzer analyzer = SearchIndex.analyzer(c.field());
        if (!usesSyntax(q)) return markWords(text, analyzer, c.field(), q);
        try {
            org.apache.lucene.search.Query query = parsed.get(c.field());
            if (query == null) {
                query = new QueryParser(c.field(), analyzer).parse(lucene);
                parsed.put(c.field(), query);
            }
            Highlighter h = new Highlighter(new SimpleHTMLFormatter(String.valueOf(MARK_START), String.valueOf(MARK_END)), new QueryScorer(query, c.field()));
            h.setTextFragmenter(new SimpleFragmenter(SNIPPET));
            String best = h.getBestFragment(analyzer, c.field(), text);
            if (best != null) return best;
        } catch (ParseException | IOException | InvalidTokenOffsetsException e) {
            // checked before it ran; the literal is still worth showing
        }
        return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text;
    }

    private static final int SNIPPET = 240;

    /**
     * Marks the tokens of {@code text} that are words of a plain query under the field's analysis (the last word
     * also as a prefix, as it was searched), in a window of {@link #SNIPPET} characters around the first one. Cheaper
     * than Lucene's highlighter, which indexes every literal again in memory to score its fragments.
     */
    static String markWords(String text, Analyzer analyzer, String field, String q) {
        List<String> words = analyze(analyzer, field, q);
        String[] raw = q.strip().split("\\s+");
        String lastRaw = raw[raw.length - 1];
        boolean prefix = lastRaw.length() >= 2 && lastRaw.chars().allMatch(Character::isLetterOrDigit);
        String last = words.isEmpty() ? null : words.get(words.size() - 1);
        List<int[]> spans = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute at = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (words.contains(t) || (prefix && last != null && t.startsWith(last))) spans.add(new int[] {at.startOffset(), at.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
        int from = 0;
        int to = text.length();
        if (to > SNIPPET) {
            int first = spans.isEmpty() ? 0 : spans.get(0)[0];
            from = Math.max(0, Math.min(first - SNIPPET / 4, text.length() - SNIPPET));
            while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) from--; // start at a word
            to = Math.min(text.length(), from + SNIPPET);
        }
        StringBuilder sb = new StringBuilder(to - from + 8);
        if (from > 0) sb.append('…');
        int at = from;
        for (int[] span : spans) {
            if (span[0] < from || span[1] > to) continue;
            sb.append(text, at, span[0]).append(MARK_START).append(text, span[0], span[1]).append(MARK_END);
            at = span[1];
        }
        sb.append(text, at, to);
        if (to < text.length()) sb.append('…');
        return sb.toString();
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Hit hit(DatasetGraph dsg, Graph g, Graph asserted, Labels labels, Candidate c, String highlighted) {
        Node s = c.s();
        // the classes stated, most specific as written; inferred superclasses would bury them
        Set<Node> types = new LinkedHashSet<>();
        asserted.find(s, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        if (types.isEmpty()) g.find(s, RDF.Nodes.type, Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
        List<Named> classes = types.stream().filter(Node::isURI).map(t -> new Named(t, labels.of(t)))
                .sorted(Comparator.comparing(Named::label)).toList();
        StringBuilder snippet = new StringBuilder();
        List<int[]> marks = new ArrayList<>();
        int open = -1;
        for (char ch : highlighted.toCharArray()) {
            if (ch == MARK_START) open = snippet.length();
            else if (ch == MARK_END && open >= 0) {
                marks.add(new int[] {open, snippet.length()});
                open = -1;
            } else snippet.append(ch);
        }
        String text = snippet.length() > 0 ? snippet.toString() : labels.of(s);
        List<Named> mentions = SearchIndex.SENTENCE.equals(c.field()) ? mentions(dsg, labels, s) : List.of();
        return new Hit(s, labels.of(s), classes, c.field(), text, marks, c.score(), c.rank(), mentions);
    }

    /** The entities a sentence states facts about: the resources of each fact whose quote lies in the sentence. */
    private static List<Named> mentions(DatasetGraph dsg, Labels labels, Node sentence) {
        Graph prov = dsg.getGraph(Graphs.PROVENANCE);
        Set<Node> entities = new TreeSet<>(Comparator.comparing(Node::getURI));
        prov.find(Node.ANY, FKG.sentence, sentence).forEachRemaining(q -> {
            prov.find(Node.ANY, FKG.evidence, q.getSubject()).forEachRemaining(f -> {
                Graph fact = dsg.getGraph(f.getSubject());
                fact.find().forEachRemaining(t -> {
                    for (Node n : List.of(t.getSubject(), t.getObject())) {
                        if (n.isURI() && n.getURI().startsWith(FKG.RESOURCE)) entities.add(n);
                    }
                });
            });
        });
        return entities.stream().map(n -> new Named(n, labels.of(n))).sorted(Comparator.comparing(Named::label)).toList();
    }
}
