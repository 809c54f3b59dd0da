package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;

/**
 * Content negotiation on one URL: {@code ?format=} wins, else the Accept header, matched by Jena's
 * {@link AcceptList}. A malformed Accept header or an unknown format is a 400 that says what is wrong; an Accept
 * header that nothing offered satisfies is a 406 that lists what is offered.
 */
public final class Negotiation {
    public static final String FORMAT_PARAMETER = "format";

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String PARAM = "\\s*;\\s*" + TOKEN + "\\s*=\\s*(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")";
    private static final Pattern RANGE = Pattern.compile("(?:\\*/\\*|" + TOKEN + "/\\*|" + TOKEN + "/" + TOKEN + ")(?:" + PARAM + ")*\\s*");
    private static final Pattern Q = Pattern.compile(";\\s*[qQ]\\s*=\\s*([^;\\s]*)");
    private static final Pattern Q_VALUE = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");
    private static final int MAX_ACCEPT = 2048;

    private Negotiation() {}

    /** The format to answer with, among {@code offers} (the first is the default). */
    public static Format choose(HttpServletRequest request, List<Format> offers) {
        String[] formats = request.getParameterValues(FORMAT_PARAMETER);
        if (formats != null) {
            if (formats.length > 1) throw HttpError.badRequest("parameter format is given " + formats.length + " times; give it once");
            Format f = Format.byName(formats[0]).orElseThrow(() -> HttpError.badRequest(
                    "unknown format '" + clip(formats[0]) + "' (parameter format); use one of: " + names(offers)));
            if (!offers.contains(f)) {
                throw HttpError.badRequest("format '" + f.formatName() + "' (parameter format) is not offered here; use one of: " + names(offers));
            }
            return f;
        }
        String accept = acceptHeader(request);
        if (accept == null) return offers.get(0);
        validate(accept);
        AcceptList offered = new AcceptList(offers.stream().map(f -> new org.apache.jena.atlas.web.MediaRange(f.mediaType()))
                .collect(Collectors.toList()));
        MediaType chosen = AcceptList.match(new AcceptList(accept), offered);
        if (chosen == null) {
            throw new HttpError(406, "nothing here matches Accept: " + clip(accept) + "; offered: "
                    + offers.stream().map(Format::mediaType).collect(Collectors.joining(", ")));
        }
        String type = chosen.getContentTypeStr();
        return offers.stream().filter(f -> f.mediaType().equalsIgnoreCase(type)).findFirst().orElse(offers.get(0));
    }

    /** All Accept headers of the request joined, or null when there is none (or only blank ones). */
    static String acceptHeader(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Accept"));
        String joined = headers.stream().filter(h -> !h.isBlank()).collect(Collectors.joining(","));
        return joined.isBlank() ? null : joined;
    }

    /** Checks an Accept header against RFC 9110's grammar; a 400 names the first bad media range. */
    public static void validate(String accept) {
        if (accept.length() > MAX_ACCEPT) throw HttpError.badRequest("malformed Accept header: longer than " + MAX_ACCEPT + " characters");
        for (String range : splitRanges(accept)) {
            String r = range.strip();
            if (r.isEmpty()) continue;
            if (!RANGE.matcher(r).matches()) {
                throw HttpError.badRequest("malformed Accept header: '" + clip(r) + "' is not a media range such as text/turtle or text/*;q=0.5");
            }
            var q = Q.matcher(r);
            while (q.find()) {
                if (!Q_VALUE.matcher(q.group(1)).matches()) {
                    throw HttpError.badRequest("malformed Accept header: q=" + clip(q.group(1)) + " in '" + clip(r) + "' is not a weight from 0 to 1 (at most 3 decimals)");
                }
            }
        }
    }

    /** Splits on commas outside quoted strings. */
    private static List<String> splitRanges(String accept) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < accept.length(); i++) {
            char c = accept.charAt(i);
            if (c == '"' && (i == 0 || accept.charAt(i - 1) != '\\')) quoted = !quoted;
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String names(List<Format> offers) {
        return offers.stream().map(Format::formatName).collect(Collectors.joining(", "));
    }

    /** Keeps echoed input short in messages. */
    static String clip(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
