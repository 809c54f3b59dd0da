package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a request's path before it is turned into an IRI of the namespace: traversal ({@code ..}, encoded
 * dots, slashes or backslashes), empty segments, characters outside IRI path segments and absurd lengths are
 * refused with a 4xx that says which.
 */
public final class RequestPaths {
    /** The longest request path accepted; every IRI of the graph is far shorter. */
    public static final int MAX_PATH = 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    private RequestPaths() {}

    /** The decoded path within the context ({@code /id/cjng}), checked. */
    public static String check(HttpServletRequest request) {
        String raw = request.getRequestURI();
        if (raw == null) raw = "";
        if (raw.length() > MAX_PATH) {
            throw new HttpError(414, "the IRI path is " + raw.length() + " characters long; the limit is " + MAX_PATH);
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String bad : new String[] {"%2e", "%2f", "%5c", "%00", "\\"}) {
            if (lower.contains(bad)) {
                throw HttpError.badRequest("the path holds an encoded '" + bad + "': encoded dots, slashes and backslashes are not allowed in an IRI path");
            }
        }
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || path.equals("/")) return "/";
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..") || s.equals(".")) throw HttpError.badRequest("the path holds a '" + s + "' segment: path traversal is not allowed");
            if (s.isEmpty() && i < segments.length - 1) throw HttpError.badRequest("the path holds an empty segment ('//')");
            if (!s.isEmpty() && !SEGMENT.matcher(s).matches()) {
                throw HttpError.badRequest("path segment '" + Negotiation.clip(s) + "' has a character outside letters, digits and . _ ~ -");
            }
        }
        return path;
    }
}
