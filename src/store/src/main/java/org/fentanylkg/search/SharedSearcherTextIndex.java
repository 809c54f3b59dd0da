package org.fentanylkg.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.analyzer.Util;
import org.apache.jena.rdf.model.Resource;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;

/**
 * jena-text's Lucene index, answering {@code text:query} from one {@link IndexSearcher} per commit of the index
 * (Lucene's {@link SearcherManager}, refreshed by {@link #commit}) instead of opening a reader for every query, and
 * parsing each query on its own thread: {@link TextIndexLucene} parses under a lock on the index (its guard for
 * jena-text's ConfigurableAnalyzer, which {@link SearchIndex} does not use; Lucene's own analyzers are thread-safe),
 * so concurrent searches queued there. The stored documents a searcher has read are kept with it, since reading
 * one decompresses a block of the index.
 *
 * <p>The hits are those {@link TextIndexLucene} gives for the index's configuration (standard query parser, no
 * multilingual fields): the same query string per field, language and graph clauses, parser settings and limit,
 * the same literals, scores and order. A query that asks for jena-text's highlighting or its "searchFor" languages
 * goes to {@link TextIndexLucene} unchanged.
 *
 * <p>Each index object is one generation's index (the in-memory one of a build, the folder beside a TDB2
 * generation), so its searcher never shows another generation's documents.
 */
final class SharedSearcherTextIndex extends TextIndexLucene {
    /** jena-text's bound when a query gives no limit. */
    private static final int MAX_N = 10000;
    /** jena-text's prefix of a datatype IRI kept in the language field. */
    private static final String DATATYPE_PREFIX = "^^";

    /** Stored documents kept per searcher, at most (reading one decompresses a block of the index). */
    private static final int DOCS_KEPT = 20_000;

    /** A searcher with the stored documents it has read (its reader never changes, so neither do they). */
    private static final class Searcher extends IndexSearcher {
        final Cache<Integer, Document> docs = Caffeine.newBuilder().maximumSize(DOCS_KEPT).build();

        Searcher(IndexReader reader) { super(reader); }
    }

    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) { return new Searcher(reader); }
    };

    private final EntityDefinition docDef;
    private volatile SearcherManager searchers;
    private boolean closed;

    SharedSearcherTextIndex(Directory directory, TextIndexConfig config) {
        super(directory, config);
        this.docDef = config.getEntDef();
    }

    /** The searcher manager, opened at the first query on the index's last commit. */
    private SearcherManager searchers() throws IOException {
        SearcherManager m = searchers;
        if (m != null) return m;
        synchronized (this) {
            if (closed) throw new AlreadyClosedException("text index closed");
            if (searchers == null) searchers = new SearcherManager(getDirectory(), SEARCHERS);
            return searchers;
        }
    }

    @Override
    public void commit() {
        super.commit();
        SearcherManager m = searchers;
        if (m == null) return;
        try {
            m.maybeRefreshBlocking(); // the next query sees what was just committed
        } catch (IOException e) {
            throw new TextIndexException("refresh after commit", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (searchers != null) {
                try {
                    searchers.close(); // a query in flight keeps its reader until it releases it
                } catch (IOException e) {
                    throw new TextIndexException("close", e);
                } finally {
                    searchers = null;
                }
            }
        }
        super.close();
    }

    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        if (highlight != null || Util.usingSearchFor(lang)) return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        SearcherManager m;
        IndexSearcher searcher;
        try {
            m = searchers();
            searcher = m.acquire();
        } catch (AlreadyClosedException e) {
            // closed (a retired generation) while a query still reads it: jena-text opens a reader of its own
            return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        } catch (IOException e) {
            throw new TextIndexException("query", e);
        }
        try {
            return search(searcher, subjectUri, props, qs, graphURI, lang, limit);
        } catch (ParseException e) {
            throw new TextIndexParseException(qs, e.getMessage());
        } catch (TextIndexException e) {
            throw e;
        } catch (Exception e) {
            throw new TextIndexException("query", e);
        } finally {
            try {
                m.release(searcher);
            } catch (IOException e) {
                throw new TextIndexException("query", e);
            }
        }
    }

    /** jena-text's own answer, from a reader opened for it (tests check that the two agree). */
    List<TextHit> queryAsJenaText(String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit) {
        return super.query(subjectUri, props, qs, graphURI, lang, limit, null);
    }

    private List<TextHit> search(IndexSearcher searcher, String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit)
            throws ParseException, IOException {
        // the query string as jena-text composes it (no multilingual fields, no searchFor)
        List<String> fields = new ArrayList<>();
        for (Resource p : props) fields.add(docDef.getField(p.asNode()));
        Set<String> clauses = new LinkedHashSet<>(); // two predicates of one field search it once
        for (String f : fields) clauses.add(f + ": (" + qs + ") ");
        String qString = (props.isEmpty() ? qs + " " : "") + String.join("", clauses);
        if (fields.isEmpty() && lang != null) qString += docDef.getPrimaryField() + ": (" + qs + ") ";
        String langField = docDef.getLangField();
        if (langField != null && lang != null && !lang.isBlank()) {
            qString = "(" + qString + ") AND " + (!lang.equals("none") ? langField + ":" + lang : "-" + langField + ":*");
        }
        if (graphURI != null) qString = "(" + qString + ") AND " + docDef.getGraphField() + ":" + QueryParserBase.escape(graphURI);

        QueryParser parser = new QueryParser(docDef.getPrimaryField(), getQueryAnalyzer());
        parser.setAllowLeadingWildcard(true);
        Query query = parser.parse(qString);
        if (subjectUri != null) {
            query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(docDef.getEntityField(), subjectUri)), BooleanClause.Occur.FILTER).build();
        }
        ScoreDoc[] docs = searcher.search(query, limit <= 0 ? MAX_N : limit).scoreDocs;
        if (fields.isEmpty()) fields.add(docDef.getPrimaryField());
        return hits(searcher, docs, fields);
    }

    /**
     * The hits in score order; a document not kept yet is read from the index in document order, so that a
     * compressed block is found once.
     */
    private List<TextHit> hits(IndexSearcher searcher, ScoreDoc[] docs, List<String> fields) throws IOException {
        Cache<Integer, Document> kept = ((Searcher) searcher).docs;
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        StoredFields stored = null;
        TextHit[] hits = new TextHit[docs.length];
        for (int i : order) {
            Document doc = kept.getIfPresent(docs[i].doc);
            if (doc == null) {
                if (stored == null) stored = searcher.storedFields();
                doc = stored.document(docs[i].doc);
                kept.put(docs[i].doc, doc);
            }
            hits[i] = hit(doc, docs[i].score, fields);
        }
        return new ArrayList<>(Arrays.asList(hits));
    }

    private TextHit hit(Document doc, float score, List<String> fields) {
        String field = null;
        for (String f : fields) {
            if (doc.get(f) != null) {
                field = f;
                break;
            }
        }
        String lexical = field == null ? null : doc.get(field);
        Collection<Node> predicates = field == null ? List.of() : docDef.getPredicates(field);
        Node predicate = predicates.isEmpty() ? null : predicates.iterator().next();
        Node literal = null;
        if (lexical != null) {
            String docLang = docDef.getLangField() == null ? null : doc.get(docDef.getLangField());
            if (docLang == null || docLang.isEmpty()) literal = NodeFactory.createLiteralString(lexical);
            else if (docLang.startsWith(DATATYPE_PREFIX)) {
                literal = NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(docLang.substring(DATATYPE_PREFIX.length())));
            } else literal = NodeFactory.createLiteralLang(lexical, docLang);
        }
        String graph = docDef.getGraphField() == null ? null : doc.get(docDef.getGraphField());
        return new TextHit(TextQueryFuncs.stringToNode(doc.get(docDef.getEntityField())), score, literal,
                graph == null ? null : TextQueryFuncs.stringToNode(graph), predicate);
    }
}
