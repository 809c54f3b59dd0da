package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.fentanylkg.dataset.Generation;

/**
 * One representation's validators, known before its body is rendered: a weak ETag made of the data's generation
 * (number and build time) and what names the representation (media type, the request's path and query, the base
 * its links are written with), and Last-Modified, the generation's build time. A conditional GET or HEAD
 * (If-None-Match, else If-Modified-Since) is answered 304 without rendering.
 */
public final class Representation {
    /** The Content-Security-Policy of every HTML page: only this server's own scripts and styles, no framing. */
    public static final String HTML_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Renders a body; called only when one is sent. */
    @FunctionalInterface
    public interface Body {
        byte[] render() throws IOException;
    }

    private static final LongAdder RENDERED = new LongAdder();

    private final String contentType;
    private final String etag;
    private final Instant lastModified;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String cacheControl = "no-cache";

    private Representation(String contentType, String etag, Instant lastModified) {
        this.contentType = contentType;
        this.etag = etag;
        this.lastModified = lastModified;
    }

    /**
     * The representation in {@code contentType} of {@code generation}'s data named by {@code identity} (whatever
     * else its bytes depend on: a language, the resource, the page's parameters).
     */
    public static Representation of(Generation generation, String contentType, String... identity) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(contentType.getBytes(StandardCharsets.UTF_8));
        for (String part : identity) {
            sha.update((byte) 0);
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        // The build time tells apart two servers' (or two starts') generations of the same number.
        String etag = "W/\"" + generation.number() + "-" + Long.toString(generation.built().toEpochMilli(), 36) + "-"
                + HexFormat.of().formatHex(sha.digest(), 0, 12) + "\"";
        Representation r = new Representation(contentType, etag, generation.built().truncatedTo(ChronoUnit.SECONDS));
        if (contentType.startsWith("text/html")) r.header("Content-Security-Policy", HTML_POLICY);
        return r;
    }

    /**
     * The representation in {@code format} of the resource or page {@code request} names (path and query), with
     * links written from {@code links}.
     */
    public static Representation of(Generation generation, Format format, HttpServletRequest request, Links links) {
        return of(generation, format.contentType(), links.base(), request.getRequestURI(), String.valueOf(request.getQueryString()));
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

    public String etag() { return etag; }

    /** Sends 304 when the request's validators match, else 200 with the body {@code body} renders then. */
    public void send(HttpServletRequest request, HttpServletResponse response, Body body) throws IOException {
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModified.toEpochMilli());
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        if (notModified(request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = body.render();
        RENDERED.increment();
        response.setStatus(200);
        response.setContentType(contentType);
        response.setContentLength(bytes.length); // a HEAD too: what the GET would send
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(bytes);
    }

    /** {@link #send(HttpServletRequest, HttpServletResponse, Body)} of text, in UTF-8. */
    public void sendText(HttpServletRequest request, HttpServletResponse response, TextBody body) throws IOException {
        send(request, response, () -> body.render().getBytes(StandardCharsets.UTF_8));
    }

    /** Renders a text body; called only when one is sent. */
    @FunctionalInterface
    public interface TextBody {
        String render() throws IOException;
    }

    /** How many bodies were rendered and sent since the start: a 304 adds none (tests). */
    public static long rendered() { return RENDERED.sum(); }

    private boolean notModified(HttpServletRequest request) {
        if (request.getHeader("If-None-Match") != null) return matches(request, etag);
        String ims = request.getHeader("If-Modified-Since");
        if (ims == null) return false;
        try {
            Instant since = ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // RFC 9110: an invalid date is ignored
        }
    }

    /** Whether the request's If-None-Match holds {@code etag} (the weak comparison, RFC 9110 13.1.2) or "*". */
    public static boolean matches(HttpServletRequest request, String etag) {
        String mine = opaque(etag);
        for (String header : Collections.list(request.getHeaders("If-None-Match"))) {
            for (String tag : header.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || opaque(t).equals(mine)) return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) { return tag.startsWith("W/") ? tag.substring(2) : tag; }
}
