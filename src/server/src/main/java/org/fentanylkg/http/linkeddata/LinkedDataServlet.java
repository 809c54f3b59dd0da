package org.fentanylkg.http.linkeddata;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.fentanylkg.vocab.Prefixes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * Dereferencing: every IRI of the namespace {@code https://w3id.org/fentanyl-kg/} is served at the same path on
 * this server, in Turtle, JSON-LD, RDF/XML, N-Triples or HTML by content negotiation ({@code ?format=}
 * overrides), with ETag, Last-Modified and conditional GET. Also the dataset description, the JSON-LD context
 * and the dumps.
 */
public final class LinkedDataServlet extends HttpServlet {
    public static final String CONTEXT_PATH = "context.jsonld";

    private final LinkedData ld;
    private final HtmlPages pages;

    public LinkedDataServlet(LinkedData ld, HtmlPages pages) {
        this.ld = ld;
        this.pages = pages;
    }

    /** Errors are {@link HttpError}s, written by the server's one error path. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, jakarta.servlet.ServletException {
        String m = request.getMethod();
        if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS")) {
            throw HttpError.methodNotAllowed(m, "GET, HEAD, OPTIONS", "this resource is read-only: use GET or HEAD");
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(RequestPaths.check(request), request, response);
    }

    private void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The snapshot (and so the generation) first: whatever is rendered after is of this generation or a later one.
        LinkedData.Snapshot snapshot = ld.snapshot();
        Links links = ld.links(request);
        String local = path.substring(1);
        if (local.equals(CONTEXT_PATH)) {
            Representation.of(snapshot.generation(), Format.JSONLD, request, links)
                    .sendText(request, response, () -> new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(jsonLdContext()));
            return;
        }
        if (local.startsWith(Dumps.PATH) || local.equals("dumps")) {
            dump(local, snapshot, request, response);
            return;
        }
        Node iri = NodeFactory.createURI(Links.canonical(path));
        Format format = Negotiation.choose(request, Format.DESCRIPTION);
        boolean dataset = local.isEmpty() || local.equals(DatasetDescription.PATH);
        // Looked up, not rendered, before the validators are compared: a 304 or If-None-Match: * needs a resource.
        if (!dataset && !ld.read(() -> snapshot.describer().exists(iri))) {
            throw HttpError.notFound("<" + iri.getURI() + "> is not in the knowledge graph (no triple mentions it)");
        }
        Representation rep = Representation.of(snapshot.generation(), format, request, links);
        rep.header("Vary", "Accept");
        for (Format f : Format.DESCRIPTION) {
            rep.header("Link", "<" + links.local(iri.getURI()) + "?format=" + f.formatName() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"");
        }
        rep.send(request, response, () -> ld.read(() -> {
            if (format == Format.HTML) return pages.page(iri, snapshot, links).getBytes(StandardCharsets.UTF_8);
            DatasetGraph dsg = ld.dataset();
            Graph g;
            if (dataset) g = snapshot.datasetDescription(links).getGraph();
            else if (iri.getURI().equals(FKG.ONTOLOGY_IRI)) g = copy(dsg.getGraph(Graphs.ONTOLOGY));
            else if (iri.getURI().startsWith(FKG.GRAPH) && dsg.containsGraph(iri)) g = copy(dsg.getGraph(iri));
            else g = snapshot.describer().describe(iri).rdf();
            return rdf(g, format);
        }));
    }

    private static Graph copy(Graph source) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Prefixes.map());
        source.find().forEachRemaining(g::add);
        return g;
    }

    private static byte[] rdf(Graph g, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(format.rdf()).output(out);
        return out.toByteArray();
    }

    /** The JSON-LD context of every JSON-LD document the server writes: the shared prefixes. */
    public static JsonObject jsonLdContext() {
        JsonObject terms = new JsonObject();
        Prefixes.map().forEach(terms::addProperty);
        JsonObject ctx = new JsonObject();
        ctx.add("@context", terms);
        return ctx;
    }

    /** A dump by its file name, or {@code dumps/fentanyl-kg} in the format the request negotiates. */
    private void dump(String local, LinkedData.Snapshot snapshot, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = local.startsWith(Dumps.PATH) ? local.substring(Dumps.PATH.length()) : "";
        Dumps.Dump dump = name.equals(Dumps.NAME) ? Dumps.Dump.of(Negotiation.choose(request, Format.DUMPS))
                : Dumps.Dump.byFileName(name).orElseThrow(() -> HttpError.notFound("no dump named '" + Negotiation.clip(name)
                        + "'; the dumps are " + List.of(Dumps.Dump.values()).stream().map(Dumps.Dump::path).collect(Collectors.joining(", "))
                        + ", or " + Dumps.PATH + Dumps.NAME + " by content negotiation"));
        Representation rep = Representation.of(snapshot.generation(), dump.format().contentType(), request.getRequestURI())
                .header("Content-Disposition", "attachment; filename=\"" + dump.fileName() + "\"");
        if (name.equals(Dumps.NAME)) rep.header("Vary", "Accept");
        rep.send(request, response, () -> snapshot.dump(dump));
    }
}
