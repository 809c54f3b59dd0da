package org.fentanylkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.jena.assembler.Assembler;
import org.apache.jena.assembler.exceptions.AssemblerException;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.assembler.AssemblerUtils;
import org.apache.jena.sparql.core.assembler.DatasetAssembler;
import org.fentanylkg.dataset.ConfiguredSources;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.vocab.FKGC;

/**
 * Lets a Fuseki configuration serve a store built by {@code fentanyl-kg load}:
 * <pre>  &lt;#dataset&gt; a fkgc:Store ; fkgc:location "/var/lib/fentanyl-kg" .</pre>
 * Nothing is recomputed at start; the server follows the store's published generation ({@link ServingDataset}).
 */
public final class StoreAssembler extends DatasetAssembler {
    public static final Resource TYPE = FKGC.Store;
    public static final Property LOCATION = FKGC.location;

    /** Registers the assembler with Jena; call before a configuration is parsed. Idempotent. */
    public static void register() { AssemblerUtils.registerDataset(TYPE, new StoreAssembler()); }

    @Override
    protected DatasetGraph createDataset(Assembler a, Resource root) {
        var offered = KnowledgeGraphAssembler.take(root.asNode());
        if (offered.isPresent()) return offered.get().dataset();
        RDFNode loc = root.getProperty(LOCATION) == null ? null : root.getProperty(LOCATION).getObject();
        if (loc == null) throw new AssemblerException(root, "fkgc:location is required: the folder of a store built by `fentanyl-kg load`");
        Path path = ConfiguredSources.path(loc, FKGC.location);
        try {
            return KnowledgeGraphStore.at(path).serve();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
