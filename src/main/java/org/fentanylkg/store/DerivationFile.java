package org.fentanylkg.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.atlas.io.StringWriterI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.fentanylkg.inference.Derivation;
import org.fentanylkg.inference.Derivations;

/**
 * The closure's derivations, kept beside a TDB2 generation so that a store explains inferred triples as the
 * in-memory graph does, without computing the closure again. One JSON object per line, gzipped, each term in
 * N-Triples form:
 * <pre>{"c":[s,p,o],"rule":"prp-trp","text":"precursorOf is transitive","axioms":[[s,p,o],...],"premises":[[s,p,o],...]}</pre>
 * Triples are written as the store holds them (literals in canonical form), so that they match the store's.
 */
final class DerivationFile {
    static final String NAME = "derivations.jsonl.gz";
    private static final NodeFormatter NT = new NodeFormatterNT();

    private DerivationFile() {}

    /** Writes one line per derivation; returns how many. */
    static long write(Path file, Iterator<Derivation> derivations, UnaryOperator<Triple> asStored) throws IOException {
        long n = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(fastGzip(file), StandardCharsets.UTF_8), 1 << 16)) {
            while (derivations.hasNext()) {
                Derivation d = derivations.next();
                // Streamed, not built as a tree first: this runs once per inferred triple.
                JsonWriter json = new JsonWriter(out);
                json.beginObject();
                json.name("c");
                triple(json, asStored.apply(d.conclusion()));
                json.name("rule").value(d.rule());
                json.name("text").value(d.ruleDescription());
                json.name("axioms");
                triples(json, d.axioms(), asStored);
                json.name("premises");
                triples(json, d.premises(), asStored);
                json.endObject();
                json.flush(); // into the buffered writer; the writer is closed once, below
                out.write('\n');
                n++;
            }
        }
        return n;
    }

    /** Gzip at its fastest level: the file is written once per load and read once per server. */
    private static GZIPOutputStream fastGzip(Path file) throws IOException {
        return new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** Reads a file written by {@link #write}; a line that is not one is an error naming the file and line. */
    static Derivations read(Path file) throws IOException {
        Map<Triple, Derivation> byConclusion = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                try {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    Triple c = triple(o.get("c"));
                    byConclusion.put(c, new Derivation(c, o.get("rule").getAsString(), o.get("text").getAsString(),
                            triples(o.getAsJsonArray("axioms")), triples(o.getAsJsonArray("premises"))));
                } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                         | UnsupportedOperationException | IndexOutOfBoundsException e) {
                    throw new IOException(file + ":" + number + ": not a derivation: " + e.getMessage(), e);
                }
            }
        }
        return t -> Optional.ofNullable(byConclusion.get(t));
    }

    private static void triple(JsonWriter json, Triple t) throws IOException {
        json.beginArray();
        json.value(nt(t.getSubject())).value(nt(t.getPredicate())).value(nt(t.getObject()));
        json.endArray();
    }

    private static void triples(JsonWriter json, List<Triple> ts, UnaryOperator<Triple> asStored) throws IOException {
        json.beginArray();
        for (Triple t : ts) triple(json, asStored.apply(t));
        json.endArray();
    }

    /**
     * N-Triples form, as NodeFmtLib.strNT writes it. An IRI with nothing to escape, the usual case, is written
     * directly: Jena's formatter writes one character at a time into a synchronized buffer, which made this stage
     * slower than the bulk load.
     */
    private static String nt(Node n) {
        if (n.isURI() && plainIri(n.getURI())) return "<" + n.getURI() + ">";
        StringWriterI w = new StringWriterI();
        NT.format(w, n);
        return w.toString();
    }

    /** The ASCII characters an IRI can hold unescaped in N-Triples. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0x21; c < 0x7F; c++) PLAIN[c] = "<>\"{}|^`\\".indexOf(c) < 0;
    }

    private static boolean plainIri(String iri) {
        for (int i = 0, n = iri.length(); i < n; i++) {
            char c = iri.charAt(i);
            if (c >= 0x80 || !PLAIN[c]) return false;
        }
        return true;
    }

    private static Triple triple(JsonElement e) {
        JsonArray a = e.getAsJsonArray();
        if (a.size() != 3) throw new IllegalArgumentException("a triple has 3 terms, not " + a.size());
        return Triple.create(node(a.get(0)), node(a.get(1)), node(a.get(2)));
    }

    private static List<Triple> triples(JsonArray a) {
        List<Triple> out = new ArrayList<>(a.size());
        for (JsonElement e : a) out.add(triple(e));
        return out;
    }

    private static Node node(JsonElement e) {
        String s = e.getAsString();
        // A blank node keeps its label (strNT encodes it), so that it is the store's blank node.
        if (s.startsWith("_:")) return NodeFactory.createBlankNode(NodeFmtLib.decodeBNodeLabel(s.substring(2)));
        Node n = NodeFactoryExtra.parseNode(s);
        if (n == null) throw new IllegalArgumentException("not an N-Triples term: " + s);
        return n;
    }
}
