package org.fentanylkg.store;

import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's modules when it serves a store. A store holds the dataset but not the in-memory
 * {@link KnowledgeGraph}; a module that requires it ({@code ServerModules.knowledgeGraph} throws: the
 * explanations, when the generation kept no derivations) is left out, with a warning, instead of stopping the
 * server; any other failure still stops it, so that no module (limits, security) is ever dropped silently.
 */
public final class StoreModules {
    private static final Logger LOG = LoggerFactory.getLogger(StoreModules.class);
    /** The message of {@code ServerModules.knowledgeGraph} when the dataset is not an in-memory knowledge graph. */
    private static final String NOT_A_KNOWLEDGE_GRAPH = "is not a fkgc:KnowledgeGraph dataset";

    private StoreModules() {}

    public static List<FusekiModule> forStore(List<FusekiModule> modules) {
        return modules.stream().map(m -> (FusekiModule) new Guarded(m)).toList();
    }

    private static final class Guarded implements FusekiModule {
        private final FusekiModule m;
        private boolean off;

        Guarded(FusekiModule m) { this.m = m; }

        @Override public String name() { return m.name(); }

        @Override public void prepare(FusekiServer.Builder b, Set<String> names, Model config) { m.prepare(b, names, config); }

        @Override
        public void configured(FusekiServer.Builder b, DataAccessPointRegistry registry, Model config) {
            try {
                m.configured(b, registry, config);
            } catch (IllegalStateException e) {
                if (e.getMessage() == null || !e.getMessage().contains(NOT_A_KNOWLEDGE_GRAPH)) throw e;
                off = true;
                LOG.warn("'{}' is not available when serving this TDB2 store: its generation keeps no derivations ({}); run load again to add them",
                        m.name(), DerivationFile.DATA + " and " + DerivationFile.INDEX);
            }
        }

        @Override public void configDataAccessPoint(DataAccessPoint dap, Model config) { if (!off) m.configDataAccessPoint(dap, config); }

        @Override public void server(FusekiServer s) { if (!off) m.server(s); }

        @Override public boolean serverConfirmReload(FusekiServer s) { return off || m.serverConfirmReload(s); }

        @Override public void serverReload(FusekiServer s) { if (!off) m.serverReload(s); }

        @Override public void serverBeforeStarting(FusekiServer s) { if (!off) m.serverBeforeStarting(s); }

        @Override public void serverAfterStarting(FusekiServer s) { if (!off) m.serverAfterStarting(s); }

        @Override public void serverStopped(FusekiServer s) { if (!off) m.serverStopped(s); }
    }
}
