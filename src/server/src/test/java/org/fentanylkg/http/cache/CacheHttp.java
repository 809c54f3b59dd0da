package org.fentanylkg.http.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The HTTP calls of the cache tests: raw bytes, any method, any headers; and the headers of an answer, compared. */
final class CacheHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Headers about one transfer, not the representation: the time, how the body was framed, and the cache's own. */
    static final Set<String> TRANSFER = Set.of("date", "x-cache", "content-length", "transfer-encoding");

    private CacheHttp() {}

    /** {@code base} is {@code http://host:port}; headers as name, value, name, value... */
    static HttpResponse<byte[]> send(String method, String base, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> get(String base, String path, String... headers) { return send("GET", base, path, headers); }

    static String xCache(HttpResponse<?> r) { return r.headers().firstValue("X-Cache").orElse(null); }

    /** The response's headers by lower-case name, less {@link #TRANSFER} and {@code also}. */
    static Map<String, List<String>> headers(HttpResponse<?> r, String... also) {
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        out.keySet().removeAll(TRANSFER);
        for (String a : also) out.remove(a.toLowerCase(Locale.ROOT));
        return out;
    }
}
