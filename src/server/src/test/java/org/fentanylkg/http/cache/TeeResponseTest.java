package org.fentanylkg.http.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a miss keeps: the bytes the client got, and only for a response any shared cache could keep. These cases
 * do not arise from the servlets of this server today, so they are checked on a stand-in response.
 */
class TeeResponseTest {
    /** A response that records what reaches it: status, headers (in order), body bytes. */
    private static final class Sent {
        int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        String charset = "ISO-8859-1";
        PrintWriter writer;

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override public void write(int b) { body.write(b); }
                @Override public boolean isReady() { return true; }
                @Override public void setWriteListener(WriteListener l) {}
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, m, a) -> switch (m.getName()) {
                        case "setStatus" -> { status = (Integer) a[0]; yield null; }
                        case "getStatus" -> status;
                        case "setHeader" -> { headers.put((String) a[0], new ArrayList<>(List.of((String) a[1]))); yield null; }
                        case "addHeader" -> { headers.computeIfAbsent((String) a[0], k -> new ArrayList<>()).add((String) a[1]); yield null; }
                        case "getHeader" -> headers.getOrDefault((String) a[0], List.of()).stream().findFirst().orElse(null);
                        case "getHeaders" -> headers.getOrDefault((String) a[0], List.of());
                        case "getHeaderNames" -> headers.keySet();
                        case "getOutputStream" -> out;
                        case "getWriter" -> writer != null ? writer : (writer = new PrintWriter(new OutputStreamWriter(out, Charset.forName(charset))));
                        case "getCharacterEncoding" -> charset;
                        case "setCharacterEncoding" -> { charset = (String) a[0]; yield null; }
                        case "getLocale" -> Locale.ROOT;
                        case "resetBuffer", "reset" -> { body.reset(); yield null; }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    private static final byte[] BODY = "{\"ok\": true}\n".getBytes(StandardCharsets.UTF_8);

    private static Optional<CachedResponse> write(Sent sent, int limit, String... headers) throws Exception {
        TeeResponse tee = new TeeResponse(sent.response(), limit);
        for (int i = 0; i + 1 < headers.length; i += 2) tee.addHeader(headers[i], headers[i + 1]);
        tee.getOutputStream().write(BODY);
        return tee.captured();
    }

    @Test
    void aPlainAnswerIsKeptWithItsHeaders() throws Exception {
        Sent sent = new Sent();
        CachedResponse kept = write(sent, 1000, "Content-Type", "application/json", "Vary", "Origin", "Vary", "Accept", "Date", "x").orElseThrow();
        assertArrayEquals(BODY, kept.body());
        assertArrayEquals(BODY, sent.body.toByteArray());
        assertEquals(List.of(new CachedResponse.Header("Content-Type", List.of("application/json")),
                new CachedResponse.Header("Vary", List.of("Origin", "Accept"))), kept.headers(), "Date is the container's, not kept");
    }

    @Test
    void whatNoSharedCacheMayKeepIsNotKept() throws Exception {
        for (String[] h : new String[][] {{"Set-Cookie", "s=1"}, {"Cache-Control", "no-store"}, {"Cache-Control", "public, private"},
                {"Vary", "Cookie"}, {"Vary", "*"}, {"Vary", "Accept, Accept-Encoding"}}) {
            Sent sent = new Sent();
            assertTrue(write(sent, 1000, h).isEmpty(), h[0] + ": " + h[1]);
            assertArrayEquals(BODY, sent.body.toByteArray(), "sent all the same");
        }
        Sent error = new Sent();
        error.status = 404;
        assertTrue(write(error, 1000).isEmpty());
    }

    @Test
    void aBodyOverTheBoundGoesOutWholeAndIsNotKept() throws Exception {
        Sent sent = new Sent();
        assertTrue(write(sent, BODY.length - 1).isEmpty());
        assertArrayEquals(BODY, sent.body.toByteArray());
        assertTrue(write(new Sent(), BODY.length).isPresent(), "exactly the bound is kept");
    }

    @Test
    void aDeclaredLengthThatDoesNotMatchIsNotKept() throws Exception {
        assertTrue(write(new Sent(), 1000, "Content-Length", String.valueOf(BODY.length + 1)).isEmpty());
        assertTrue(write(new Sent(), 1000, "Content-Length", String.valueOf(BODY.length)).isPresent());
    }

    @Test
    void aResetBufferDropsTheCopy() throws Exception {
        Sent sent = new Sent();
        TeeResponse tee = new TeeResponse(sent.response(), 1000);
        tee.getOutputStream().write("half".getBytes(StandardCharsets.UTF_8));
        tee.resetBuffer();
        tee.getOutputStream().write(BODY);
        assertTrue(tee.captured().isEmpty());
    }

    @Test
    void textIsKeptInTheWritersCharsetOrNotAtAll() throws Exception {
        String text = "C\u00e1rtel del Noreste \u00b7 \u2013\n";
        Sent utf8 = new Sent();
        utf8.charset = "UTF-8";
        TeeResponse tee = new TeeResponse(utf8.response(), 1000);
        tee.getWriter().print(text);
        tee.getWriter().flush();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), tee.captured().orElseThrow().body());
        assertArrayEquals(utf8.body.toByteArray(), tee.captured().orElseThrow().body());
        // ISO-8859-1 has no en dash: the writer sent '?', which is not knowably the same bytes.
        Sent latin = new Sent();
        TeeResponse tee2 = new TeeResponse(latin.response(), 1000);
        tee2.getWriter().print(text);
        tee2.getWriter().flush();
        assertTrue(tee2.captured().isEmpty());
        assertTrue(latin.body.size() > 0);
    }
}
