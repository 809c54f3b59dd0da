package org.fentanylkg.http.linkeddata;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dereferencing: every IRI of the namespace {@code https://w3id.org/fentanyl-kg/} is served at the same path on
 * this server, in Turtle, JSON-LD, RDF/XML, N-Triples or HTML by content negotiation ({@code ?format=}
 * overrides), with ETag, Last-Modified and conditional GET. Also the dataset description, the JSON-LD context
 * and the dumps.
 */
public final class LinkedDataServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(LinkedDataServlet.class);
    public static final String CONTEXT_PATH = "context.jsonld";

    private final LinkedData ld;
    private final HtmlPages pages;

    public LinkedDataServlet(LinkedData ld, HtmlPages pages) {
        this.ld = ld;
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String path = RequestPaths.check(request);
            serve(path, request, response);
        } catch (HttpError e) {
            e.send(response);
        } catch (RuntimeException e) {
            LOG.error("{} {}: {}", request.getMethod(), request.getRequestURI(), e.toString(), e);
            HttpError.send(response, 500, "the server failed to answer this request; the error is in its log");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException { notAllowed(response); }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException { notAllowed(response); }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException { notAllowed(response); }

    private static void notAllowed(HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        HttpError.send(response, 405, "this resource is read-only: use GET or HEAD");
    }

    private void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LinkedData.Snapshot snapshot = ld.snapshot();
        Links links = ld.links(request);
        String local = path.substring(1);
        if (local.equals(CONTEXT_PATH)) {
            context(snapshot).send(request, response);
            return;
        }
        if (local.startsWith(Dumps.PATH) || local.equals("dumps")) {
            dump(local, snapshot, request, response);
            return;
        }
        Node iri = NodeFactory.createURI(Links.canonical(path));
        Format format = Negotiation.choose(request, Format.DESCRIPTION);
        Representation rep = ld.read(() -> {
            DatasetGraph dsg = ld.dataset();
            boolean dataset = local.isEmpty() || local.equals(DatasetDescription.PATH);
            if (!dataset && !snapshot.describer().exists(iri)) {
                throw HttpError.notFound("<" + iri.getURI() + "> is not in the knowledge graph (no triple mentions it)");
            }
            if (format == Format.HTML) return Representation.text(pages.page(iri, snapshot, links), format, snapshot.lastModified());
            Graph g;
            if (dataset) g = snapshot.datasetDescription(links).getGraph();
            else if (iri.getURI().equals(FKG.ONTOLOGY_IRI)) g = copy(dsg.getGraph(Graphs.ONTOLOGY));
            else if (iri.getURI().startsWith(FKG.GRAPH) && dsg.containsGraph(iri)) g = copy(dsg.getGraph(iri));
            else g = snapshot.describer().describe(iri).rdf();
            return rdf(g, format, snapshot);
        });
        rep.header("Vary", "Accept");
        for (Format f : Format.DESCRIPTION) {
            rep.header("Link", "<" + links.local(iri.getURI()) + "?format=" + f.formatName() + ">; rel=\"alternate\"; type=\"" + f.mediaType() + "\"");
        }
        rep.send(request, response);
    }

    private static Graph copy(Graph source) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefixes(Prefixes.map());
        source.find().forEachRemaining(g::add);
        return g;
    }

    private static Representation rdf(Graph g, Format format, LinkedData.Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(format.rdf()).output(out);
        return new Representation(out.toByteArray(), format.contentType(), snapshot.lastModified());
    }

    /** The JSON-LD context of every JSON-LD document the server writes: the shared prefixes. */
    public static JsonObject jsonLdContext() {
        JsonObject terms = new JsonObject();
        Prefixes.map().forEach(terms::addProperty);
        JsonObject ctx = new JsonObject();
        ctx.add("@context", terms);
        return ctx;
    }

    private static Representation context(LinkedData.Snapshot snapshot) {
        return Representation.text(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(jsonLdContext()), Format.JSONLD, snapshot.lastModified());
    }

    private void dump(String local, LinkedData.Snapshot snapshot, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = local.startsWith(Dumps.PATH) ? local.substring(Dumps.PATH.length()) : "";
        Dumps.Dump dump = Dumps.Dump.byFileName(name).orElseThrow(() -> HttpError.notFound("no dump named '" + Negotiation.clip(name)
                + "'; the dumps are " + List.of(Dumps.Dump.values()).stream().map(Dumps.Dump::path).collect(Collectors.joining(", "))));
        new Representation(snapshot.dump(dump), dump.format().contentType(), snapshot.lastModified())
                .header("Content-Disposition", "attachment; filename=\"" + dump.fileName() + "\"")
                .send(request, response);
    }
}
