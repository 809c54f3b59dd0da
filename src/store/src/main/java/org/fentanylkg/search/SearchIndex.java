package org.fentanylkg.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.fentanylkg.vocab.FKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of the knowledge graph: a jena-text Lucene index ({@link TextIndexLucene}) over the literals
 * people search for, one Lucene document per triple, so that {@code text:query} works in SPARQL and
 * {@code /api/search} can rank hits.
 *
 * <p>Fields, each with the predicates it indexes and its analysis:
 * <ul>
 *   <li>{@code label} (rdfs:label, skos:prefLabel, dcterms:title, foaf:name) and {@code altLabel} (skos:altLabel,
 *       skos:hiddenLabel): names, folded for case and accents ("cartel" finds "Cártel de Sinaloa"), not stemmed;</li>
 *   <li>{@code definition} (skos:definition, rdfs:comment), {@code note} (skos:editorialNote, skos:scopeNote,
 *       skos:example), {@code sentence} (nif:anchorOf of the report's sentences) and {@code quote} (fkg:quote, the
 *       evidence of each fact): English prose, folded, stop words dropped and stemmed ("tariffs" finds "tariff");</li>
 *   <li>{@code identifier} (CAS, public-law, bill, executive-order and report numbers): the whole value as one
 *       folded token, so "23056-29-3" matches exactly and nothing else.</li>
 * </ul>
 * Only the default graph (asserted ∪ inferred) is indexed; a literal of a blank node is not (no page to open).
 *
 * <p>The index belongs to one dataset: it is built with it ({@link #build}), kept in that dataset's context
 * ({@link TextQuery#textIndex}, where jena-text's property function looks first) and replaced with it, so a query
 * never reads the index of other content. In memory ({@link ByteBuffersDirectory}) for a graph built at start;
 * in a folder beside each TDB2 generation ({@link #write}, {@link #open}). Each index answers from one Lucene
 * searcher per commit ({@link SharedSearcherTextIndex}), not from a reader opened per query.
 */
public final class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    public static final String ENTITY = "uri";
    public static final String LANG = "lang";
    public static final String LABEL = "label";
    public static final String ALT_LABEL = "altLabel";
    public static final String DEFINITION = "definition";
    public static final String NOTE = "note";
    public static final String SENTENCE = "sentence";
    public static final String QUOTE = "quote";
    public static final String IDENTIFIER = "identifier";

    private static final String DCT = FKG.DCTERMS;
    private static final Node ANCHOR_OF = FKG.nifAnchorOf;

    /** Field → the predicates it indexes, in the order of the class comment. */
    public static final Map<String, List<Node>> FIELDS;
    static {
        Map<String, List<Node>> m = new LinkedHashMap<>();
        m.put(LABEL, List.of(RDFS.Nodes.label, skos("prefLabel"), uri(DCT + "title"), uri("http://xmlns.com/foaf/0.1/name")));
        m.put(ALT_LABEL, List.of(skos("altLabel"), skos("hiddenLabel")));
        m.put(DEFINITION, List.of(skos("definition"), RDFS.Nodes.comment));
        m.put(NOTE, List.of(skos("editorialNote"), skos("scopeNote"), skos("example")));
        m.put(SENTENCE, List.of(ANCHOR_OF));
        m.put(QUOTE, List.of(FKG.quote));
        m.put(IDENTIFIER, List.of(FKG.term("casNumber"), FKG.term("publicLawNumber"), FKG.term("billNumber"),
                FKG.term("executiveOrderNumber"), FKG.term("reportNumber")));
        FIELDS = java.util.Collections.unmodifiableMap(m);
    }

    /** The folder of the index beside a TDB2 generation's database. */
    public static final String FOLDER = "text";

    private SearchIndex() {}

    private static Node skos(String local) { return uri(FKG.SKOS + local); }

    private static Node uri(String iri) { return NodeFactory.createURI(iri); }

    /** The field a predicate is indexed in, if it is. */
    public static Optional<String> fieldOf(Node predicate) {
        for (var e : FIELDS.entrySet()) if (e.getValue().contains(predicate)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    /** The analysis of names: standard tokens, lower case, accents folded; no stemming (a name is not a word). */
    public static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new ASCIIFoldingFilter(new LowerCaseFilter(t)));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) { return new ASCIIFoldingFilter(new LowerCaseFilter(in)); }
        };
    }

    /** The analysis of prose: as {@link #names()}, then English stop words dropped and Porter stemming. */
    public static Analyzer english() {
        CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new EnglishPossessiveFilter(t);
                s = new ASCIIFoldingFilter(new LowerCaseFilter(s));
                s = new StopFilter(s, stop);
                return new TokenStreamComponents(t, new PorterStemFilter(s));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) { return new ASCIIFoldingFilter(new LowerCaseFilter(in)); }
        };
    }

    /** The analysis of identifiers: the whole value, lower case, accents folded (jena-text's LowerCaseKeywordAnalyzer, folded). */
    public static Analyzer identifiers() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new KeywordTokenizer();
                return new TokenStreamComponents(t, new ASCIIFoldingFilter(new LowerCaseFilter(t)));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) { return new ASCIIFoldingFilter(new LowerCaseFilter(in)); }
        };
    }

    private static final Analyzer NAMES = names();
    private static final Analyzer ENGLISH = english();
    private static final Analyzer IDENTIFIERS = identifiers();

    /** The analysis of a field (an unknown field is analysed as names). */
    public static Analyzer analyzer(String field) {
        return switch (field) {
            case DEFINITION, NOTE, SENTENCE, QUOTE -> ENGLISH;
            case IDENTIFIER -> IDENTIFIERS;
            default -> NAMES;
        };
    }

    // Our own analyzers rather than jena-text's ConfigurableAnalyzer: that one passes its filters' arguments
    // through a static array shared by all threads, and the server analyses queries on many at once.
    private static TextIndexConfig config() {
        EntityDefinition def = new EntityDefinition(ENTITY, LABEL);
        FIELDS.forEach((field, predicates) -> predicates.forEach(p -> def.set(field, p)));
        def.setLangField(LANG);
        for (String f : FIELDS.keySet()) def.setAnalyzer(f, analyzer(f));
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(NAMES);
        config.setValueStored(true); // hits carry their literal, and highlighting needs it
        return config;
    }

    /**
     * The system property that turns the in-memory index off ({@code -Dfkg.search=off}): the graph then builds
     * without it, {@code text:query} finds nothing and {@code /api/search} answers 503. For a server that needs no
     * search, and for the benchmark that measures what the index adds to start-up.
     */
    public static final String SWITCH = "fkg.search";

    /** Whether {@link #SWITCH} turns the in-memory index off. */
    public static boolean off() { return "off".equalsIgnoreCase(System.getProperty(SWITCH, "on")); }

    /** Builds the index of {@code dsg} in memory and keeps it in the dataset's context. Returns it (null when {@link #off()}). */
    public static TextIndexLucene buildInMemory(DatasetGraph dsg) {
        if (off()) return null;
        long t0 = System.nanoTime();
        TextIndexLucene index = inMemory(dsg);
        attach(dsg, index);
        LOG.info("Text index built in memory: {} documents in {} ms", index.getIndexWriter().getDocStats().numDocs, (System.nanoTime() - t0) / 1_000_000);
        return index;
    }

    /**
     * Starts indexing {@code defaultGraph} in memory on a thread of its own, so that the index builds while the
     * graph is validated (the graph must not change until {@link #await} returned it).
     * Null when {@link #off()}.
     */
    public static Future<TextIndexLucene> buildAhead(Graph defaultGraph) {
        if (off()) return null;
        FutureTask<TextIndexLucene> task = new FutureTask<>(() -> {
            long t0 = System.nanoTime();
            TextIndexLucene index = fill(new ByteBuffersDirectory(), defaultGraph);
            LOG.info("Text index built in memory: {} documents in {} ms", index.getIndexWriter().getDocStats().numDocs, (System.nanoTime() - t0) / 1_000_000);
            return index;
        });
        Thread t = new Thread(task, "text-index-build");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** Waits for the index {@link #buildAhead} started (null when it started none). */
    public static TextIndexLucene await(Future<TextIndexLucene> ahead) {
        if (ahead == null) return null;
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the text index was built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("the text index could not be built: " + e.getCause(), e.getCause());
        }
    }

    /** Builds the index of a few literals, so that Lucene's classes are loaded and its code warm before the real build. */
    public static void warmUp() {
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.add(Triple.create(uri(FKG.RESOURCE + "warm-up"), RDFS.Nodes.label, NodeFactory.createLiteralLang("Warm-up Cártel 4-AP", "en")));
        g.add(Triple.create(uri(FKG.RESOURCE + "warm-up"), skos("definition"), NodeFactory.createLiteralString("Tariffs on imported pill presses.")));
        g.add(Triple.create(uri(FKG.RESOURCE + "warm-up"), FKG.term("casNumber"), NodeFactory.createLiteralString("1-2-3")));
        TextIndexLucene index = fill(new ByteBuffersDirectory(), g);
        index.query(java.util.List.of(), "label:warm* OR definition:tariff OR identifier:\"1-2-3\"", null, null, 10, "highlight:");
        index.close();
    }

    /** The index of {@code dsg} in memory, not attached to it (a store's generation written without one). */
    public static TextIndexLucene inMemory(DatasetGraph dsg) { return fill(new ByteBuffersDirectory(), dsg); }

    /** Writes the index of {@code dsg} into {@code folder} (created; must not hold an index yet). Returns the document count. */
    public static long write(DatasetGraph dsg, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Directory dir = new MMapDirectory(folder)) {
            TextIndexLucene index = fill(dir, dsg);
            long n = index.getIndexWriter().getDocStats().numDocs;
            index.close();
            return n;
        }
    }

    /**
     * Writes the last commit of the in-memory index {@code index} into {@code folder} (created; must not hold an
     * index yet), file for file: the same documents in the same order as the index it copies, so that ties rank
     * alike. Returns the document count.
     */
    public static long copy(TextIndexLucene index, Path folder) throws IOException {
        Files.createDirectories(folder);
        Directory from = index.getDirectory();
        SegmentInfos commit = SegmentInfos.readLatestCommit(from);
        try (Directory to = new MMapDirectory(folder)) {
            for (String file : commit.files(true)) to.copyFrom(from, file, file, IOContext.DEFAULT);
            to.sync(commit.files(true));
            to.syncMetaData();
        }
        return commit.totalMaxDoc();
    }

    /**
     * Opens the index {@link #write} left in {@code folder}, read only: no lock is taken, since nothing writes a
     * published generation, and several servers may read it at once.
     */
    public static TextIndexLucene open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(folder + ": no text index");
        return new SharedSearcherTextIndex(new MMapDirectory(folder, NoLockFactory.INSTANCE), config());
    }

    /** Keeps {@code index} in the context of {@code dsg}, where {@code text:query} and the search API find it (nothing when null). */
    public static void attach(DatasetGraph dsg, TextIndex index) {
        if (index != null) dsg.getContext().set(TextQuery.textIndex, index);
    }

    /** The index in the context of {@code dsg}, if any. */
    public static Optional<TextIndex> of(DatasetGraph dsg) {
        return dsg.getContext().get(TextQuery.textIndex) instanceof TextIndex t ? Optional.of(t) : Optional.empty();
    }

    private static TextIndexLucene fill(Directory dir, DatasetGraph dsg) {
        boolean txn = !dsg.isInTransaction();
        if (txn) dsg.begin(org.apache.jena.query.TxnType.READ);
        try {
            return fill(dir, dsg.getDefaultGraph());
        } finally {
            if (txn) dsg.end();
        }
    }

    /** Indexes {@code g} (the default graph of a dataset: asserted ∪ inferred) into {@code dir}. */
    private static TextIndexLucene fill(Directory dir, Graph g) {
        TextQuery.init();
        TextIndexLucene index = new SharedSearcherTextIndex(dir, config());
        add(index, g, g);
        return index;
    }

    /**
     * Adds the indexed literals of {@code triples} to {@code index} and commits (nothing when the index is null);
     * {@code types} tells which subjects are sentences.
     */
    public static void add(TextIndexLucene index, Graph triples, Graph types) {
        if (index == null) return;
        Graph g = triples;
        {
            for (var e : FIELDS.entrySet()) {
                for (Node p : e.getValue()) {
                    var it = g.find(Node.ANY, p, Node.ANY);
                    while (it.hasNext()) {
                        Triple t = it.next();
                        Node s = t.getSubject();
                        Node o = t.getObject();
                        if (!s.isURI() || !o.isLiteral() || o.getLiteralLexicalForm().isBlank()) continue;
                        // nif:anchorOf also spans paragraphs and located quotes: only the sentences are the report's text
                        if (p.equals(ANCHOR_OF) && !types.contains(s, RDF.Nodes.type, FKG.Sentence)) continue;
                        Entity entity = new Entity(TextQueryFuncs.subjectToString(s), null, o.getLiteralLanguage(), o.getLiteralDatatype());
                        entity.put(e.getKey(), o.getLiteralLexicalForm());
                        index.addEntity(entity);
                    }
                }
            }
        }
        index.commit();
    }

    /** Wraps an IOException for callers that cannot throw one. */
    static UncheckedIOException unchecked(IOException e) { return new UncheckedIOException(e); }
}
