package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.fentanylkg.http.linkeddata.DatasetDescription;
import org.fentanylkg.http.linkeddata.Dumps;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.http.linkeddata.Statistics;
import org.fentanylkg.vocab.Graphs;

/** The landing page: what the graph is, its size, its entities by class, and where to go next. */
final class LandingPage {
    private LandingPage() {}

    static Map<String, Object> view(LinkedData.Snapshot snapshot, Links links, Node report) {
        Statistics stats = snapshot.statistics();
        Map<String, Object> page = Templates.page(links, report, "fentanyl-kg", "home");
        page.put("description", DatasetDescription.DESCRIPTION);
        page.put("triples", stats.triples());
        page.put("asserted", stats.graph(Graphs.ASSERTED));
        page.put("inferred", stats.graph(Graphs.INFERRED));
        page.put("factGraphs", stats.factGraphs());
        page.put("entities", stats.entities());
        List<Map<String, Object>> classes = new ArrayList<>();
        stats.classEntities().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Node, Long> e) -> -e.getValue())
                        .thenComparing(e -> snapshot.labels().of(e.getKey()).toLowerCase()))
                .forEach(e -> classes.add(View.of("label", snapshot.labels().of(e.getKey()), "short", Prefixes.shortForm(e.getKey().getURI()),
                        "href", links.href(e.getKey()), "count", e.getValue(),
                        "list", links.queryUi(OntologyPage.instancesQuery(e.getKey()), true))));
        page.put("classes", classes);
        page.put("classCount", classes.size());
        List<Map<String, Object>> dumps = new ArrayList<>();
        for (Dumps.Dump d : Dumps.Dump.values()) {
            dumps.add(View.of("href", links.at(d.path()), "name", d.fileName(), "title", d.title(), "size", Sizes.human(snapshot.dump(d).length)));
        }
        page.put("dumps", dumps);
        page.put("report", report == null ? null : View.of("href", links.local(report.getURI()), "text", snapshot.labels().of(report)));
        page.put("links", View.of("query", links.at("query"), "saved", links.at("query") + "#saved", "ontology", links.at("ontology"),
                "void", links.at(DatasetDescription.PATH), "endpoint", links.at("kg/sparql"), "context", links.at("context.jsonld")));
        return page;
    }
}
