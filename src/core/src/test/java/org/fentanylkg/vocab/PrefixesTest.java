package org.fentanylkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shared.PrefixMapping;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;
import org.junit.jupiter.api.Test;

/** The one prefix map agrees with the files the project writes and reads back what it writes. */
class PrefixesTest {

    @Test
    void everyPrefixTheSourcesDeclareIsSharedWithTheSameNamespace() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("ontology/fentanyl-kg.ttl")));
        try (Stream<Path> facts = Files.list(Path.of("data/facts"))) {
            facts.filter(p -> p.toString().endsWith(".trig")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            PrefixMap declared = PrefixMapFactory.create();
            RDFParser.source(f).parse(new StreamRDFBase() {
                @Override public void prefix(String prefix, String iri) { declared.add(prefix, iri); }
            });
            declared.getMapping().forEach((p, ns) -> check(f.toString(), p, ns, wrong));
        }
        for (SavedQuery q : SavedQueryCatalog.load(Path.of("queries")).all()) {
            q.query().getPrefixMapping().getNsPrefixMap().forEach((p, ns) -> check(q.name() + ".rq", p, ns, wrong));
        }
        assertEquals(List.of(), wrong);
        assertTrue(files.size() > 5, "the fact files were read");
    }

    private static void check(String file, String prefix, String ns, List<String> wrong) {
        if (!ns.equals(Prefixes.namespace(prefix))) wrong.add(file + ": " + prefix + ": <" + ns + "> is shared as <" + Prefixes.namespace(prefix) + ">");
    }

    @Test
    void shortFormsAreTurtleThatReadsBack() {
        assertEquals("fkr:4-piperidone", Prefixes.shortForm(FKG.RESOURCE + "4-piperidone"));
        assertEquals("fkg:ForeignTerroristOrganization", Prefixes.shortForm(FKG.NS + "ForeignTerroristOrganization"));
        assertEquals("report:IF10400-2025-08-26", Prefixes.shortForm(FKG.REPORT + "IF10400-2025-08-26"));
        // a '/' in the rest is no local name: the full IRI
        assertEquals("<" + FKG.REPORT + "IF10400-2025-08-26/p3-s1>", Prefixes.shortForm(FKG.REPORT + "IF10400-2025-08-26/p3-s1"));
        assertEquals("<http://example.org/x>", Prefixes.shortForm("http://example.org/x"));
        assertEquals("\"1959\"^^xsd:gYear", Prefixes.shortForm(NodeFactory.createLiteralDT("1959", XSDDatatype.XSDgYear)));
        for (String iri : List.of(FKG.RESOURCE + "4-piperidone", FKG.NS + "precursorOf", "http://www.w3.org/ns/prov#wasDerivedFrom")) {
            assertEquals(iri, Prefixes.PREFIXES.expandPrefix(Prefixes.shortForm(iri)));
        }
    }

    @Test
    void aSavedQueryParameterTakesASharedPrefixTheQueryDoesNotDeclare() throws Exception {
        SavedQuery q = SavedQueryCatalog.load(Path.of("queries")).get("asserted-vs-inferred").orElseThrow();
        assertEquals(null, q.query().getPrefixMapping().getNsPrefixURI("fact"), "the query declares no fact: of its own");
        String bound = q.bind(SavedQuery.request(Map.of("resource", "fact:fentanyl-first-synthesized"))).serialize();
        assertTrue(bound.contains("<" + FKG.FACT + "fentanyl-first-synthesized>"), bound);
    }

    @Test
    void theMapIsLockedAndInAStableOrder() {
        assertThrows(PrefixMapping.JenaLockedException.class, () -> Prefixes.PREFIXES.setNsPrefix("x", "http://example.org/"));
        Map<String, String> m = Prefixes.map();
        assertEquals(List.of("fkg", "fkr", "fact", "report"), m.keySet().stream().limit(4).toList());
        assertEquals(m, Prefixes.PREFIXES.getNsPrefixMap());
        assertEquals(m.size(), Prefixes.sparqlDeclarations().lines().count());
    }
}
