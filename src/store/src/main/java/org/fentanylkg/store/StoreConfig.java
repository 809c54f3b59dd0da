package org.fentanylkg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;

/**
 * Turns a service configuration into one that serves a store: every {@code fkgc:KnowledgeGraph} dataset
 * (built from the sources at start) becomes an {@code fkgc:Store} at the given folder. Endpoints, timeouts and
 * everything else in the configuration stay as they are. The rewrite is in memory: no file is written.
 */
public final class StoreConfig {
    private StoreConfig() {}

    /** {@code model} (read from {@code file}) rewritten to serve the store at {@code store}. */
    public static Model serving(Model model, Path file, Path store) throws IOException {
        if (KnowledgeGraphStore.at(store).current().isEmpty()) {
            throw new IOException(store + ": not a fentanyl-kg store (no CURRENT file); build one with `fentanyl-kg load --tdb2 " + store + "`");
        }
        List<Resource> datasets = model.listResourcesWithProperty(RDF.type, KnowledgeGraphAssembler.TYPE).toList();
        if (datasets.isEmpty()) throw new IOException(file + ": declares no fkgc:KnowledgeGraph dataset to serve from " + store);
        for (Resource ds : datasets) {
            List<Statement> old = ds.listProperties(KnowledgeGraphAssembler.SOURCES).toList();
            model.remove(old);
            model.remove(ds, RDF.type, KnowledgeGraphAssembler.TYPE);
            model.add(ds, RDF.type, StoreAssembler.TYPE);
            model.add(ds, StoreAssembler.LOCATION, model.createResource(store.toAbsolutePath().normalize().toUri().toString()));
        }
        return model;
    }
}
