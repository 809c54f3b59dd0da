package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Graphs;

/** The page of one of the dataset's fixed named graphs: what it holds, its size, and its content for download. */
final class GraphPage {
    private GraphPage() {}

    private static final Map<Node, String> ABOUT = Map.of(
            Graphs.ASSERTED, "Everything loaded from the repository: the ontology, the report, the curated facts and their provenance.",
            Graphs.INFERRED, "Only what OWL 2 RL inference adds to the asserted triples, and nothing else.",
            Graphs.ONTOLOGY, "The ontology (ontology/fentanyl-kg.ttl).",
            Graphs.REPORT, "The report as text: the document, its paragraphs and sentences, with their text and character offsets (NIF).",
            Graphs.PROVENANCE, "The evidence of every fact: quotes located in the report, and public sources.",
            Graphs.VOCABULARIES, "The published files of the reused vocabularies (W3C ORG, PROV-O, SKOS, DCTERMS, FOAF, NIF, ...), whole;"
                    + " not inferred from. The labels and definitions of the terms the graph uses are also in the default graph.");

    static Map<String, Object> view(Node graph, LinkedData.Snapshot snapshot, Links links, Node report) {
        Map<String, Object> page = Templates.page(links, report, "Named graph " + graph.getURI().substring(graph.getURI().lastIndexOf('/') + 1), "dataset");
        page.put("iri", graph.getURI());
        page.put("about", ABOUT.get(graph));
        page.put("triples", snapshot.statistics().graph(graph));
        List<Map<String, Object>> formats = new ArrayList<>();
        for (Format f : Format.GRAPH) formats.add(View.of("name", f.formatName(), "type", f.mediaType(), "href", links.local(graph.getURI()) + "?format=" + f.formatName()));
        page.put("formats", formats);
        page.put("gsp", links.at("kg/get") + "?graph=" + Values.enc(graph.getURI()));
        page.put("sparql", links.queryUi("SELECT ?s ?p ?o WHERE {\n  GRAPH <" + graph.getURI() + "> { ?s ?p ?o }\n}\nLIMIT 100\n", true));
        return page;
    }
}
