package org.fentanylkg.http.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    Utf8BlockWriter(OutputStream out) { this.out = out; }

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
        out.flush();
    }

    /** Writes out everything buffered (a lone surrogate as '?'), without flushing the stream. */
    void finish() throws IOException { encode(true); }

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
        out.write(bytes.array(), 0, bytes.position());
        int left = pending.remaining(); // at most the one surrogate that waits for its pair
        System.arraycopy(chars, pending.position(), chars, 0, left);
        size = left;
    }
}
