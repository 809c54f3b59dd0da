package org.fentanylkg.http.cache;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** A 200 answer as it left the servlets: its headers (name and every value, in order) and its body. */
record CachedResponse(List<Header> headers, byte[] body) {
    record Header(String name, List<String> values) {}

    int weight() {
        int chars = 0;
        for (Header h : headers) {
            chars += h.name().length();
            for (String v : h.values()) chars += v.length();
        }
        return 128 + body.length + 2 * chars;
    }

    /**
     * Sends it again. Each header replaces what the filters before the cache set under that name (the same, since
     * they read only what the key holds), so the response is the one first sent, header for header.
     */
    void send(HttpServletResponse response, boolean head) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        for (Header h : headers) {
            response.setHeader(h.name(), h.values().get(0));
            for (String v : h.values().subList(1, h.values().size())) response.addHeader(h.name(), v);
        }
        response.setHeader(ResponseCacheFilter.X_CACHE, "HIT");
        response.setContentLength(body.length); // a HEAD too: what the GET would send
        if (!head) response.getOutputStream().write(body);
    }
}
