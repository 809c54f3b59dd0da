package org.fentanylkg.http.cache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The response of a miss: everything goes to the client as usual, and a copy of the body is kept, up to a bound
 * (past it, or after anything that makes the copy unsure, such as a failed write or a reset, the copy is dropped).
 * Bytes written to the output stream are copied as they are; characters written to the writer are copied as
 * characters and encoded at the end with the writer's charset, strictly, so the copy is the bytes Jetty sent.
 */
final class TeeResponse extends HttpServletResponseWrapper {
    /** Headers about one transfer, or written by the container itself: never replayed. */
    private static final Set<String> NOT_KEPT = Set.of("date", "server", "content-length", "transfer-encoding", "connection",
            "keep-alive", "fuseki-request-id", ResponseCacheFilter.X_CACHE.toLowerCase(Locale.ROOT));

    /**
     * What a cache keeps of a response: at most {@code limit} body bytes; a {@code Vary} only on the request headers
     * in {@code keyed} (lower case: the cache's key accounts for them); and the headers in {@code overridden} (lower
     * case) as the cache set them before the servlets ran, whatever the servlets set later.
     */
    record Policy(int limit, Set<String> keyed, Set<String> overridden) {
        /** The pages' cache: what {@link CacheKey} holds. */
        static Policy pages(int limit) {
            return new Policy(limit, CacheKey.HEADERS.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet()), Set.of());
        }
    }

    private final int limit;
    private final Policy policy;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private StringBuilder chars;
    private Charset charset;
    private ServletOutputStream stream;
    private PrintWriter writer;

    TeeResponse(HttpServletResponse response, int limit) { this(response, Policy.pages(limit)); }

    TeeResponse(HttpServletResponse response, Policy policy) {
        super(response);
        this.limit = policy.limit();
        this.policy = policy;
    }

    @Override
    public void setHeader(String name, String value) {
        if (!overridden(name)) super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (!overridden(name)) super.addHeader(name, value);
    }

    private boolean overridden(String name) {
        return !policy.overridden().isEmpty() && name != null && policy.overridden().contains(name.toLowerCase(Locale.ROOT));
    }

    /** Stops copying: this response will not be kept. */
    private void giveUp() {
        bytes = null;
        chars = null;
    }

    private void copy(byte[] b, int off, int len) {
        if (bytes == null) return;
        if (bytes.size() + len > limit) giveUp();
        else bytes.write(b, off, len);
    }

    private void copy(CharSequence s) {
        if (chars == null) return;
        if (chars.length() + s.length() > limit) giveUp(); // a char is at least one byte in any charset Jetty writes
        else chars.append(s);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) stream = new TeeStream(super.getOutputStream());
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter real = super.getWriter(); // Jetty fixes the charset here
            charset = Charset.forName(getCharacterEncoding());
            chars = bytes == null ? null : new StringBuilder();
            bytes = null;
            writer = new TeePrintWriter(real, getLocale());
        }
        return writer;
    }

    @Override
    public void reset() {
        giveUp();
        super.reset();
    }

    @Override
    public void resetBuffer() {
        giveUp();
        super.resetBuffer();
    }

    /**
     * The response to keep, once the servlets are done: a 200 whose body was copied whole, that sets no cookie, that
     * no cache may store or share, that was not capped, and that varies on nothing the key leaves out.
     */
    Optional<CachedResponse> captured() {
        if (getStatus() != HttpServletResponse.SC_OK) return Optional.empty();
        byte[] body = body();
        if (body == null) return Optional.empty();
        List<CachedResponse.Header> headers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!seen.add(lower) || NOT_KEPT.contains(lower)) continue;
            List<String> values = List.copyOf(getHeaders(name));
            if (values.isEmpty()) continue;
            if (!storable(lower, values, policy.keyed())) return Optional.empty();
            headers.add(new CachedResponse.Header(name, values));
        }
        String length = getHeader("Content-Length");
        if (length != null && !length.trim().equals(Integer.toString(body.length))) return Optional.empty(); // not all of it went through here
        return Optional.of(new CachedResponse(List.copyOf(headers), body));
    }

    private static boolean storable(String lowerName, List<String> values, Set<String> keyed) {
        if (lowerName.equals("set-cookie")) return false;
        // A capped answer is not the query's answer: asked again, with a larger cap, it would differ.
        if (lowerName.equals("x-result-capped")) return false;
        for (String v : values) {
            for (String token : v.toLowerCase(Locale.ROOT).split(",")) {
                String t = token.strip();
                if (lowerName.equals("cache-control") && (t.startsWith("no-store") || t.startsWith("private"))) return false;
                if (lowerName.equals("vary") && !t.isEmpty() && !keyed.contains(t)) return false;
            }
        }
        return true;
    }

    /** The body as sent; null when not copied whole. */
    private byte[] body() {
        if (writer != null) {
            if (chars == null) return null;
            try {
                ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(chars));
                if (b.remaining() > limit) return null;
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            } catch (CharacterCodingException e) {
                return null; // Jetty replaced what it could not encode: not knowably the same bytes
            }
        }
        return bytes == null ? null : bytes.toByteArray();
    }

    /** Writes through, then copies what was written; a write that fails drops the copy. */
    private final class TeeStream extends ServletOutputStream {
        private final ServletOutputStream out;

        TeeStream(ServletOutputStream out) { this.out = out; }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException | RuntimeException e) {
                giveUp();
                throw e;
            }
            copy(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException | RuntimeException e) {
                giveUp();
                throw e;
            }
            copy(b, off, len);
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            ByteBuffer before = buffer.duplicate();
            try {
                out.write(buffer);
            } catch (IOException | RuntimeException e) {
                giveUp();
                throw e;
            }
            byte[] written = new byte[buffer.position() - before.position()];
            before.get(written);
            copy(written, 0, written.length);
        }

        // Text written to the stream is encoded by Jetty: passed through, and the response is not kept.
        @Override
        public void print(String s) throws IOException {
            giveUp();
            out.print(s);
        }

        @Override
        public void println() throws IOException {
            giveUp();
            out.println();
        }

        @Override
        public void println(String s) throws IOException {
            giveUp();
            out.println(s);
        }

        @Override
        public void flush() throws IOException { out.flush(); }

        @Override
        public void close() throws IOException { out.close(); }

        @Override
        public boolean isReady() { return out.isReady(); }

        @Override
        public void setWriteListener(WriteListener listener) {
            giveUp(); // asynchronous writes: not followed
            out.setWriteListener(listener);
        }
    }

    /** Jetty's writer, with a copy of every character; format and printf use the response's locale, as Jetty's do. */
    private final class TeePrintWriter extends PrintWriter {
        private final PrintWriter real;
        private final Locale locale;

        TeePrintWriter(PrintWriter real, Locale locale) {
            super(new Writer() {
                @Override
                public void write(char[] c, int off, int len) {
                    real.write(c, off, len);
                    copy(CharBuffer.wrap(c, off, len));
                }

                @Override
                public void write(String s, int off, int len) {
                    real.write(s, off, len);
                    copy(s.subSequence(off, off + len));
                }

                @Override
                public void write(int c) {
                    real.write(c);
                    copy(String.valueOf((char) c));
                }

                @Override
                public void flush() { real.flush(); }

                @Override
                public void close() { real.close(); }
            }, false);
            this.real = real;
            this.locale = locale;
        }

        @Override
        public boolean checkError() { return super.checkError() || real.checkError(); } // Jetty's writer keeps the I/O errors

        @Override
        public PrintWriter format(String format, Object... args) { return format(locale, format, args); }

        @Override
        public PrintWriter printf(String format, Object... args) { return format(locale, format, args); }
    }
}
