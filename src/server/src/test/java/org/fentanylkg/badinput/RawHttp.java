package org.fentanylkg.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: a client library would encode, normalise or refuse much of what
 * the bad-input corpus sends (raw "..", invalid percent-encoding, invalid UTF-8, unknown methods).
 */
final class RawHttp {
    private RawHttp() {}

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) { return headers.getOrDefault(name.toLowerCase(Locale.ROOT), ""); }
    }

    static Response send(int port, String method, byte[] target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        req.write((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        req.write(target);
        req.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
        boolean chunked = false;
        for (var h : headers.entrySet()) {
            req.write((h.getKey() + ": " + h.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            chunked |= h.getKey().equalsIgnoreCase("Transfer-Encoding");
        }
        if (body != null && !chunked) req.write(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        req.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            if (chunked) {
                req.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                req.write(body);
                req.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                req.write(body);
            }
        }
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(req.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading all of an oversized request: read its answer.
            }
            return parse(s.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (end < 0) throw new IllegalStateException("no HTTP response: " + all);
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) body = dechunk(body);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int lineEnd = indexOf(in, i);
            if (lineEnd < 0) break;
            String sizeLine = new String(in, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) break;
            out.write(in, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] a, int from) {
        for (int i = from; i + 1 < a.length; i++) if (a[i] == '\r' && a[i + 1] == '\n') return i;
        return -1;
    }

    /** Reads all of a stream (for fixtures). */
    static byte[] readAll(InputStream in) throws IOException { return in.readAllBytes(); }
}
