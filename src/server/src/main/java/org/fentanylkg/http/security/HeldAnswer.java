package org.fentanylkg.http.security;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * An answer's bytes on their way to the response, held back while the whole answer may still fit in a limit: an
 * answer that fits is written by {@link #finish} in one write, after telling its length (a servlet's Content-Length,
 * so that the container sends headers and body together, not chunked); a longer one streams from the moment it
 * outgrows the limit.
 *
 * <p>{@link #flush} does nothing. Each flush of a servlet's stream sends what it has as a chunk of its own, and Jena's
 * CSV writer flushes after every cell, so a large CSV answer went out in as many small writes as it had cells. The
 * container sends what is left when the request completes. Not thread-safe.
 */
final class HeldAnswer extends OutputStream {
    /**
     * An answer up to this size is handed to the response in one write with its length; a longer one is streamed.
     * Streamed, it goes through Jetty's output in small writes and leaves chunked, which costs the request more CPU
     * than holding the answer does; held, it takes at most this much memory per request in flight. (Jetty still
     * passes a held answer to the socket one response buffer at a time; writing it at once measured no cheaper.)
     */
    static final int WHOLE_ANSWER_BYTES = 1024 * 1024;
    private static final int FIRST_HOLD = 16 * 1024;

    private final OutputStream out;
    private final int holdLimit;
    private final IntConsumer wholeLength;
    private byte[] held; // null once streaming
    private int heldSize;

    /** Holds up to {@link #WHOLE_ANSWER_BYTES}. */
    HeldAnswer(OutputStream out, IntConsumer wholeLength) { this(out, WHOLE_ANSWER_BYTES, wholeLength); }

    HeldAnswer(OutputStream out, int holdLimit, IntConsumer wholeLength) {
        this.out = out;
        this.holdLimit = holdLimit;
        this.wholeLength = wholeLength;
        this.held = new byte[Math.min(holdLimit, FIRST_HOLD)];
    }

    @Override
    public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (held != null) {
            if (heldSize + len <= holdLimit) {
                if (heldSize + len > held.length) held = Arrays.copyOf(held, Math.min(holdLimit, Math.max(heldSize + len, held.length * 2)));
                System.arraycopy(b, off, held, heldSize, len);
                heldSize += len;
                return;
            }
            out.write(held, 0, heldSize); // outgrown: what was held goes out first, then the rest streams
            held = null;
        }
        out.write(b, off, len);
    }

    @Override
    public void flush() {}

    /** Ends the answer: one that fits has its length told, then goes out in one write. The stream is not flushed. */
    void finish() throws IOException {
        if (held == null) return;
        wholeLength.accept(heldSize);
        out.write(held, 0, heldSize);
        held = null;
    }

    @Override
    public void close() throws IOException { finish(); }
}
