package org.fentanylkg.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.fentanylkg.dataset.BuiltGraph;
import org.fentanylkg.dataset.ConfiguredSources;
import org.fentanylkg.dataset.KnowledgeGraphAssembler;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.fentanylkg.dataset.ServedGraph;
import org.fentanylkg.source.Sources;

/**
 * The served knowledge graph a configuration declares: the one {@code fuseki:Service} whose dataset is a
 * {@code fkgc:KnowledgeGraph} (built in memory) or a {@code fkgc:Store} (a TDB2 store). The dataset's name is that
 * service's {@code fuseki:name}, so it is written once, in the configuration.
 *
 * <p>Jena's assemblers build the datasets when Fuseki reads the configuration; {@link #offer} hands them the served
 * graph opened here, so the graph the modules were given is the one Fuseki serves.
 */
public final class ServedGraphs {
    private static final String FUSEKI = "http://jena.apache.org/fuseki#";

    private ServedGraphs() {}

    /** What {@link #offer} made available; closing it withdraws anything the assemblers did not take. */
    public interface Offer extends AutoCloseable {
        @Override void close();
    }

    /** Opens (starts building, or opens the store of) the knowledge graph {@code config} declares. */
    public static ServedGraph open(Model config) throws IOException { return open(config, null); }

    /**
     * As {@link #open(Model)}; a graph built in memory is read from the {@link PrebuiltGeneration} in
     * {@code prebuilt} instead, when there is one built from the same sources (null: always build).
     */
    public static ServedGraph open(Model config, Path prebuilt) throws IOException {
        Resource service = null;
        Resource dataset = null;
        List<String> found = new ArrayList<>();
        for (Statement s : config.listStatements(null, config.createProperty(FUSEKI, "dataset"), (RDFNode) null).toList()) {
            if (!s.getObject().isResource()) continue;
            Resource ds = s.getResource();
            if (ds.hasProperty(RDF.type, KnowledgeGraphAssembler.TYPE) || ds.hasProperty(RDF.type, StoreAssembler.TYPE)) {
                service = s.getSubject();
                dataset = ds;
                found.add(name(service));
            }
        }
        if (found.isEmpty()) throw new IOException("the configuration declares no service whose fuseki:dataset is a fkgc:KnowledgeGraph or a fkgc:Store");
        if (found.size() > 1) throw new IOException("the configuration declares " + found.size() + " knowledge-graph services " + found + "; serve one");
        String name = found.get(0);
        if (dataset.hasProperty(RDF.type, StoreAssembler.TYPE)) {
            Path location = path(dataset, StoreAssembler.LOCATION);
            if (location == null) throw new IOException(name + ": fkgc:location is required: the folder of a store built by `fentanyl-kg load`");
            Path queries = path(dataset, KnowledgeGraphAssembler.SOURCES);
            return new StoredGraph(name, location, queries != null ? queries : Sources.embeddedRoot());
        }
        Path sources = path(dataset, KnowledgeGraphAssembler.SOURCES);
        if (sources == null) throw new IOException(name + ": fkgc:sources is required: the folder holding ontology/ and data/");
        if (prebuilt == null) return new BuiltGraph(name, sources);
        return new BuiltGraph(name, sources, () -> {
            var read = PrebuiltGeneration.read(prebuilt, sources);
            return read.isPresent() ? read.get() : BuiltGraph.Content.of(KnowledgeGraphBuilder.build(sources));
        });
    }

    /** Lets the assemblers of {@code config}'s knowledge-graph dataset take {@code graph}'s dataset instead of building one. */
    public static Offer offer(Model config, ServedGraph graph) {
        List<Node> offered = new ArrayList<>();
        for (Resource type : List.of(KnowledgeGraphAssembler.TYPE, StoreAssembler.TYPE)) {
            for (Resource ds : config.listResourcesWithProperty(RDF.type, type).toList()) {
                KnowledgeGraphAssembler.offer(ds.asNode(), graph);
                offered.add(ds.asNode());
            }
        }
        return () -> offered.forEach(KnowledgeGraphAssembler::withdraw);
    }

    /** The path a property gives: an IRI (file: or jar:) or a path string. */
    static Path path(Resource r, org.apache.jena.rdf.model.Property p) {
        Statement s = r.getProperty(p);
        return s == null ? null : ConfiguredSources.path(s.getObject(), p);
    }

    private static String name(Resource service) {
        Statement s = service.getProperty(service.getModel().createProperty(FUSEKI, "name"));
        String n = s == null ? "" : s.getString();
        return n.startsWith("/") ? n : "/" + n;
    }
}
