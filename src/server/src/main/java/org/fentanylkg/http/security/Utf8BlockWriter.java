package org.fentanylkg.http.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A writer that collects characters in a block without locking and encodes each full block at once with the JDK's
 * UTF-8 encoder. Gson writes an answer in many small pieces, and {@code BufferedWriter} and
 * {@code OutputStreamWriter} each take a lock on every one. (Jena's {@code BufferingWriter} would do, but its
 * {@code write(String, off, len)} copies the whole string rather than the part asked for.)
 * A high surrogate at the end of a block waits for its pair in the next. Not thread-safe.
 */
final class Utf8BlockWriter extends Writer {
    private static final int BLOCK = 8 * 1024;

    private final OutputStream out;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)       // as OutputStreamWriter: a lone surrogate becomes '?'
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] chars = new char[BLOCK];
    private final CharBuffer pending = CharBuffer.wrap(chars);
    private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK * 3); // UTF-8 takes at most 3 bytes per char
    private int size;
    // The bytes held back while the whole text may still fit in holdLimit; null once streaming.
    private final int holdLimit;
    private final IntConsumer wholeLength;
    private byte[] held;
    private int heldSize;

    Utf8BlockWriter(OutputStream out) { this(out, 0, length -> {}); }

    /**
     * A writer that holds back up to {@code holdLimit} bytes: a text that fits is written out by {@link #finish} in
     * one write, after telling {@code wholeLength} its length (a servlet's Content-Length, so that the container
     * sends headers and body together, not chunked); a longer one streams from the moment it outgrows the limit.
     */
    Utf8BlockWriter(OutputStream out, int holdLimit, IntConsumer wholeLength) {
        this.out = out;
        this.holdLimit = holdLimit;
        this.wholeLength = wholeLength;
        this.held = holdLimit > 0 ? new byte[Math.min(holdLimit, BLOCK * 2)] : null;
    }

    @Override
    public void write(int c) throws IOException {
        if (size == BLOCK) encode(false);
        chars[size++] = (char) c;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (size == BLOCK) encode(false);
            int n = Math.min(len, BLOCK - size);
            s.getChars(off, off + n, chars, size);
            size += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        while (len > 0) {
            if (size == BLOCK) encode(false);
            int n = Math.min(len, BLOCK - size);
            System.arraycopy(c, off, chars, size, n);
            size += n;
            off += n;
            len -= n;
        }
    }

    /** Writes out what is buffered but a trailing high surrogate, then flushes the stream. */
    @Override
    public void flush() throws IOException {
        encode(false);
        spill();
        out.flush();
    }

    /**
     * Writes out everything buffered and held back (a lone surrogate as '?'), without flushing the stream: the
     * container sends a servlet's answer of known length with its headers when the request completes.
     */
    void finish() throws IOException {
        encode(true);
        if (held != null) {
            wholeLength.accept(heldSize);
            out.write(held, 0, heldSize);
            held = null;
        }
    }

    /** Writes out everything buffered (a lone surrogate as '?') and closes the stream. */
    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }

    private void encode(boolean last) throws IOException {
        pending.limit(size).position(0);
        bytes.clear();
        encoder.encode(pending, bytes, last); // cannot overflow: the byte buffer holds a full block
        if (last) {
            encoder.flush(bytes);
            encoder.reset();
        }
        emit(bytes.array(), bytes.position());
        int left = pending.remaining(); // at most the one surrogate that waits for its pair
        System.arraycopy(chars, pending.position(), chars, 0, left);
        size = left;
    }

    private void emit(byte[] b, int len) throws IOException {
        if (held != null) {
            if (heldSize + len <= holdLimit) {
                if (heldSize + len > held.length) held = Arrays.copyOf(held, Math.min(holdLimit, Math.max(heldSize + len, held.length * 2)));
                System.arraycopy(b, 0, held, heldSize, len);
                heldSize += len;
                return;
            }
            spill();
        }
        out.write(b, 0, len);
    }

    /** From here on, stream: what was held back goes out first. */
    private void spill() throws IOException {
        if (held == null) return;
        out.write(held, 0, heldSize);
        held = null;
    }
}
