package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server never calls out: a second server on this machine, which counts every request it gets, stands for a
 * host behind the firewall. SERVICE, FROM, the protocol's dataset parameters and a JSON-LD remote context all
 * name it; it must receive nothing.
 */
class OutboundRequestsTest {
    private static final String MARKER = "urn:fkg-test:internal-only";
    private static final AtomicInteger hits = new AtomicInteger();
    private static FusekiServer internal;
    private static String internalSparql;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> dsg.getDefaultGraph().add(NodeFactory.createURI(MARKER), NodeFactory.createURI(MARKER), NodeFactory.createLiteral("secret")));
        Filter counter = (req, res, chain) -> {
            hits.incrementAndGet();
            chain.doFilter(req, res);
        };
        internal = FusekiServer.create().port(0).loopback(true).add("/internal", dsg).addFilter("/*", counter).build().start();
        internalSparql = "http://localhost:" + internal.getHttpPort() + "/internal/sparql";
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        internal.stop();
    }

    @BeforeEach
    void reset() { hits.set(0); }

    @Test
    void theInternalServerAnswersSparqlWhenAsked() {
        // The control: SERVICE to it works when a context allows it, so a refusal below is the policy's doing.
        Context allow = ARQ.getContext().copy().set(ARQ.httpServiceAllowed, true);
        var rows = QueryExec.dataset(DatasetGraphFactory.create()).context(allow)
                .query("SELECT ?o WHERE { SERVICE <" + internalSparql + "> { ?s ?p ?o } }").select();
        assertEquals(1, RowSetOps.count(rows));
        assertTrue(hits.get() > 0);
    }

    @Test
    void serviceIsRefusedAndNothingIsSent() throws Exception {
        var r = server.query("SELECT * WHERE { SERVICE <" + internalSparql + "> { ?s ?p ?o } }");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("SERVICE is disabled on this server"), r.body());
        var nested = server.query("SELECT * WHERE { ?x ?y ?z FILTER EXISTS { SERVICE SILENT <" + internalSparql + "> { ?s ?p ?o } } } LIMIT 1");
        assertEquals(400, nested.statusCode(), nested.body());
        var variable = server.query("SELECT * WHERE { BIND(<" + internalSparql + "> AS ?svc) SERVICE ?svc { ?s ?p ?o } }");
        assertEquals(400, variable.statusCode(), variable.body());
        assertEquals(0, hits.get());
    }

    @Test
    void arqsOwnSwitchIsOffTooForAnyOtherCodePath() {
        // The name fuseki-config.ttl uses, checked against the Jena jar: arq:httpServiceAllowed.
        assertEquals("http://jena.apache.org/ARQ#httpServiceAllowed", ARQ.httpServiceAllowed.getSymbol());
        assertFalse(ARQ.getContext().isTrue(ARQ.httpServiceAllowed));
        assertThrows(QueryDeniedException.class, () -> RowSetOps.count(QueryExec.dataset(DatasetGraphFactory.create())
                .query("SELECT * WHERE { SERVICE <" + internalSparql + "> { ?s ?p ?o } }").select()));
        assertEquals(0, hits.get());
    }

    @Test
    void fromAndDatasetParametersNeverFetch() throws Exception {
        var from = server.query("SELECT * FROM <" + internalSparql + "?query=ASK%7B%7D> WHERE { ?s ?p ?o }");
        assertEquals(200, from.statusCode(), from.body());
        assertEquals(0, TestServer.csvRows(from).size());
        var param = server.get("/kg/sparql?query=" + TestServer.enc("SELECT * WHERE { ?s ?p ?o }")
                + "&default-graph-uri=" + TestServer.enc(internalSparql), "Accept", "text/csv");
        assertFalse(param.body().contains(MARKER), param.body());
        assertEquals(0, hits.get());
    }

    @Test
    void jsonLdRemoteContextsAreNeverFetched() {
        String doc = "{ \"@context\": \"http://localhost:" + internal.getHttpPort() + "/context.jsonld\", \"@id\": \"urn:a\", \"name\": \"x\" }";
        var g = GraphFactory.createDefaultGraph();
        RiotException e = assertThrows(RiotException.class, () -> RDFParser.fromString(doc, Lang.JSONLD).parse(g));
        assertTrue(String.valueOf(e.getMessage()).contains("does not fetch") || String.valueOf(e.getCause()).contains("does not fetch"), String.valueOf(e));
        assertEquals(0, hits.get());
        // A document without a remote context still parses.
        RDFParser.fromString("{ \"@id\": \"urn:a\", \"http://example.org/name\": \"x\" }", Lang.JSONLD).parse(g);
        assertEquals(1, g.size());
    }

    @Test
    void javaFunctionsAreNeitherLoadedNorRun() throws Exception {
        var r = server.query("SELECT ?x WHERE { BIND(<java:" + Probe.class.getName() + ">() AS ?x) }");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("java: functions are disabled"), r.body());
        // Other code paths use ARQ's registry, which refuses the java: scheme: the class is never loaded.
        var rows = QueryExec.dataset(DatasetGraphFactory.create()).query("SELECT ?x WHERE { BIND(<java:" + Probe.class.getName() + ">() AS ?x) }").select();
        var b = rows.next();
        assertNull(b.get("x"));
        assertFalse(Probe.instantiated);
        // ARQ's own function library still works.
        var lib = QueryExec.dataset(DatasetGraphFactory.create())
                .query("PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT ?x WHERE { BIND(afn:localname(<urn:a:b#c>) AS ?x) }").select();
        assertEquals("c", lib.next().get("x").getLiteralLexicalForm());
    }

    /** Would record being loaded through a java: IRI. */
    public static final class Probe extends org.apache.jena.sparql.function.FunctionBase0 {
        static volatile boolean instantiated;

        public Probe() { instantiated = true; }

        @Override
        public org.apache.jena.sparql.expr.NodeValue exec() { return org.apache.jena.sparql.expr.NodeValue.makeString("loaded"); }
    }
}
