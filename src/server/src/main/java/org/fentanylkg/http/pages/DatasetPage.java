package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.fentanylkg.http.linkeddata.DatasetDescription;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.http.linkeddata.Statistics;
import org.fentanylkg.vocab.FKG;

/** The VoID and DCAT description as a page: the dataset's properties, its distributions, classes, properties and graphs. */
final class DatasetPage {
    private DatasetPage() {}

    static Map<String, Object> view(LinkedData.Snapshot snapshot, Links links, Node report) {
        Model m = snapshot.datasetDescription(links);
        Labels labels = snapshot.labels();
        Statistics stats = snapshot.statistics();
        Map<String, Object> page = Templates.page(links, report, "Dataset description (VoID and DCAT)", "dataset");
        Resource ds = m.getResource(FKG.BASE);
        List<Map<String, Object>> props = new ArrayList<>();
        List<Map<String, Object>> distributions = new ArrayList<>();
        for (Statement s : ds.listProperties().toList()) {
            RDFNode o = s.getObject();
            String p = s.getPredicate().getURI();
            if (p.equals(DatasetDescription.DCAT + "distribution")) {
                Resource d = o.asResource();
                distributions.add(View.of("title", str(d, FKG.DCTERMS + "title"), "href", str(d, DatasetDescription.DCAT + "downloadURL"),
                        "size", d.hasProperty(m.createProperty(DatasetDescription.DCAT, "byteSize"))
                                ? Sizes.human(d.getProperty(m.createProperty(DatasetDescription.DCAT, "byteSize")).getLong()) : ""));
                continue;
            }
            if (o.isAnon()) continue; // partitions: tabled below
            props.add(View.of("label", Prefixes.shortForm(p), "value", Values.term(o.asNode(), labels, links)));
        }
        props.sort(Comparator.comparing(x -> (String) x.get("label")));
        page.put("properties", props);
        page.put("distributions", distributions);
        List<Map<String, Object>> classes = new ArrayList<>();
        stats.classInstances().forEach((c, n) -> classes.add(View.of("term", Values.term(c, labels, links), "short", Prefixes.shortForm(c.getURI()), "count", n)));
        page.put("classes", classes);
        List<Map<String, Object>> properties = new ArrayList<>();
        stats.propertyTriples().forEach((p, n) -> properties.add(View.of("term", Values.term(p, labels, links), "short", Prefixes.shortForm(p.getURI()), "count", n)));
        page.put("propertyPartitions", properties);
        List<Map<String, Object>> graphs = new ArrayList<>();
        stats.graphTriples().forEach((g, n) -> {
            if (g.getURI().startsWith(FKG.GRAPH)) graphs.add(View.of("href", links.local(g.getURI()), "iri", g.getURI(), "count", n));
        });
        page.put("graphs", graphs);
        page.put("factGraphs", stats.factGraphs());
        List<Map<String, Object>> formats = new ArrayList<>();
        for (Format f : Format.GRAPH) formats.add(View.of("name", f.formatName(), "type", f.mediaType(), "href", links.at(DatasetDescription.PATH) + "?format=" + f.formatName()));
        page.put("formats", formats);
        page.put("endpoint", links.at("kg/sparql"));
        return page;
    }

    private static String str(Resource r, String property) {
        Statement s = r.getProperty(r.getModel().createProperty(property));
        if (s == null) return "";
        return s.getObject().isResource() ? s.getResource().getURI() : s.getString();
    }
}
