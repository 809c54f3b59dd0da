package org.fentanylkg.http.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.fentanylkg.http.linkeddata.Format;
import org.fentanylkg.http.security.ResultCap;
import org.fentanylkg.queries.QueryParameter;
import org.fentanylkg.queries.SavedQuery;
import org.fentanylkg.queries.SavedQueryCatalog;

/**
 * The OpenAPI 3 description of the API, generated: two operations per saved query (its grlc title, description,
 * tags and typed parameters, as grlc builds its Swagger spec; by Accept header, and by file suffix), with the
 * formats of {@link SavedQueryServlet#formats(boolean)}, the table the servlet answers from; the catalogue, the
 * explanation and the search endpoints.
 */
final class OpenApiDescription {
    static final String VERSION = "3.0.3";

    private OpenApiDescription() {}

    static JsonObject build(SavedQueryCatalog catalog, long cap) {
        JsonObject doc = new JsonObject();
        doc.addProperty("openapi", VERSION);
        JsonObject info = new JsonObject();
        info.addProperty("title", "fentanyl-kg API");
        info.addProperty("version", "0.1.0");
        info.addProperty("description", "Saved SPARQL queries over the fentanyl-kg knowledge graph (U.S.-Mexico fentanyl policy,"
                + " CRS In Focus IF10400), run as REST calls in the manner of grlc, and explanations of every inferred"
                + " triple. SELECT and ASK results come as " + describeFormats(false) + "; CONSTRUCT and DESCRIBE results as "
                + describeFormats(true) + " (by the Accept header, or by the suffix on the query's path). limit and offset page"
                + " through them; an answer holds at most " + cap + " rows or triples, as at the SPARQL endpoint itself, /kg/sparql.");
        doc.add("info", info);

        JsonArray tags = new JsonArray();
        tags.add(tag("catalogue", "The saved queries and their parameters"));
        tags.add(tag("explanations", "Why the graph holds a triple"));
        tags.add(tag("search", "Find anything: names, identifiers, definitions, notes, quotes, the report's sentences"));
        TreeSet<String> queryTags = new TreeSet<>();
        catalog.all().forEach(q -> queryTags.addAll(q.tags()));
        queryTags.forEach(t -> tags.add(tag(t, null)));
        doc.add("tags", tags);

        JsonObject paths = new JsonObject();
        paths.add("/api/queries", get(listOperation()));
        for (SavedQuery q : catalog.all()) {
            paths.add("/api/queries/" + q.name(), get(queryOperation(q, cap, false)));
            paths.add("/api/queries/" + q.name() + ".{" + FORMAT + "}", get(queryOperation(q, cap, true)));
        }
        paths.add("/api/explain", get(explainOperation()));
        paths.add(SearchModule.API_PATH, get(searchOperation()));
        doc.add("paths", paths);
        doc.add("components", components());
        return doc;
    }

    private static JsonObject listOperation() {
        JsonObject op = new JsonObject();
        op.addProperty("operationId", "listQueries");
        op.addProperty("summary", "List the saved queries");
        op.addProperty("description", "Every saved query with its title, description, tags, parameters, result variables and SPARQL text.");
        op.add("tags", strings(List.of("catalogue")));
        JsonObject responses = new JsonObject();
        responses.add("200", response("The saved queries", ApiResponses.JSON, ref("Catalogue")));
        validators(responses);
        op.add("responses", responses);
        return op;
    }

    /** The path parameter of an operation by suffix. */
    static final String FORMAT = "format";

    /** The media types (and suffixes) of one kind of answer, for the prose. */
    private static String describeFormats(boolean graph) {
        return SavedQueryServlet.formats(graph).stream()
                .map(f -> f.mediaType() + " (." + f.formatName() + f.alsoAccepted().stream().map(a -> "; Accept: " + a).collect(Collectors.joining()) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * A saved query's operation: by Accept header at {@code /api/queries/{name}} (a response per media type), or
     * by suffix at {@code /api/queries/{name}.{format}} (the suffixes as the enumeration of {@code format}).
     * The operation id of the latter has a dot, which no query name has, so ids never collide.
     */
    private static JsonObject queryOperation(SavedQuery q, long cap, boolean bySuffix) {
        List<Format> formats = SavedQueryServlet.formats(q);
        JsonObject op = new JsonObject();
        op.addProperty("operationId", bySuffix ? q.name() + "." + FORMAT : q.name());
        op.addProperty("summary", q.title() + (bySuffix ? " (format by suffix)" : ""));
        op.addProperty("description", q.description() + "\n\n```sparql\n" + q.sparql() + "```");
        op.add("tags", strings(q.tags().isEmpty() ? List.of("catalogue") : q.tags()));
        JsonArray params = new JsonArray();
        if (bySuffix) {
            JsonObject format = new JsonObject();
            format.addProperty("name", FORMAT);
            format.addProperty("in", "path");
            format.addProperty("required", true);
            format.addProperty("description", "The format, as a file suffix: "
                    + formats.stream().map(f -> f.formatName() + " for " + f.mediaType())
                    .collect(Collectors.joining(", ")) + ".");
            JsonObject schema = stringSchema();
            schema.add("enum", strings(formats.stream().map(Format::formatName).toList()));
            format.add("schema", schema);
            params.add(format);
        }
        for (QueryParameter p : q.parameters()) params.add(parameter(p));
        params.add(paging(SavedQuery.LIMIT, "The most " + (SavedQueryServlet.isGraph(q.query()) ? "triples" : "rows")
                + " to return (within any LIMIT of the query itself). An answer holds at most " + cap
                + " (the server's result cap): a larger limit is clamped to it, as at /kg/sparql, and the header "
                + ResultCap.HEADER_CAPPED + ": true says that more were left out."));
        params.add(paging(SavedQuery.OFFSET, "Rows to skip first."));
        if (q.pagination() > 0) {
            JsonObject page = paging(SavedQuery.PAGE, "Page number (" + q.pagination() + " rows a page), from 1.");
            page.getAsJsonObject("schema").addProperty("minimum", 1);
            params.add(page);
        }
        op.add("parameters", params);
        JsonObject responses = new JsonObject();
        JsonObject ok = new JsonObject();
        ok.addProperty("description", q.queryType() + " results");
        JsonObject headers = new JsonObject();
        headers.add(ResultCap.HEADER_LIMIT, header("The server's result cap: the most rows or triples in an answer", type("integer")));
        JsonObject cappedSchema = type("string");
        cappedSchema.add("enum", strings(List.of("true")));
        headers.add(ResultCap.HEADER_CAPPED, header("Present, \"true\", when the answer was cut at the cap", cappedSchema));
        ok.add("headers", headers);
        JsonObject content = new JsonObject();
        for (Format f : formats) {
            boolean sparqlJson = f.lang().equals(ResultSetLang.RS_JSON);
            content.add(f.mediaType(), schema(sparqlJson ? ref("SparqlResults") : stringSchema()));
        }
        ok.add("content", content);
        responses.add("200", ok);
        validators(responses);
        responses.add("400", response("A parameter is missing, of the wrong type or outside its enumeration", ApiResponses.JSON, ref("Error")));
        if (bySuffix) {
            responses.add("406", response("A suffix of the other kind of answer (graph or results)", ApiResponses.JSON, ref("Error")));
        } else {
            responses.add("406", response("The Accept header allows none of the formats above", ApiResponses.JSON, ref("Error")));
        }
        responses.add("503", response("The query timed out", ApiResponses.JSON, ref("Error")));
        op.add("responses", responses);
        return op;
    }

    /** The validators a 200 carries (Representation) and the 304 they give, added to {@code responses}. */
    private static void validators(JsonObject responses) {
        JsonObject ok = responses.getAsJsonObject("200");
        JsonObject headers = ok.has("headers") ? ok.getAsJsonObject("headers") : new JsonObject();
        headers.add("ETag", header("A weak validator of this answer on the data's generation: sent back as If-None-Match, it gets"
                + " 304 until the data changes", type("string")));
        headers.add("Last-Modified", header("When the generation served was built", type("string")));
        ok.add("headers", headers);
        JsonObject notModified = new JsonObject();
        notModified.addProperty("description", "Not modified: the request's If-None-Match (or If-Modified-Since) still holds; no body");
        responses.add("304", notModified);
    }

    private static JsonObject header(String description, JsonObject schema) {
        JsonObject o = new JsonObject();
        o.addProperty("description", description);
        o.add("schema", schema);
        return o;
    }

    private static JsonObject explainOperation() {
        JsonObject op = new JsonObject();
        op.addProperty("operationId", "explain");
        op.addProperty("summary", "Why does the graph hold this triple?");
        op.addProperty("description", "The derivation of an inferred triple: the OWL 2 RL rule and the axiom that licensed it,"
                + " and its premises, recursively, down to asserted triples; each asserted triple with its evidence (the"
                + " fact graph, the report's words and sentence, or the public source). An asserted triple explains as"
                + " \"asserted\" with its evidence. The same explanation as a page: /explain?s=...&p=...&o=...");
        op.add("tags", strings(List.of("explanations")));
        JsonArray params = new JsonArray();
        params.add(explainParameter("s", "The subject: an IRI (bare or in <>), or a prefixed name such as fkr:4-piperidone.",
                "https://w3id.org/fentanyl-kg/id/4-piperidone"));
        params.add(explainParameter("p", "The predicate: an IRI or a prefixed name such as rdf:type (or a).",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"));
        params.add(explainParameter("o", "The object: an IRI, a prefixed name, or a literal in N-Triples form such as"
                + " \"1959\"^^<http://www.w3.org/2001/XMLSchema#gYear>.", "https://w3id.org/fentanyl-kg/ontology#FentanylPrecursor"));
        op.add("parameters", params);
        JsonObject responses = new JsonObject();
        responses.add("200", response("The explanation", ApiResponses.JSON, ref("Explanation")));
        validators(responses);
        responses.add("400", response("s, p or o cannot be read", ApiResponses.JSON, ref("Error")));
        responses.add("404", response("The graph does not hold the triple", ApiResponses.JSON, ref("Error")));
        op.add("responses", responses);
        return op;
    }

    private static JsonObject parameter(QueryParameter p) {
        JsonObject o = new JsonObject();
        o.addProperty("name", p.name());
        o.addProperty("in", "query");
        o.addProperty("required", p.required());
        o.addProperty("description", "Substitutes ?" + p.variable() + " in the query: " + p.expected()
                + (p.optional() ? ". Optional: absent, the variable stays unbound." : "."));
        JsonObject schema = new JsonObject();
        switch (p.kind()) {
            case IRI -> { schema.addProperty("type", "string"); schema.addProperty("format", "uri"); }
            case NUMBER -> schema.addProperty("type", "number");
            case TYPED -> typed(schema, p.datatype());
            default -> schema.addProperty("type", "string");
        }
        if (!p.enumeration().isEmpty()) schema.add("enum", strings(p.enumeration()));
        p.defaultValue().ifPresent(d -> schema.addProperty("default", d));
        o.add("schema", schema);
        return o;
    }

    /** OpenAPI's nearest type for an XSD datatype; the lexical form is what is sent either way. */
    private static void typed(JsonObject schema, String datatype) {
        String local = datatype.substring(datatype.lastIndexOf('#') + 1);
        switch (local) {
            case "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
                 "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte" -> schema.addProperty("type", "integer");
            case "decimal", "double", "float" -> schema.addProperty("type", "number");
            case "boolean" -> schema.addProperty("type", "boolean");
            case "date" -> { schema.addProperty("type", "string"); schema.addProperty("format", "date"); }
            case "dateTime" -> { schema.addProperty("type", "string"); schema.addProperty("format", "date-time"); }
            default -> { schema.addProperty("type", "string"); schema.addProperty("format", datatype); }
        }
    }

    private static JsonObject paging(String name, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("in", "query");
        o.addProperty("required", false);
        o.addProperty("description", description);
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "integer");
        schema.addProperty("minimum", 0);
        o.add("schema", schema);
        return o;
    }

    private static JsonObject searchOperation() {
        JsonObject op = new JsonObject();
        op.addProperty("operationId", "search");
        op.addProperty("summary", "Find entities, classes, properties, facts and sentences of the report");
        op.addProperty("description", "Full-text search over labels, alternative labels, identifiers (CAS, public-law, bill and"
                + " executive-order numbers), definitions, editorial notes, evidence quotes and the report's sentences (a jena-text"
                + " Lucene index; the same index answers text:query at /kg/sparql). Case and accents are folded; prose is stemmed"
                + " (\"tariffs\" finds \"tariff\"). Ranked: a label equal to q, then an alternative label or identifier equal"
                + " to it, a label starting with it, an alternative label starting with it, a label holding every word, then"
                + " other text by relevance, entities before sentences before facts. Each hit has the field it matched, a"
                + " snippet with highlights ([start, end) offsets into the snippet) and, for a sentence, the entities of the"
                + " facts whose quotes lie in it. q may use Lucene's syntax (\"phrase\", prefix*, AND, OR, NOT); a malformed one"
                + " gets 400. The page /search?q= shows the same hits grouped by class.");
        op.add("tags", strings(List.of("search")));
        JsonArray params = new JsonArray();
        JsonObject q = explainParameter("q", "The words to find, at most " + Search.MAX_QUERY_LENGTH + " characters.", "CJNG");
        q.getAsJsonObject("schema").addProperty("maxLength", Search.MAX_QUERY_LENGTH);
        params.add(q);
        JsonObject cls = explainParameter("class", "Only resources of this class (asserted or inferred): an IRI or a prefixed name.", "fkg:Cartel");
        cls.addProperty("required", false);
        params.add(cls);
        JsonObject limit = paging("limit", "The most hits to return (default " + Search.DEFAULT_LIMIT + ", at most " + Search.MAX_LIMIT + ").");
        limit.getAsJsonObject("schema").addProperty("minimum", 1);
        limit.getAsJsonObject("schema").addProperty("maximum", Search.MAX_LIMIT);
        params.add(limit);
        params.add(paging("offset", "Hits to skip first (at most 10000)."));
        op.add("parameters", params);
        JsonObject responses = new JsonObject();
        JsonObject ok = response("Ranked hits", ApiResponses.JSON, ref("SearchResults"));
        ok.getAsJsonObject("content").add("text/csv", schema(stringSchema()));
        responses.add("200", ok);
        responses.add("400", response("q is missing, empty, longer than " + Search.MAX_QUERY_LENGTH + " characters or not a valid Lucene"
                + " query; or limit, offset or class is malformed", ApiResponses.JSON, ref("Error")));
        responses.add("503", response("The server has no text index, or every search turn stayed taken for "
                + Search.WAIT_SECONDS + " s (try again)", ApiResponses.JSON, ref("Error")));
        op.add("responses", responses);
        return op;
    }

    private static JsonObject explainParameter(String name, String description, String example) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("in", "query");
        o.addProperty("required", true);
        o.addProperty("description", description);
        o.add("schema", stringSchema());
        o.addProperty("example", example);
        return o;
    }

    private static JsonObject components() {
        JsonObject schemas = new JsonObject();
        JsonObject error = object();
        props(error).add("status", type("integer"));
        props(error).add("error", type("string"));
        props(error).add("parameter", type("string"));
        props(error).add("expected", type("string"));
        error.add("required", strings(List.of("status", "error")));
        schemas.add("Error", error);

        JsonObject results = object();
        results.addProperty("description", "SPARQL 1.1 Query Results JSON Format (https://www.w3.org/TR/sparql11-results-json/)");
        JsonObject head = object();
        props(head).add("vars", array(type("string")));
        props(results).add("head", head);
        JsonObject body = object();
        props(body).add("bindings", array(object()));
        props(results).add("results", body);
        props(results).add("boolean", type("boolean"));
        schemas.add("SparqlResults", results);

        JsonObject catalogue = object();
        props(catalogue).add("count", type("integer"));
        props(catalogue).add("queries", array(object()));
        schemas.add("Catalogue", catalogue);

        JsonObject explanation = object();
        explanation.addProperty("description", "An explanation: the triple, \"asserted\" with its evidence, or \"inferred\" with"
                + " the rule, the axioms and the premises (explanations themselves).");
        props(explanation).add("triple", object());
        props(explanation).add("text", type("string"));
        JsonObject status = type("string");
        status.add("enum", strings(List.of("asserted", "inferred")));
        props(explanation).add("status", status);
        props(explanation).add("rule", type("string"));
        props(explanation).add("ruleDescription", type("string"));
        props(explanation).add("axioms", array(object()));
        props(explanation).add("premises", array(ref("Explanation")));
        props(explanation).add("evidence", array(object()));
        schemas.add("Explanation", explanation);
        JsonObject named = object();
        for (String f : List.of("iri", "label", "page")) props(named).add(f, type("string"));
        JsonObject hit = object();
        for (String f : List.of("iri", "label", "page", "field", "snippet")) props(hit).add(f, type("string"));
        props(hit).add("classes", array(named));
        props(hit).add("highlights", array(array(type("integer"))));
        props(hit).add("score", type("number"));
        props(hit).add("mentions", array(named));
        JsonObject found = object();
        props(found).add("q", type("string"));
        for (String f : List.of("total", "offset", "limit")) props(found).add(f, type("integer"));
        props(found).add("hits", array(hit));
        schemas.add("SearchResults", found);

        JsonObject c = new JsonObject();
        c.add("schemas", schemas);
        return c;
    }

    private static JsonObject get(JsonObject op) {
        JsonObject o = new JsonObject();
        o.add("get", op);
        return o;
    }

    private static JsonObject tag(String name, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        if (description != null) o.addProperty("description", description);
        return o;
    }

    private static JsonObject response(String description, String contentType, JsonObject schema) {
        JsonObject o = new JsonObject();
        o.addProperty("description", description);
        JsonObject content = new JsonObject();
        content.add(contentType, schema(schema));
        o.add("content", content);
        return o;
    }

    private static JsonObject schema(JsonObject schema) {
        JsonObject o = new JsonObject();
        o.add("schema", schema);
        return o;
    }

    private static JsonObject ref(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("$ref", "#/components/schemas/" + name);
        return o;
    }

    private static JsonObject stringSchema() { return type("string"); }

    private static JsonObject type(String type) {
        JsonObject o = new JsonObject();
        o.addProperty("type", type);
        return o;
    }

    private static JsonObject object() {
        JsonObject o = type("object");
        o.add("properties", new JsonObject());
        return o;
    }

    private static JsonObject props(JsonObject object) { return object.getAsJsonObject("properties"); }

    private static JsonObject array(JsonObject items) {
        JsonObject o = type("array");
        o.add("items", items);
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
