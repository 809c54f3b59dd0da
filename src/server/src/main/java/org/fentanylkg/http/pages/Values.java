package org.fentanylkg.http.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.vocab.FKG;

/** How one RDF term shows on a page: its text, its link (if it may have one), its IRI, language and datatype. */
final class Values {
    private Values() {}

    static Map<String, Object> term(Node n, Labels labels, Links links) {
        Map<String, Object> v = View.of("text", labels.of(n), "iri", null, "href", null, "literal", false, "lang", null, "datatype", null,
                "inferred", false, "origin", null);
        if (n.isURI()) {
            v.put("iri", n.getURI());
            v.put("href", links.href(n));
        } else if (n.isLiteral()) {
            v.put("literal", true);
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) v.put("lang", lang);
            String dt = n.getLiteralDatatypeURI();
            if (dt != null && !dt.endsWith("#string") && !dt.endsWith("#langString")) v.put("datatype", Prefixes.shortForm(dt));
        }
        return v;
    }

    /** The explanation page of an inferred triple (built by the explanations feature): s, p as IRIs, o as IRI or N-Triples literal. */
    static String why(Triple t, Links links) {
        Node o = t.getObject();
        String object = o.isURI() ? o.getURI() : NodeFmtLib.strNT(o);
        return links.at("explain") + "?s=" + enc(t.getSubject().getURI()) + "&p=" + enc(t.getPredicate().getURI()) + "&o=" + enc(object);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** "p7-s1" for a sentence IRI of the report. */
    static String sentenceId(Node sentence) { return Prefixes.localName(sentence.getURI()); }

    /** Whether an IRI is a paragraph or sentence of a report ({@code report/{id}/p3-s2}). */
    static boolean isReportPart(Node n) {
        return n.isURI() && n.getURI().startsWith(FKG.REPORT) && n.getURI().substring(FKG.REPORT.length()).contains("/");
    }

    /** The report a paragraph or sentence IRI belongs to. */
    static String reportOf(Node part) {
        String iri = part.getURI();
        return iri.substring(0, iri.lastIndexOf('/'));
    }
}
