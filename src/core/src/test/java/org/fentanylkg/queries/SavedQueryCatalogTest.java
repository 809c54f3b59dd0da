package org.fentanylkg.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.fentanylkg.rdf.LoadException;
import org.fentanylkg.rdf.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved-query reader: grlc headers and typing conventions, binding, paging, and load problems. */
class SavedQueryCatalogTest {
    private static final String FKR = "https://w3id.org/fentanyl-kg/id/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    @TempDir Path dir;

    private SavedQuery one(String body) throws Exception {
        Files.writeString(dir.resolve("q.rq"), body);
        return SavedQueryCatalog.load(dir).get("q").orElseThrow();
    }

    private List<Problem> problems(String body) throws IOException {
        Files.writeString(dir.resolve("bad.rq"), body);
        LoadException e = assertThrows(LoadException.class, () -> SavedQueryCatalog.load(dir));
        return e.problems();
    }

    @Test
    void readsEveryQueryOfTheRepositoryWithItsHeader() throws Exception {
        SavedQueryCatalog catalog = SavedQueryCatalog.load(Path.of("queries"));
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().collect(Collectors.toList());
        }
        assertEquals(files, catalog.all().stream().map(SavedQuery::name).toList());
        for (SavedQuery q : catalog.all()) {
            String first = Files.readAllLines(q.file()).get(0);
            assertEquals(first.substring("#+ summary: ".length()).strip(), q.title(), q.name());
            assertFalse(q.description().isBlank(), q.name());
            assertFalse(q.tags().isEmpty(), q.name());
            assertFalse(q.sparql().contains("#+"), q.name() + ": the SPARQL text keeps no decorator");
        }
    }

    @Test
    void designationsTakesAnEnumeratedIriWithADefault() throws Exception {
        SavedQuery q = SavedQueryCatalog.load(Path.of("queries")).get("designations").orElseThrow();
        assertEquals(List.of("designations", "sanctions"), q.tags());
        QueryParameter p = q.parameter("designationtype").orElseThrow();
        assertEquals("_designationtype_iri", p.variable());
        assertEquals(QueryParameter.Kind.IRI, p.kind());
        assertEquals(Optional.of(FKR + "fto-designation-type"), p.defaultValue());
        assertEquals(List.of(FKR + "fto-designation-type", FKR + "sdgt-designation-type",
                FKR + "eo14059-sanctions-designation-type", FKR + "pmlc-designation-type"), p.enumeration());
        assertFalse(p.required(), "a parameter with a default is not required");
        assertEquals(List.of("designationtype", "limit", "offset"), q.requestNames());
    }

    @Test
    void grlcTypingConventions() throws Exception {
        SavedQuery q = one("""
                #+ summary: typed
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                SELECT * WHERE {
                  ?_org_iri fkg:date ?_year_xsd_gYear ; fkg:amount ?_amount_number ; fkg:count ?_n_integer ;
                            fkg:name ?_name ; fkg:label ?__label_en ; fkg:text ?_text_literal ; fkg:when ?_day_fkg_day .
                }""");
        assertEquals(List.of("org", "year", "amount", "n", "name", "label", "text", "day"),
                q.parameters().stream().map(QueryParameter::name).toList());
        Map<String, QueryParameter> p = q.parameters().stream().collect(Collectors.toMap(QueryParameter::name, x -> x));
        assertEquals(QueryParameter.Kind.IRI, p.get("org").kind());
        assertEquals(XSD + "gYear", p.get("year").datatype());
        assertEquals(QueryParameter.Kind.NUMBER, p.get("amount").kind());
        assertEquals(XSD + "integer", p.get("n").datatype());
        assertEquals(QueryParameter.Kind.STRING, p.get("name").kind());
        assertEquals(QueryParameter.Kind.LANG, p.get("label").kind());
        assertEquals("en", p.get("label").lang());
        assertTrue(p.get("label").optional() && !p.get("label").required());
        assertEquals(QueryParameter.Kind.STRING, p.get("text").kind());
        assertEquals("https://w3id.org/fentanyl-kg/ontology#day", p.get("day").datatype());
        assertTrue(p.get("org").required());
    }

    @Test
    void bindsValuesInPlaceOfTheVariablesAndLeavesOptionalOnesUnbound() throws Exception {
        SavedQuery q = one("""
                #+ summary: bind
                PREFIX fkr: <https://w3id.org/fentanyl-kg/id/>
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                SELECT ?d WHERE { ?_org_iri fkg:date ?d . FILTER(?d = ?_year_xsd_gYear) OPTIONAL { ?d fkg:x ?__note } }""");
        Query bound = q.bind(SavedQuery.request(Map.of("org", "fkr:sinaloa-cartel", "year", "2025")));
        String text = bound.toString();
        assertTrue(text.contains("fkr:sinaloa-cartel"), text);
        assertTrue(text.contains("\"2025\"^^<" + XSD + "gYear>") || text.contains("\"2025\"^^xsd:gYear"), text);
        assertFalse(text.contains("?_org_iri") || text.contains("?_year_xsd_gYear"), text);
        assertTrue(text.contains("?__note"), "an absent optional parameter stays a variable: " + text);
    }

    @Test
    void rejectsBadValuesNamingTheParameterAndWhatWasExpected() throws Exception {
        SavedQuery q = one("""
                #+ summary: reject
                #+ enumerate:
                #+   - kind:
                #+     - https://w3id.org/fentanyl-kg/id/a
                #+     - https://w3id.org/fentanyl-kg/id/b
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                SELECT ?s WHERE { ?s a ?_kind_iri ; fkg:n ?_n_integer ; fkg:y ?_y_xsd_gYear }""");
        ParameterException missing = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", FKR + "a", "y", "2020"))));
        assertEquals("n", missing.parameter());
        assertEquals("a value is required", missing.problem());
        assertEquals("a literal of type xsd:integer", missing.expected());

        ParameterException type = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", FKR + "a", "n", "seven", "y", "2020"))));
        assertEquals("n", type.parameter());
        assertEquals("'seven' is not a valid xsd:integer", type.problem());

        ParameterException year = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", FKR + "a", "n", "7", "y", "20x0"))));
        assertEquals("y", year.parameter());

        ParameterException outside = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", FKR + "c", "n", "7", "y", "2020"))));
        assertEquals("kind", outside.parameter());
        assertEquals("one of " + FKR + "a, " + FKR + "b", outside.expected());

        ParameterException notIri = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", "not an IRI", "n", "7", "y", "2020"))));
        assertEquals("kind", notIri.parameter());
        assertEquals("'not an IRI' is not an absolute IRI", notIri.problem());

        ParameterException unknown = assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("kind", FKR + "a", "n", "7", "y", "2020", "Kind", "x"))));
        assertEquals("Kind", unknown.parameter());
        assertEquals("one of this query's parameters: kind, n, y, limit, offset", unknown.expected());

        ParameterException twice = assertThrows(ParameterException.class,
                () -> q.bind(Map.of("kind", List.of(FKR + "a", FKR + "b"), "n", List.of("7"), "y", List.of("2020"))));
        assertEquals("kind", twice.parameter());
    }

    @Test
    void limitAndOffsetPageWithinTheQuerysOwnWindow() throws Exception {
        SavedQuery q = one("""
                #+ summary: page
                #+ pagination: 5
                SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 12 OFFSET 3""");
        Query a = q.bind(SavedQuery.request(Map.of("limit", "4", "offset", "2")));
        assertEquals(5, a.getOffset());
        assertEquals(4, a.getLimit());
        Query b = q.bind(SavedQuery.request(Map.of("offset", "10")));
        assertEquals(13, b.getOffset());
        assertEquals(2, b.getLimit(), "only 2 rows of the query's 12 remain after 10");
        Query page = q.bind(SavedQuery.request(Map.of("page", "2")));
        assertEquals(8, page.getOffset());
        assertEquals(5, page.getLimit());
        Query asIs = q.bind(Map.of());
        assertEquals(3, asIs.getOffset());
        assertEquals(12, asIs.getLimit());
        assertEquals("limit", assertThrows(ParameterException.class, () -> q.bind(SavedQuery.request(Map.of("limit", "-1")))).parameter());
        assertEquals("offset", assertThrows(ParameterException.class,
                () -> q.bind(SavedQuery.request(Map.of("page", "1", "offset", "1")))).parameter());
        assertEquals("page", assertThrows(ParameterException.class, () -> q.bind(SavedQuery.request(Map.of("page", "0")))).parameter());
    }

    @Test
    void loadProblemsNameTheFileAndLine() throws Exception {
        List<Problem> yaml = problems("""
                #+ summary: fine
                #+ tags: [a
                SELECT * WHERE { ?s ?p ?o }""");
        assertEquals(1, yaml.size(), yaml.toString());
        assertTrue(yaml.get(0).toString().startsWith(dir.resolve("bad.rq").toAbsolutePath() + ":"), yaml.toString());
        assertTrue(yaml.get(0).message().startsWith("the #+ header is not valid YAML"), yaml.toString());

        List<Problem> sparql = problems("""
                #+ summary: broken
                SELECT * WHERE {
                  ?s ?p
                }""");
        assertEquals(1, sparql.size(), sparql.toString());
        assertEquals(4, sparql.get(0).line());
        assertTrue(sparql.get(0).message().startsWith("SPARQL syntax error"), sparql.toString());

        List<Problem> header = problems("""
                #+ summary: defaults and enumerations
                #+ defaults:
                #+   - typo: x
                #+   - n: seven
                #+ enumerate:
                #+   - n:
                #+     - 1
                #+     - two
                PREFIX fkg: <https://w3id.org/fentanyl-kg/ontology#>
                SELECT * WHERE { ?s fkg:n ?_n_integer . ?s fkg:limit ?_limit }""");
        List<String> messages = header.stream().map(p -> p.line() + ": " + p.message()).toList();
        assertEquals(List.of(
                "3: #+ defaults: 'typo' is not a parameter of this query (parameters: n)",
                "4: #+ defaults: n: 'seven' is not a valid xsd:integer; expected a literal of type xsd:integer",
                "6: #+ enumerate: n: 'two' is not a valid xsd:integer; expected a literal of type xsd:integer",
                "10: 'limit' is reserved for paging (limit, offset, page): rename ?_limit").stream().sorted().toList(),
                messages.stream().sorted().toList());
    }
}
