package org.fentanylkg.http.linkeddata;

import org.fentanylkg.vocab.Prefixes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The full dumps, written from the live dataset: the default graph (asserted ∪ inferred) in Turtle, N-Triples
 * and JSON-LD, and the whole dataset with its named graphs in N-Quads.
 */
public final class Dumps {
    public static final String PATH = "dumps/";
    public static final String NAME = "fentanyl-kg";

    /** One dump: its file name, its format and whether it holds the named graphs. */
    public enum Dump {
        TURTLE(Format.TURTLE, false), NTRIPLES(Format.NTRIPLES, false), NQUADS(Format.NQUADS, true), JSONLD(Format.JSONLD, false);

        private final Format format;
        private final boolean dataset;

        Dump(Format format, boolean dataset) {
            this.format = format;
            this.dataset = dataset;
        }

        public Format format() { return format; }

        public boolean withNamedGraphs() { return dataset; }

        public String fileName() { return NAME + "." + format.formatName(); }

        /** The dump's path on the server ({@code dumps/fentanyl-kg.ttl}). */
        public String path() { return PATH + fileName(); }

        public String title() {
            return switch (this) {
                case TURTLE -> "Turtle, default graph (asserted and inferred)";
                case NTRIPLES -> "N-Triples, default graph (asserted and inferred)";
                case NQUADS -> "N-Quads, the default graph and every named graph";
                case JSONLD -> "JSON-LD, default graph (asserted and inferred)";
            };
        }

        /** The dump in a format of {@link Format#DUMPS}. */
        public static Dump of(Format format) {
            return List.of(values()).stream().filter(d -> d.format == format).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dump in " + format));
        }

        public static Optional<Dump> byFileName(String name) {
            return List.of(values()).stream().filter(d -> d.fileName().equals(name)).findFirst();
        }
    }

    private Dumps() {}

    /** Writes a dump (call inside a read transaction). */
    public static byte[] write(DatasetGraph dsg, Dump dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        if (dump.withNamedGraphs()) {
            RDFWriter.source(dsg).format(dump.format().rdf()).output(out);
        } else {
            Graph g = GraphFactory.createDefaultGraph();
            g.getPrefixMapping().setNsPrefixes(Prefixes.map());
            dsg.getDefaultGraph().find().forEachRemaining(g::add);
            RDFWriter.source(g).format(dump.format().rdf()).output(out);
        }
        return out.toByteArray();
    }
}
