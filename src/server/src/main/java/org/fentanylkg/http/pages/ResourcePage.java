package org.fentanylkg.http.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.fentanylkg.http.linkeddata.Description;
import org.fentanylkg.http.linkeddata.Description.Evidence;
import org.fentanylkg.http.linkeddata.Description.Statement;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.explain.Labels;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.http.linkeddata.Links;
import org.fentanylkg.vocab.FKG;
import org.fentanylkg.vocab.Graphs;

/**
 * The page of one resource: label, types (inferred ones marked, with a "why?" link), definition, properties,
 * inverse relations, the evidence of every fact (the quote of the report, linked to its sentence in context,
 * or the public source), external identifiers and a ready SPARQL query.
 */
final class ResourcePage {
    private static final Node SKOS_DEFINITION = NodeFactory.createURI(FKG.SKOS + "definition");
    private static final Node SKOS_EXACT_MATCH = NodeFactory.createURI(FKG.SKOS + "exactMatch");
    private static final Node DCT_DESCRIPTION = NodeFactory.createURI(FKG.DCTERMS + "description");
    private static final Node CAS = FKG.term("casNumber");
    private static final Node PUBCHEM = FKG.term("pubchemCID");
    private static final Pattern WIKIDATA = Pattern.compile("http://www\\.wikidata\\.org/entity/(Q[0-9]+)");
    private static final Pattern CAS_NUMBER = Pattern.compile("[0-9]{2,7}-[0-9]{2}-[0-9]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

    private ResourcePage() {}

    static Map<String, Object> view(Description d, Links links, Node report) {
        Labels labels = d.labels();
        Node r = d.subject();
        Map<String, Object> page = Templates.page(links, report, labels.of(r), "resource");
        page.put("iri", r.getURI());

        // Evidence: facts numbered in order of first use.
        Map<Node, Integer> numbers = new LinkedHashMap<>();
        for (Statement s : d.statements()) for (Node f : s.facts()) numbers.putIfAbsent(f, numbers.size() + 1);
        for (Statement s : d.inverse()) for (Node f : s.facts()) numbers.putIfAbsent(f, numbers.size() + 1);
        if (!d.factTriples().isEmpty()) numbers.putIfAbsent(r, numbers.size() + 1);

        List<Map<String, Object>> types = new ArrayList<>();
        List<Map<String, Object>> names = new ArrayList<>();
        List<Map<String, Object>> ids = new ArrayList<>();
        String definition = null;
        Map<Node, List<Map<String, Object>>> properties = new LinkedHashMap<>();
        for (Statement s : d.statements()) {
            Triple t = s.triple();
            Node p = t.getPredicate();
            Node o = t.getObject();
            Map<String, Object> value = value(s, o, labels, links, numbers);
            if (p.equals(RDF.Nodes.type)) {
                types.add(value);
                continue;
            }
            if (p.equals(RDFS.Nodes.label)) {
                names.add(value);
                continue;
            }
            if (definition == null && o.isLiteral() && (p.equals(SKOS_DEFINITION) || p.equals(DCT_DESCRIPTION) || p.equals(RDFS.Nodes.comment))) {
                definition = o.getLiteralLexicalForm();
            }
            externalId(p, o).ifPresent(ids::add);
            properties.computeIfAbsent(p, k -> new ArrayList<>()).add(value);
        }
        page.put("types", types);
        page.put("labels", names.size() > 1 ? names : List.of());
        page.put("definition", definition);
        page.put("externalIds", ids);
        page.put("properties", groups(properties, labels, links));

        Map<Node, List<Map<String, Object>>> inverse = new LinkedHashMap<>();
        for (Statement s : d.inverse()) {
            inverse.computeIfAbsent(s.triple().getPredicate(), k -> new ArrayList<>())
                    .add(value(s, s.triple().getSubject(), labels, links, numbers));
        }
        page.put("inverse", groups(inverse, labels, links));
        if (d.inverseTotal() > d.inverse().size()) {
            page.put("inverseTruncated", View.of("shown", d.inverse().size(), "total", d.inverseTotal()));
        }

        List<Map<String, Object>> factTriples = new ArrayList<>();
        for (Triple t : d.factTriples()) {
            factTriples.add(View.of("s", Values.term(t.getSubject(), labels, links), "p", Values.term(t.getPredicate(), labels, links),
                    "o", Values.term(t.getObject(), labels, links)));
        }
        page.put("factTriples", factTriples);

        List<Map<String, Object>> evidence = new ArrayList<>();
        numbers.forEach((fact, n) -> {
            Evidence e = d.evidence().get(fact);
            if (e != null) evidence.add(evidence(n, e, links));
        });
        page.put("evidence", evidence);

        if (Values.isReportPart(r)) {
            page.put("inContext", links.local(Values.reportOf(r)) + "#" + Values.sentenceId(r));
        }
        page.put("sparql", links.queryUi(sparql(r, labels.of(r)), true));
        List<Map<String, Object>> formats = new ArrayList<>();
        for (Format f : Format.DESCRIPTION) {
            if (f != Format.HTML) formats.add(View.of("name", f.formatName(), "type", f.mediaType(), "href", links.local(r.getURI()) + "?format=" + f.formatName()));
        }
        page.put("formats", formats);
        return page;
    }

    private static Map<String, Object> value(Statement s, Node shown, Labels labels, Links links, Map<Node, Integer> numbers) {
        Map<String, Object> v = Values.term(shown, labels, links);
        if (s.inferred()) {
            v.put("inferred", true);
            v.put("why", Values.why(s.triple(), links));
        }
        List<Map<String, Object>> refs = new ArrayList<>();
        for (Node f : s.facts()) refs.add(View.of("n", numbers.get(f), "href", "#fact-" + numbers.get(f)));
        v.put("refs", refs);
        if (!s.inferred() && refs.isEmpty()) {
            // asserted by the loader rather than by a curated fact: say from where
            for (Node g : s.graphs()) {
                if (g.equals(Graphs.REPORT)) v.put("origin", "report text");
                else if (g.equals(Graphs.ONTOLOGY)) v.put("origin", "ontology");
                else if (g.equals(Graphs.PROVENANCE)) v.put("origin", "provenance");
            }
        }
        return v;
    }

    private static List<Map<String, Object>> groups(Map<Node, List<Map<String, Object>>> byPredicate, Labels labels, Links links) {
        List<Map<String, Object>> out = new ArrayList<>();
        byPredicate.forEach((p, values) -> out.add(View.of("label", labels.of(p), "iri", p.getURI(), "href", links.href(p), "values", values)));
        return out;
    }

    private static Map<String, Object> evidence(int n, Evidence e, Links links) {
        List<Map<String, Object>> quotes = new ArrayList<>();
        for (Description.Quote q : e.quotes()) {
            List<Map<String, Object>> sentences = new ArrayList<>();
            for (Description.Sentence s : q.sentences()) {
                sentences.add(View.of("id", Values.sentenceId(s.iri()), "inContext", links.local(Values.reportOf(s.iri())) + "#" + Values.sentenceId(s.iri()),
                        "href", links.local(s.iri().getURI()), "text", s.text()));
            }
            quotes.add(View.of("text", q.text(), "sentences", sentences));
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Node s : e.sources()) sources.add(View.of("text", s.isURI() ? s.getURI() : s.toString(), "href", links.href(s)));
        return View.of("n", n, "anchor", "fact-" + n, "fact", Prefixes.localName(e.fact().getURI()), "factHref", links.local(e.fact().getURI()),
                "quotes", quotes, "sources", sources, "notes", e.notes());
    }

    /** A Wikidata item, CAS registry number or PubChem compound, linked to its registry. */
    private static java.util.Optional<Map<String, Object>> externalId(Node p, Node o) {
        if (p.equals(SKOS_EXACT_MATCH) && o.isURI()) {
            var m = WIKIDATA.matcher(o.getURI());
            if (m.matches()) return java.util.Optional.of(View.of("scheme", "Wikidata", "id", m.group(1), "href", "https://www.wikidata.org/wiki/" + m.group(1)));
        }
        if (p.equals(CAS) && o.isLiteral() && CAS_NUMBER.matcher(o.getLiteralLexicalForm()).matches()) {
            String id = o.getLiteralLexicalForm();
            return java.util.Optional.of(View.of("scheme", "CAS", "id", id, "href", "https://commonchemistry.cas.org/detail?cas_rn=" + id));
        }
        if (p.equals(PUBCHEM) && o.isLiteral() && DIGITS.matcher(o.getLiteralLexicalForm()).matches()) {
            String id = o.getLiteralLexicalForm();
            return java.util.Optional.of(View.of("scheme", "PubChem CID", "id", id, "href", "https://pubchem.ncbi.nlm.nih.gov/compound/" + id));
        }
        return java.util.Optional.empty();
    }

    /** The "open in SPARQL" query: every triple about the resource, with the named graph(s) holding it. */
    static String sparql(Node r, String label) {
        String name = label.replaceAll("[\\r\\n]+", " ");
        return "# Everything about " + name + ", and the named graph holding each triple:\n"
                + "# a fact graph (asserted) or graph/inferred (OWL 2 RL).\n"
                + "SELECT ?property ?value ?graph WHERE {\n"
                + "  <" + r.getURI() + "> ?property ?value .\n"
                + "  OPTIONAL {\n"
                + "    GRAPH ?graph { <" + r.getURI() + "> ?property ?value }\n"
                + "    FILTER(?graph != <" + Graphs.ASSERTED.getURI() + ">)\n"
                + "  }\n"
                + "}\nORDER BY ?property ?value ?graph\n";
    }
}
