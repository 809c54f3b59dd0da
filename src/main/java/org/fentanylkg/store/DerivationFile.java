package org.fentanylkg.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
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

    private DerivationFile() {}

    /** Writes one line per derivation; returns how many. */
    static long write(Path file, Iterator<Derivation> derivations, UnaryOperator<Triple> asStored) throws IOException {
        long n = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            while (derivations.hasNext()) {
                Derivation d = derivations.next();
                JsonObject o = new JsonObject();
                o.add("c", triple(asStored.apply(d.conclusion())));
                o.addProperty("rule", d.rule());
                o.addProperty("text", d.ruleDescription());
                o.add("axioms", triples(d.axioms(), asStored));
                o.add("premises", triples(d.premises(), asStored));
                out.write(o.toString());
                out.write('\n');
                n++;
            }
        }
        return n;
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

    private static JsonArray triple(Triple t) {
        JsonArray a = new JsonArray(3);
        for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) a.add(NodeFmtLib.strNT(n));
        return a;
    }

    private static JsonArray triples(List<Triple> ts, UnaryOperator<Triple> asStored) {
        JsonArray a = new JsonArray(ts.size());
        for (Triple t : ts) a.add(triple(asStored.apply(t)));
        return a;
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
