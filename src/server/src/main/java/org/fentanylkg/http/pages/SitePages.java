package org.fentanylkg.http.pages;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.fentanylkg.dataset.Generation;
import org.fentanylkg.http.linkeddata.DatasetDescription;
import org.fentanylkg.http.linkeddata.HtmlPages;
import org.fentanylkg.http.linkeddata.LinkedData;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.FKG;

/**
 * The HTML pages of the site, by IRI: the landing page at the namespace root, the dataset description, the
 * ontology's documentation, the report, a named graph, and every other resource.
 */
public final class SitePages implements HtmlPages {
    private final LinkedData ld;
    private volatile Cached cached;

    private record Cached(Generation generation, Mentions mentions) {}

    public SitePages(LinkedData ld) { this.ld = ld; }

    /** The report's IRI (call inside a read transaction), or null when the dataset has no report. */
    public static Node reportIri(DatasetGraph dsg) { return ReportPage.reportIri(dsg); }

    @Override
    public String page(Node iri, LinkedData.Snapshot snapshot, Links links) {
        DatasetGraph dsg = ld.dataset();
        Node report = ReportPage.reportIri(dsg);
        String u = iri.getURI();
        if (u.equals(FKG.BASE)) return Templates.render("landing", LandingPage.view(snapshot, links, report));
        if (u.equals(FKG.BASE + DatasetDescription.PATH)) return Templates.render("dataset", DatasetPage.view(snapshot, links, report));
        if (u.equals(FKG.ONTOLOGY_IRI)) {
            return Templates.render("ontology", OntologyPage.view(dsg, snapshot.labels(), links, snapshot.statistics(), report));
        }
        if (u.startsWith(FKG.GRAPH) && dsg.containsGraph(iri)) return Templates.render("graph", GraphPage.view(iri, snapshot, links, report));
        if (ReportPage.isReport(dsg, iri)) {
            return Templates.render("report", ReportPage.view(dsg, iri, mentions(snapshot), snapshot.labels(), links));
        }
        return Templates.render("resource", ResourcePage.view(snapshot.describer().describe(iri), links, report));
    }

    private Mentions mentions(LinkedData.Snapshot snapshot) {
        Cached c = cached;
        if (c == null || !c.generation().equals(snapshot.generation())) {
            c = new Cached(snapshot.generation(), Mentions.of(ld.dataset().getDefaultGraph()));
            cached = c;
        }
        return c.mentions();
    }
}
