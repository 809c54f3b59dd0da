package org.fentanylkg.http.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.system.ConNeg;

/**
 * The server's one content negotiator, for every endpoint but SPARQL's (Fuseki negotiates there): the offers come
 * from the one format table ({@link Format}), and an Accept header is matched by Jena's {@link ConNeg}.
 * {@code ?format=} (where an endpoint takes it) or a file suffix wins over Accept. A malformed Accept header or an
 * unknown format is a 400 that says what is wrong; an Accept header that no offer satisfies is a 406 that lists the
 * offers.
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

    /** The format to answer with, among {@code offers} (the first is the default): {@code ?format=}, else Accept. */
    public static Format choose(HttpServletRequest request, List<Format> offers) {
        String[] formats = request.getParameterValues(FORMAT_PARAMETER);
        if (formats != null) {
            if (formats.length > 1) {
                throw HttpError.badParameter(400, "parameter format is given " + formats.length + " times; give it once", FORMAT_PARAMETER, names(offers));
            }
            return named(formats[0], offers, false);
        }
        return byAccept(request, offers);
    }

    /**
     * The format a {@code ?format=} value or a file suffix ({@code csv}) names among the offers: 400 when it names no
     * format, 406 when it names one not offered here; the error's member {@code parameter} or {@code suffix} says where.
     */
    public static Format named(String name, List<Format> offers, boolean suffix) {
        return Format.byName(name, offers).orElseThrow(() -> {
            boolean known = Format.byName(name).isPresent();
            String where = suffix ? "suffix ." + clip(name) : "parameter " + FORMAT_PARAMETER;
            return new HttpError(known ? 406 : 400, (known ? "format '" + clip(name) + "' (" + where + ") is not offered here"
                    : "unknown format '" + clip(name) + "' (" + where + ")") + "; use one of: " + names(offers))
                    .with(suffix ? "suffix" : "parameter", suffix ? name : FORMAT_PARAMETER).with("expected", names(offers));
        });
    }

    /** The format the Accept header asks for among the offers (the first when there is no header); 406 when it accepts none. */
    public static Format byAccept(HttpServletRequest request, List<Format> offers) {
        String accept = HttpError.acceptOf(request);
        if (accept == null) return offers.get(0);
        validate(accept);
        Format f = match(accept, offers);
        if (f == null) {
            throw new HttpError(406, "nothing here matches Accept: " + clip(accept) + "; offered: " + mediaTypes(offers))
                    .with("offered", offers.stream().map(Format::mediaType).toList());
        }
        return f;
    }

    /** The offer an Accept header prefers, the first offer when it has none, is malformed or accepts none: never an error. */
    public static Format preferred(String accept, List<Format> offers) {
        if (accept == null) return offers.get(0);
        try {
            Format f = match(accept, offers);
            return f == null ? offers.get(0) : f;
        } catch (RuntimeException e) {
            return offers.get(0);
        }
    }

    private static Format match(String accept, List<Format> offers) {
        List<MediaRange> ranges = new ArrayList<>();
        for (Format f : offers) {
            ranges.add(new MediaRange(f.mediaType()));
            for (String also : f.alsoAccepted()) ranges.add(new MediaRange(also));
        }
        MediaType chosen = ConNeg.match(accept, new AcceptList(ranges));
        if (chosen == null) return null;
        String type = chosen.getContentTypeStr();
        for (Format f : offers) if (f.mediaType().equalsIgnoreCase(type) || f.alsoAccepted().contains(type)) return f;
        return null;
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

    static String mediaTypes(List<Format> offers) {
        return offers.stream().map(Format::mediaType).collect(Collectors.joining(", "));
    }

    /** Keeps echoed input short in messages. */
    public static String clip(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
