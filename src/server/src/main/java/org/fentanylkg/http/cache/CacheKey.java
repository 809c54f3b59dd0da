package org.fentanylkg.http.cache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything a cached answer depends on: the generation of the data; the request URI and query string, as sent;
 * the scheme, host and port the server derives from the request (from Host, or from X-Forwarded-* if Jetty is
 * ever told to read them), which make the public base of the links when {@code fkgc:publicBase} is not set; and
 * every request header an answer reads ({@link #HEADERS}), all their values in order.
 */
record CacheKey(long generation, String uri, String query, String scheme, String host, int port, List<List<String>> headers) implements EntryKey {
    /**
     * Accept: content negotiation of the pages and of the saved-query API. Origin: Fuseki's CORS filter answers
     * with it (Access-Control-Allow-Origin). Accept-Language: nothing reads it yet; keyed so that a page that
     * starts to cannot be served in the wrong language. Not Accept-Encoding: nothing here compresses, and a
     * compressing handler would wrap the servlet context, outside this cache, which keeps identity bytes.
     */
    static final List<String> HEADERS = List.of("Accept", "Accept-Language", "Origin");

    static CacheKey of(HttpServletRequest r, long generation) {
        List<List<String>> headers = new ArrayList<>(HEADERS.size());
        for (String h : HEADERS) headers.add(List.copyOf(Collections.list(r.getHeaders(h))));
        return new CacheKey(generation, r.getRequestURI(), r.getQueryString(), r.getScheme(), r.getServerName(), r.getServerPort(),
                List.copyOf(headers));
    }

    /** Approximate bytes held (two per char, plus object overhead). */
    @Override
    public int weight() {
        int chars = uri.length() + (query == null ? 0 : query.length()) + scheme.length() + host.length();
        for (List<String> values : headers) for (String v : values) chars += v.length();
        return 128 + 2 * chars;
    }
}
