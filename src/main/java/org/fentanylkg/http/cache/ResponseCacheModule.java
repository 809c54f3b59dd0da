package org.fentanylkg.http.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.LongSupplier;
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
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.dataset.SwitchingDataset;
import org.fentanylkg.http.ServerModules;
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
    public static final Property RESPONSE_CACHE_BYTES = ResourceFactory.createProperty(KnowledgeGraphAssembler.NS + "responseCacheBytes");
    public static final long DEFAULT_BYTES = 64L << 20;
    /** The largest body kept: a bigger one (a dump) is streamed as usual and not kept. */
    public static final int MAX_ENTRY_BYTES = 1 << 20;

    private long bytes = DEFAULT_BYTES;

    @Override
    public String name() { return "fentanyl-kg response cache"; }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        bytes = bytes(configModel);
        if (bytes == 0) LOG.info("Response cache off (fkgc:responseCacheBytes 0)");
        else LOG.info("Response cache: {} bytes for read-only pages and saved-query answers (entries up to {} bytes), keyed by dataset generation",
                bytes, entryBytes());
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        if (bytes == 0) return;
        DataAccessPoint dap = registry.get(ServerModules.DATASET);
        if (dap == null) throw new IllegalStateException("fuseki-config.ttl declares no dataset named " + ServerModules.DATASET);
        // OpsModule puts its Prometheus registry there (in prepare, before any configured step).
        MeterRegistry meters = builder.getServletAttribute(Fuseki.attrMetricsProvider) instanceof MetricsProvider m ? m.getMeterRegistry() : null;
        ResponseCache cache = new ResponseCache(bytes, entryBytes());
        builder.addFilter("/*", new ResponseCacheFilter(cache, generationOf(dap.getDataService().getDataset()), meters));
    }

    private int entryBytes() { return (int) Math.min(MAX_ENTRY_BYTES, bytes); }

    /**
     * A number that changes whenever the served content does: the data only changes by a switch (an administrative
     * reload, a new store generation: {@link SwitchingDataset}); else it is fixed.
     */
    static LongSupplier generationOf(DatasetGraph served) {
        return SwitchingDataset.under(served).<LongSupplier>map(s -> s::switches).orElse(() -> 0L);
    }

    /** fkgc:responseCacheBytes of the server node; the default when absent. */
    static long bytes(Model config) {
        Resource server = config == null ? null
                : config.listResourcesWithProperty(RDF.type, FusekiVocab.tServer).nextOptional().orElse(null);
        Statement s = server == null ? null : server.getProperty(RESPONSE_CACHE_BYTES);
        if (s == null) return DEFAULT_BYTES;
        String v = s.getObject().isLiteral() ? s.getObject().asLiteral().getLexicalForm().trim() : s.getObject().toString();
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("fuseki-config.ttl: responseCacheBytes must be a whole number of bytes, 0 or more (0: off), not '" + v + "'");
    }
}
