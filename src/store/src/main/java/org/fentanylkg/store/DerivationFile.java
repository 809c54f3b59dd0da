package org.fentanylkg.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.jena.atlas.io.StringWriterI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.fentanylkg.dataset.KnowledgeGraph;
import org.fentanylkg.inference.Derivation;
import org.fentanylkg.inference.Derivations;

/**
 * The closure's derivations, kept beside a TDB2 generation so that a store explains inferred triples as the
 * in-memory graph does, without computing the closure again. Two files:
 * <ul>
 *   <li>{@value #DATA}: one JSON object per derivation, each term in N-Triples form, triples as the store holds
 *       them (literals in canonical form):
 *       <pre>{"c":[s,p,o],"rule":"prp-trp","text":"precursorOf is transitive","axioms":[[s,p,o],...],"premises":[[s,p,o],...]}</pre>
 *       one per line, the lines deflated in blocks of about {@value #BLOCK} bytes, each block preceded by its
 *       compressed length (4 bytes);</li>
 *   <li>{@value #INDEX}: a header (magic, count), then for each derivation a 64-bit hash of its conclusion and where
 *       its line is (the block's byte offset, shifted left 20 bits, plus the line's offset in the block), sorted by
 *       hash.</li>
 * </ul>
 * A lookup binary-searches the memory-mapped index and inflates the one block it points to, so a server neither
 * reads nor holds every derivation (read whole, those of 3×10⁵ synthetic triples took 12.6 s and about 1 GB of
 * heap), and the file stays a fraction of the database (uncompressed, it was about as large).
 */
final class DerivationFile implements Derivations, Closeable {
    static final String DATA = "derivations.jsonl.blocks";
    static final String INDEX = "derivations.idx";
    private static final long MAGIC = 0x666b672d64657202L; // "fkg-der" and the format's version, 2
    /** Uncompressed bytes per block, about: a lookup inflates one. */
    static final int BLOCK = 1 << 15;
    private static final int IN_BLOCK_BITS = 20;
    /** A compressed block larger than this is damage, not data. */
    private static final int MAX_COMPRESSED = 1 << 26;
    private static final NodeFormatter NT = new NodeFormatterNT();

    private final Path data;
    private final FileChannel lines;
    private final LongBuffer index;
    private final int count;

    private DerivationFile(Path data, FileChannel lines, LongBuffer index, int count) {
        this.data = data;
        this.lines = lines;
        this.index = index;
        this.count = count;
    }

    /** Whether {@code dir} holds both files. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(DATA)) && Files.isRegularFile(dir.resolve(INDEX));
    }

    // ---- Writing

    /** How each inferred triple of {@code kg} was derived, as its closure recorded. */
    static Iterator<Derivation> of(KnowledgeGraph kg) {
        return kg.closure().inferred().find().mapWith(t -> kg.closure().derivation(t).orElse(null)).filterDrop(Objects::isNull);
    }

    /** Writes the derivations into {@code dir}; returns how many. */
    static long write(Path dir, Iterator<Derivation> derivations, UnaryOperator<Triple> asStored) throws IOException {
        long[] hashes = new long[1024];
        long[] places = new long[1024];
        int n = 0;
        StringWriter line = new StringWriter();
        try (BlockWriter out = new BlockWriter(dir.resolve(DATA))) {
            while (derivations.hasNext()) {
                Derivation d = derivations.next();
                Triple c = asStored.apply(d.conclusion());
                line.getBuffer().setLength(0);
                // Streamed, not built as a tree first: this runs once per inferred triple.
                JsonWriter json = new JsonWriter(line);
                json.beginObject();
                json.name("c");
                triple(json, c);
                json.name("rule").value(d.rule());
                json.name("text").value(d.ruleDescription());
                json.name("axioms");
                triples(json, d.axioms(), asStored);
                json.name("premises");
                triples(json, d.premises(), asStored);
                json.endObject();
                json.flush();
                line.write('\n');
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                    places = Arrays.copyOf(places, n * 2);
                }
                hashes[n] = hash(c);
                places[n] = out.add(line.toString().getBytes(StandardCharsets.UTF_8));
                n++;
            }
        }
        writeIndex(dir.resolve(INDEX), hashes, places, n);
        return n;
    }

    /** Lines into deflated blocks; {@link #add} says where a line went. */
    private static final class BlockWriter implements Closeable {
        private final OutputStream out;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        private final ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK + 4096);
        private final byte[] buffer = new byte[1 << 16];
        private long blockStart;

        BlockWriter(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        }

        long add(byte[] line) throws IOException {
            if (block.size() > 0 && block.size() + line.length > BLOCK) flush();
            long place = (blockStart << IN_BLOCK_BITS) | block.size();
            block.write(line); // at most BLOCK bytes in: the offset fits IN_BLOCK_BITS
            return place;
        }

        private void flush() throws IOException {
            deflater.reset();
            deflater.setInput(block.toByteArray());
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(block.size() / 4 + 64);
            while (!deflater.finished()) compressed.write(buffer, 0, deflater.deflate(buffer));
            new DataOutputStream(out).writeInt(compressed.size());
            compressed.writeTo(out);
            blockStart += 4 + compressed.size();
            block.reset();
        }

        @Override
        public void close() throws IOException {
            try {
                if (block.size() > 0) flush();
            } finally {
                deflater.end();
                out.close();
            }
        }
    }

    private static void writeIndex(Path file, long[] hashes, long[] places, int n) throws IOException {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong(i -> hashes[i]));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeLong(MAGIC);
            out.writeLong(n);
            for (int i : order) {
                out.writeLong(hashes[i]);
                out.writeLong(places[i]);
            }
        }
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

    /** 64-bit FNV-1a of the triple's N-Triples terms; a collision only costs reading one more line. */
    static long hash(Triple t) {
        long h = 0xcbf29ce484222325L;
        for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
            String s = nt(n);
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        return h;
    }

    // ---- Reading

    /** Opens the files in {@code dir}; an index that is not one is an error naming the file. */
    static DerivationFile open(Path dir) throws IOException {
        Path indexFile = dir.resolve(INDEX);
        LongBuffer index;
        try (FileChannel ch = FileChannel.open(indexFile, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 16 || size % 16 != 0) throw new IOException(indexFile + ": not a derivation index (" + size + " bytes)");
            index = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).asLongBuffer(); // the mapping outlives the channel
        }
        long n = index.get(1);
        if (index.get(0) != MAGIC || n != index.capacity() / 2 - 1) {
            throw new IOException(indexFile + ": not a derivation index of this version, or cut short");
        }
        Path data = dir.resolve(DATA);
        return new DerivationFile(data, FileChannel.open(data, StandardOpenOption.READ), index, (int) n);
    }

    /**
     * How {@code t}, as the store holds it, was derived. A line that is not a derivation is an
     * {@link UncheckedIOException} naming the file and the line's byte offset.
     */
    @Override
    public Optional<Derivation> derivation(Triple t) {
        long h = hash(t);
        int lo = 0;
        int hi = count;
        while (lo < hi) { // the first entry whose hash is ≥ h (signed, as the index is sorted)
            int mid = (lo + hi) >>> 1;
            if (index.get(2 + 2 * mid) < h) lo = mid + 1;
            else hi = mid;
        }
        for (int i = lo; i < count && index.get(2 + 2 * i) == h; i++) {
            Derivation d = line(index.get(3 + 2 * i));
            if (d.conclusion().equals(t)) return Optional.of(d);
        }
        return Optional.empty();
    }

    private Derivation line(long place) {
        long blockStart = place >>> IN_BLOCK_BITS;
        int inBlock = (int) (place & ((1 << IN_BLOCK_BITS) - 1));
        try {
            ByteBuffer length = ByteBuffer.allocate(4);
            readFully(length, blockStart);
            int compressedLength = length.getInt(0);
            if (compressedLength <= 0 || compressedLength > MAX_COMPRESSED) throw new IOException("a block of " + compressedLength + " bytes");
            ByteBuffer compressed = ByteBuffer.allocate(compressedLength);
            readFully(compressed, blockStart + 4);
            byte[] block = inflate(compressed.array());
            int end = inBlock;
            while (end < block.length && block[end] != '\n') end++;
            if (inBlock >= block.length) throw new IOException("no line at " + inBlock + " in a block of " + block.length + " bytes");
            return parse(new String(block, inBlock, end - inBlock, StandardCharsets.UTF_8));
        } catch (IOException | DataFormatException e) {
            throw new UncheckedIOException(new IOException(data + ": block at byte " + blockStart + ": " + e.getMessage(), e));
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException
                 | UnsupportedOperationException | IndexOutOfBoundsException e) {
            throw new UncheckedIOException(new IOException(data + ": block at byte " + blockStart + ", line at " + inBlock
                    + ": not a derivation: " + e.getMessage(), e));
        }
    }

    private void readFully(ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (lines.read(into, position + into.position()) < 0) throw new IOException("cut short");
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(BLOCK + 4096);
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) throw new DataFormatException("the block ends early");
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static Derivation parse(String line) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        return new Derivation(triple(o.get("c")), o.get("rule").getAsString(), o.get("text").getAsString(),
                triples(o.getAsJsonArray("axioms")), triples(o.getAsJsonArray("premises")));
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

    /** How many derivations the file holds. */
    int size() { return count; }

    @Override
    public void close() throws IOException { lines.close(); }
}
