package org.fentanylkg.http.ops;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The request with its body already read into memory (bounded by the server's request size limit), so that a
 * filter can read it (to hash or key a query) and the servlet read it again.
 */
public final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    private BufferedBody(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request as it is when its body was read already, else with its body read. */
    public static BufferedBody of(HttpServletRequest request) throws IOException {
        if (request instanceof BufferedBody b) return b;
        return new BufferedBody(request, request.getInputStream().readAllBytes());
    }

    public byte[] body() { return body; }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException("blocking reads only"); }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() { return body.length; }

    @Override
    public long getContentLengthLong() { return body.length; }
}
