package org.fentanylkg.http.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interoperability proof: RDF4J Rio, a parser independent of Jena, reads every RDF format the server emits,
 * and what it reads is isomorphic to Jena's model of the same resource or dump.
 */
class RioInteropTest {
    private static final Map<String, RDFFormat> FORMATS = new LinkedHashMap<>();
    static {
        FORMATS.put("text/turtle", RDFFormat.TURTLE);
        FORMATS.put("application/ld+json", RDFFormat.JSONLD);
        FORMATS.put("application/rdf+xml", RDFFormat.RDFXML);
        FORMATS.put("application/n-triples", RDFFormat.NTRIPLES);
    }
    private static TestServer server;
    private static final TreeSet<String> PROVEN = new TreeSet<>();

    @BeforeAll
    static void start() { server = TestServer.start(); }

    @AfterAll
    static void stop() {
        System.out.println("RDF4J Rio round trip proven for: " + String.join(", ", PROVEN));
        if (server != null) server.close();
    }

    private static Model rio(byte[] body, RDFFormat format) throws Exception {
        return Rio.parse(new ByteArrayInputStream(body), "", format);
    }

    /** Jena's reading of the same bytes, handed to RDF4J through N-Quads (a line format both read the same way). */
    private static Model jena(byte[] body, Lang lang) throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(dsg);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, Lang.NQUADS);
        return Rio.parse(new ByteArrayInputStream(out.toByteArray()), "", RDFFormat.NQUADS);
    }

    @Test
    void descriptionsInEveryFormat() throws Exception {
        for (String path : List.of("id/sinaloa-cartel", "id/fentanyl", "fact/sinaloa-cartel-and-cjng-based-in-mexico",
                "report/IF10400-2025-08-26/p7-s1", "ontology", ".well-known/void", "graph/inferred", "kg/sparql")) {
            Model reference = null;
            for (Map.Entry<String, RDFFormat> f : FORMATS.entrySet()) {
                var r = server.bytes(path, "Accept", f.getKey());
                assertEquals(200, r.statusCode(), path + " " + f.getKey());
                Model byRio = rio(r.body(), f.getValue());
                Model byJena = jena(r.body(), org.apache.jena.riot.RDFLanguages.contentTypeToLang(f.getKey()));
                assertTrue(byRio.size() > 0, path);
                assertTrue(Models.isomorphic(byRio, byJena), path + " as " + f.getKey() + ": RDF4J and Jena differ");
                // every format carries the same graph
                if (reference == null) reference = byRio;
                else assertTrue(Models.isomorphic(reference, byRio), path + ": " + f.getKey() + " differs from Turtle");
                PROVEN.add(f.getValue().getName());
            }
        }
    }

    @Test
    void dumpsInEveryFormat() throws Exception {
        DatasetGraph live = server.dataset();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream dflt = new ByteArrayOutputStream();
        Txn.executeRead(live, () -> {
            RDFDataMgr.write(all, live, Lang.NQUADS);
            RDFDataMgr.write(dflt, live.getDefaultGraph(), Lang.NTRIPLES);
        });
        Model liveDataset = Rio.parse(new ByteArrayInputStream(all.toByteArray()), "", RDFFormat.NQUADS);
        Model liveDefault = Rio.parse(new ByteArrayInputStream(dflt.toByteArray()), "", RDFFormat.NTRIPLES);
        Map<String, RDFFormat> dumps = Map.of("ttl", RDFFormat.TURTLE, "nt", RDFFormat.NTRIPLES, "jsonld", RDFFormat.JSONLD, "nq", RDFFormat.NQUADS);
        for (Map.Entry<String, RDFFormat> d : dumps.entrySet()) {
            byte[] body = server.bytes("dumps/fentanyl-kg." + d.getKey()).body();
            Model byRio = rio(body, d.getValue());
            Model expected = d.getKey().equals("nq") ? liveDataset : liveDefault;
            assertEquals(expected.size(), byRio.size(), d.getKey());
            assertTrue(Models.isomorphic(expected, byRio), "dump ." + d.getKey() + " read by RDF4J is not the live dataset");
            PROVEN.add(d.getValue().getName());
        }
    }
}
