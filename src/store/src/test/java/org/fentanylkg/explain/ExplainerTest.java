package org.fentanylkg.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.fentanylkg.vocab.Prefixes;
import org.fentanylkg.dataset.KnowledgeGraphBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact derivations of the repository's graph, checked against the fact files: each inferred triple explains
 * by the rule the ontology licenses, down to the asserted facts, each with the evidence its fact file gives.
 */
class ExplainerTest {
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static final String FKG = "https://w3id.org/fentanyl-kg/ontology#";
    private static final String FACT = "https://w3id.org/fentanyl-kg/fact/";
    private static final String INCB_2024 = "http://incb.org/incb/en/news/news_2024/statements-of-the-incb-president-on-item-5-a-at-the-67th-session-of-the-cnd.html";

    private static Explainer explainer;

    @BeforeAll
    static void build() throws Exception {
        explainer = KnowledgeGraphBuilder.build(Path.of(".")).explainer();
    }

    private static Node r(String slug) { return NodeFactory.createURI(FKR + slug); }
    private static Node t(String local) { return NodeFactory.createURI(FKG + local); }
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

    private static Explanation explain(Node s, Node p, Node o) {
        return explainer.explain(Triple.create(s, p, o)).orElseThrow(() -> new AssertionError("not in the graph: " + s + " " + p + " " + o));
    }

    /** The tree as indented lines: "inferred rule: description | s p o" or "asserted | s p o", premises below. */
    private static String tree(Explanation e) {
        StringBuilder sb = new StringBuilder();
        tree(e, "", sb);
        return sb.toString();
    }

    private static void tree(Explanation e, String indent, StringBuilder sb) {
        sb.append(indent).append(e.inferred() ? e.rule() + ": " + e.ruleDescription() : "asserted").append(" | ")
                .append(Prefixes.shortForm(e.triple().getSubject())).append(' ').append(Prefixes.shortForm(e.triple().getPredicate()))
                .append(' ').append(Prefixes.shortForm(e.triple().getObject())).append('\n');
        for (Explanation p : e.premises()) tree(p, indent + "  ", sb);
    }

    private static Evidence onlyFact(Explanation asserted) {
        assertEquals(Explanation.Status.ASSERTED, asserted.status());
        assertEquals(1, asserted.evidence().size(), asserted.evidence().toString());
        Evidence ev = asserted.evidence().get(0);
        assertEquals(Evidence.Origin.FACT, ev.origin());
        return ev;
    }

    @Test
    void designation() {
        Explanation e = explain(r("sinaloa-cartel"), TYPE, t("ForeignTerroristOrganization"));
        assertEquals("""
                cls-hv2: ForeignTerroristOrganization ≡ designatedAs value fto-designation-type | fkr:sinaloa-cartel rdf:type fkg:ForeignTerroristOrganization
                  prp-spo2: designatedIn ∘ designationType ⊑ designatedAs | fkr:sinaloa-cartel fkg:designatedAs fkr:fto-designation-type
                    prp-inv2: designatedIn is the inverse of designee | fkr:sinaloa-cartel fkg:designatedIn fkr:designation-sinaloa-cartel-fto
                      asserted | fkr:designation-sinaloa-cartel-fto fkg:designee fkr:sinaloa-cartel
                    asserted | fkr:designation-sinaloa-cartel-fto fkg:designationType fkr:fto-designation-type
                """, tree(e));
        Explanation designee = e.premises().get(0).premises().get(0).premises().get(0);
        Evidence ev = onlyFact(designee);
        assertEquals(FACT + "designations-sinaloa-cartel-fto-sdgt", ev.graph());
        assertEquals(List.of("https://thenewsintel.com/designation-of-international-cartels-united-states-department-of-state",
                "https://www.capitollabsllc.com/crs/product/IN11205", "https://www.federalregister.gov/d/2025-02870"), ev.sources());
        assertEquals(List.of(), ev.quotes());
        // the axiom of the class definition is part of the explanation
        assertTrue(e.axioms().stream().anyMatch(a -> a.getSubject().equals(t("ForeignTerroristOrganization"))
                && a.getPredicate().getURI().equals("http://www.w3.org/2002/07/owl#equivalentClass")), e.axioms().toString());
    }

    @Test
    void precursorChainWhyIs4PiperidoneAFentanylPrecursor() {
        Explanation e = explain(r("4-piperidone"), TYPE, t("FentanylPrecursor"));
        assertEquals("""
                cls-hv2: FentanylPrecursor ≡ precursorOf value fentanyl | fkr:4-piperidone rdf:type fkg:FentanylPrecursor
                  prp-trp: precursorOf is transitive | fkr:4-piperidone fkg:precursorOf fkr:fentanyl
                    asserted | fkr:4-piperidone fkg:precursorOf fkr:4-ap
                    asserted | fkr:4-ap fkg:precursorOf fkr:fentanyl
                """, tree(e));
        List<Explanation> steps = e.premises().get(0).premises();
        Evidence incb = onlyFact(steps.get(0));
        assertEquals(FACT + "4-piperidone-precursor-of-npp-anpp-4-ap-norfentanyl", incb.graph());
        assertEquals(List.of(INCB_2024), incb.sources());
        Evidence fourAp = onlyFact(steps.get(1));
        assertEquals(FACT + "4-ap-fentanyl-precursor", fourAp.graph());
        assertEquals(1, fourAp.quotes().size());
        Evidence.Quote q = fourAp.quotes().get(0);
        assertEquals("UN member states scheduled three additional fentanyl precursors in 2022", q.text());
        assertEquals("https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p5-s2", q.sentence());
        assertTrue(q.sentenceText().contains(q.text()), q.sentenceText());
        assertEquals(List.of(steps.get(0), steps.get(1)), e.assertedLeaves());
    }

    @Test
    void partOf() {
        Explanation e = explain(r("fentanyl-sanctions-act"), NodeFactory.createURI("http://purl.org/dc/terms/isPartOf"), r("pl-116-92"));
        assertEquals("""
                prp-spo1: partOfInstrument ⊑ isPartOf | fkr:fentanyl-sanctions-act dcterms:isPartOf fkr:pl-116-92
                  asserted | fkr:fentanyl-sanctions-act fkg:partOfInstrument fkr:pl-116-92
                """, tree(e));
        assertEquals(FACT + "fentanyl-sanctions-act-part-of-pl-116-92", onlyFact(e.premises().get(0)).graph());
    }

    @Test
    void propertyChain() {
        Explanation e = explain(r("designation-sinaloa-cartel-fto"), t("administeringAgency"), r("department-of-state"));
        assertEquals("""
                prp-spo2: legalAuthority ∘ administeredBy ⊑ administeringAgency | fkr:designation-sinaloa-cartel-fto fkg:administeringAgency fkr:department-of-state
                  asserted | fkr:designation-sinaloa-cartel-fto fkg:legalAuthority fkr:usc-8-1189
                  asserted | fkr:usc-8-1189 fkg:administeredBy fkr:department-of-state
                """, tree(e));
        assertEquals(FACT + "february-2025-fto-designations-legal-authority", onlyFact(e.premises().get(0)).graph());
        assertEquals(FACT + "usc-8-1189-administered-by-state", onlyFact(e.premises().get(1)).graph());
    }

    @Test
    void assertedTripleExplainsAsAssertedWithItsQuote() {
        Node year = NodeFactory.createLiteralDT("1959", XSDDatatype.XSDgYear);
        Explanation e = explain(r("fentanyl"), t("firstSynthesized"), year);
        assertEquals(Explanation.Status.ASSERTED, e.status());
        assertEquals(List.of(), e.premises());
        Evidence ev = onlyFact(e);
        assertEquals(FACT + "fentanyl-first-synthesized", ev.graph());
        assertEquals(List.of(new Evidence.Quote("it was first synthesized in 1959",
                "https://w3id.org/fentanyl-kg/report/IF10400-2025-08-26/p3-s1",
                "Fentanyl is a potent synthetic opioid that has been used medically as a painkiller since it was first synthesized in 1959.")),
                ev.quotes());
    }

    @Test
    void ontologyTriplesExplainAsStatedByTheOntology() {
        Explanation e = explain(t("precursorOf"), TYPE, NodeFactory.createURI("http://www.w3.org/2002/07/owl#TransitiveProperty"));
        assertEquals(Explanation.Status.ASSERTED, e.status());
        assertEquals(List.of(Evidence.Origin.ONTOLOGY), e.evidence().stream().map(Evidence::origin).collect(Collectors.toList()));
    }

    @Test
    void aTripleNotInTheGraphHasNoExplanation() {
        assertTrue(explainer.explain(Triple.create(r("fentanyl"), t("precursorOf"), r("npp"))).isEmpty());
    }

    @Test
    void termsAcceptIrisPrefixedNamesAndNTriplesLiterals() throws Exception {
        Triple a = Terms.triple("fkr:4-piperidone", "a", "<" + FKG + "FentanylPrecursor>");
        assertEquals(Triple.create(r("4-piperidone"), TYPE, t("FentanylPrecursor")), a);
        Triple b = Terms.triple(FKR + "fentanyl", FKG + "firstSynthesized", "\"1959\"^^<http://www.w3.org/2001/XMLSchema#gYear>");
        assertEquals(NodeFactory.createLiteralDT("1959", XSDDatatype.XSDgYear), b.getObject());
        assertEquals(b, Terms.triple("fkr:fentanyl", "fkg:firstSynthesized", "\"1959\"^^xsd:gYear"));
        assertEquals("s", assertThrows(TermException.class, () -> Terms.triple("not an iri", "a", "fkr:x")).part());
        assertEquals("p", assertThrows(TermException.class, () -> Terms.triple("fkr:x", "", "fkr:x")).part());
        assertEquals("o", assertThrows(TermException.class, () -> Terms.triple("fkr:x", "a", "\"unclosed")).part());
        assertEquals("fkr:4-piperidone", Prefixes.shortForm(r("4-piperidone")));
        assertEquals(NodeFactory.createURI("urn:example:x"), Terms.triple("urn:example:x", "a", "fkr:x").getSubject());
        assertEquals(NodeFactory.createURI("fkx:fentanyl"), Terms.triple("<fkx:fentanyl>", "a", "fkr:x").getSubject());
        assertEquals("o: unknown prefix 'fkx:' in 'fkx:npp'; known prefixes: " + Prefixes.known(),
                assertThrows(TermException.class, () -> Terms.triple("fkr:x", "a", "fkx:npp")).getMessage());
        assertEquals("<" + FKR + "4-piperidone>", Terms.ntriples(r("4-piperidone")));
    }
}
