package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One response body with its validators: a strong ETag (a digest of the bytes, so it survives restarts when the
 * data does not change), Last-Modified (when this version of the data was first served), and conditional GET
 * (If-None-Match, else If-Modified-Since) answered with 304.
 */
public final class Representation {
    /** The Content-Security-Policy of every HTML page: only this server's own scripts and styles, no framing. */
    public static final String HTML_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final byte[] body;
    private final String contentType;
    private final Instant lastModified;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String cacheControl = "no-cache";

    public Representation(byte[] body, String contentType, Instant lastModified) {
        this.body = body;
        this.contentType = contentType;
        this.lastModified = lastModified;
    }

    public static Representation text(String body, Format format, Instant lastModified) {
        Representation r = new Representation(body.getBytes(StandardCharsets.UTF_8), format.contentType(), lastModified);
        if (format == Format.HTML) r.header("Content-Security-Policy", HTML_POLICY);
        return r;
    }

    public Representation header(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Cache-Control; by default {@code no-cache}: caches keep the response but revalidate it (a cheap 304). */
    public Representation cacheControl(String value) {
        this.cacheControl = value;
        return this;
    }

    public byte[] body() { return body; }

    public String etag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the body, or 304 when the request's validators match. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String etag = etag();
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (notModified(request, etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
    }

    private boolean notModified(HttpServletRequest request, String etag) {
        List<String> inm = Collections.list(request.getHeaders("If-None-Match"));
        if (!inm.isEmpty()) {
            for (String header : inm) {
                for (String tag : header.split(",")) {
                    String t = tag.strip();
                    if (t.equals("*")) return true;
                    if (t.startsWith("W/")) t = t.substring(2);
                    if (t.equals(etag)) return true;
                }
            }
            return false;
        }
        String ims = request.getHeader("If-Modified-Since");
        if (ims == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored
        }
    }

    /** RFC 1123 date, as in Last-Modified. */
    public static String httpDate(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC));
    }
}
