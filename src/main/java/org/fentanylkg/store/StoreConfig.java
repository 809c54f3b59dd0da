package org.fentanylkg.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.http.KnowledgeGraphServer;
import org.fentanylkg.http.ServerConfig;
import org.fentanylkg.http.ServerModules;
import org.fentanylkg.source.Sources;

/**
 * Turns a service configuration into one that serves a store: every {@code fkgc:KnowledgeGraph} dataset
 * (built from the sources at start) becomes an {@code fkgc:Store} at the given folder. Endpoints, timeouts and
 * everything else in the configuration stay as they are.
 */
public final class StoreConfig {
    private StoreConfig() {}

    /**
     * A server for the store: the configuration {@code config} (null: the packaged one) rewritten by
     * {@link #serving}, and the default modules less those that need the in-memory graph ({@link StoreModules}).
     */
    public static KnowledgeGraphServer server(Path config, Path store) throws IOException {
        Path file = config != null ? config : Sources.embeddedRoot().resolve(ServerConfig.FILE_NAME);
        return KnowledgeGraphServer.create().config(serving(file, store)).modules(StoreModules.forStore(ServerModules.defaults()));
    }

    /** Writes the rewritten configuration to a temporary file (deleted on exit) and returns it. */
    public static Path serving(Path config, Path store) throws IOException {
        if (KnowledgeGraphStore.at(store).current().isEmpty()) {
            throw new IOException(store + ": not a fentanyl-kg store (no CURRENT file); build one with `fentanyl-kg load --tdb2 " + store + "`");
        }
        Model model = ServerConfig.read(config);
        List<Resource> datasets = model.listResourcesWithProperty(RDF.type, KnowledgeGraphAssembler.TYPE).toList();
        if (datasets.isEmpty()) throw new IOException(config + ": declares no fkgc:KnowledgeGraph dataset to serve from " + store);
        for (Resource ds : datasets) {
            List<Statement> old = ds.listProperties(KnowledgeGraphAssembler.SOURCES).toList();
            model.remove(old);
            model.remove(ds, RDF.type, KnowledgeGraphAssembler.TYPE);
            model.add(ds, RDF.type, StoreAssembler.TYPE);
            model.add(ds, StoreAssembler.LOCATION, model.createResource(store.toAbsolutePath().normalize().toUri().toString()));
        }
        Path tmp = Files.createTempFile("fentanyl-kg-store-", ".ttl");
        tmp.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(tmp)) {
            RDFDataMgr.write(out, model, Lang.TURTLE);
        }
        StoreAssembler.register();
        return tmp;
    }
}
