package org.fentanylkg.http.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.fentanylkg.http.security.SecuritySettings;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.vocab.FKGC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-side cache of the read-only pages, as a Fuseki module. The data does not change between reloads, so,
 * as the Wikidata Query Service puts Varnish in front of its endpoint, the answer to a GET of a linked-data page
 * or of a saved query is kept in memory and sent again byte for byte ({@link ResponseCacheFilter}).
 *
 * <p>{@code fkgc:responseCacheBytes} on the {@code fuseki:Server} bounds its memory (default 64 MiB; 0 turns it
 * off). Entries are keyed by the served dataset's generation, so a reload never serves the facts it replaced.
 * The filter is added in {@code configured}, after those of the operations and security modules, so a hit is
 * still logged, counted and given their headers; its hits and misses are counted at {@code /$/metrics}.
 */
public final class ResponseCacheModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseCacheModule.class);
    public static final long DEFAULT_BYTES = 64L << 20;
    public static final long DEFAULT_ANSWER_BYTES = 64L << 20;
    /** The largest body kept: a bigger one (a whole graph in N-Triples) is streamed as usual and not kept. */
    public static final int MAX_ENTRY_BYTES = 1 << 20;
    /** The largest query answer kept: room for the largest saved query's JSON answer several times over. */
    public static final int MAX_ANSWER_ENTRY_BYTES = 8 << 20;

    private final ServedGraph graph;
    private long bytes = DEFAULT_BYTES;
    private long answerBytes = DEFAULT_ANSWER_BYTES;
    private int maxQueryLength;

    @Override
    public String name() { return "fentanyl-kg response cache"; }

    public ResponseCacheModule(ServedGraph graph) { this.graph = graph; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        bytes = bytes(configModel, FKGC.responseCacheBytes, DEFAULT_BYTES);
        answerBytes = bytes(configModel, FKGC.answerCacheBytes, DEFAULT_ANSWER_BYTES);
        maxQueryLength = SecuritySettings.from(configModel).maxQueryLength();
        if (bytes == 0) LOG.info("Response cache off (fkgc:responseCacheBytes 0)");
        else LOG.info("Response cache: {} bytes for read-only pages and saved-query answers (entries up to {} bytes), keyed by dataset generation",
                bytes, entryBytes(bytes));
        if (answerBytes == 0) LOG.info("Answer cache of the SPARQL endpoints off (fkgc:answerCacheBytes 0)");
        else LOG.info("Answer cache of the SPARQL endpoints: {} bytes (entries up to {} bytes), keyed by dataset generation, query, dataset and format",
                answerBytes, answerEntryBytes(answerBytes));
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        if (bytes == 0 && answerBytes == 0) return;
        DataAccessPoint dap = registry.get(graph.name());
        // OpsModule puts its Prometheus registry there (in prepare, before any configured step).
        MeterRegistry meters = builder.getServletAttribute(Fuseki.attrMetricsProvider) instanceof MetricsProvider m ? m.getMeterRegistry() : null;
        Supplier<Generation> generation = graph::generation;
        if (bytes > 0) {
            ResponseCache cache = new ResponseCache(bytes, entryBytes(bytes), evictions(meters, "pages"));
            builder.addFilter("/*", new ResponseCacheFilter(cache, generation, meters));
        }
        if (answerBytes > 0) {
            Set<String> paths = new HashSet<>();
            for (Endpoint e : dap.getDataService().getEndpoints(Operation.Query)) {
                paths.add(dap.getName() + (e.getName() == null || e.getName().isEmpty() ? "" : "/" + e.getName()));
            }
            ResponseCache cache = new ResponseCache(answerBytes, answerEntryBytes(answerBytes), evictions(meters, "answers"));
            Coalescing answers = new Coalescing(cache, counter(meters, "answers", "hit"), counter(meters, "answers", "miss"));
            builder.addFilter("/*", new AnswerCacheFilter(paths, answers, generation, maxQueryLength));
        }
    }

    private static int entryBytes(long bytes) { return (int) Math.min(MAX_ENTRY_BYTES, bytes); }

    private static int answerEntryBytes(long bytes) { return (int) Math.min(MAX_ANSWER_ENTRY_BYTES, bytes); }

    /** Requests a cache could answer, by cache ("pages", "answers") and result ("hit", "miss"); null without meters. */
    static Counter counter(MeterRegistry meters, String cache, String result) {
        if (meters == null) return null;
        return Counter.builder("fkg.http.cache.requests").description("Requests a cache could answer, by cache and result")
                .tag("cache", cache).tag("result", result).register(meters);
    }

    private static Runnable evictions(MeterRegistry meters, String cache) {
        if (meters == null) return () -> {};
        Counter c = Counter.builder("fkg.http.cache.evictions").description("Entries dropped to keep a cache within its bytes, by cache")
                .tag("cache", cache).register(meters);
        return c::increment;
    }

    /** fkgc:responseCacheBytes of the server node; the default when absent. */
    static long bytes(Model config) { return bytes(config, FKGC.responseCacheBytes, DEFAULT_BYTES); }

    /** A size in bytes on the server node ({@code fkgc:responseCacheBytes}, {@code fkgc:answerCacheBytes}); the default when absent. */
    static long bytes(Model config, Property p, long dflt) {
        Resource server = config == null ? null
                : config.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).nextOptional().orElse(null);
        List<Statement> all = server == null ? List.of() : server.listProperties(p).toList();
        if (all.isEmpty()) return dflt;
        if (all.size() > 1) throw new IllegalArgumentException("fuseki-config.ttl: fkgc:" + p.getLocalName() + " is given " + all.size()
                + " times on the fuseki:Server; give it once");
        Statement s = all.get(0);
        String v = s.getObject().isLiteral() ? s.getObject().asLiteral().getLexicalForm().trim() : s.getObject().toString();
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("fuseki-config.ttl: fkgc:" + p.getLocalName() + " must be a whole number of bytes, 0 or more (0: off), not '" + v + "'");
    }
}
