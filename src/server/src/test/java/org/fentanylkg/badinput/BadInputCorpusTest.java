package org.fentanylkg.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fentanylkg.http.security.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus over HTTP: each row of {@code src/server/src/test/resources/badinput/http-cases.tsv} is a request
 * and the response it must get (status and a fragment of the message). Every response is also checked for a
 * stack trace, and an HTML response for an unescaped {@code <script>alert(} (the corpus's script payload).
 */
class BadInputCorpusTest {
    static final String CASES = "/badinput/http-cases.tsv";
    /** A Java stack frame or a "Caused by" line. */
    static final Pattern STACK_TRACE = Pattern.compile("(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\))|Caused by: |\\tat ");

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception { server = TestServer.start(); }

    @AfterAll
    static void stop() { server.close(); }

    record Case(String id, String method, byte[] target, Map<String, String> headers, byte[] body, int status, String fragment) {
        @Override public String toString() { return id; }
    }

    static Stream<Arguments> cases() throws IOException { return load().stream().map(c -> Arguments.of(c.id(), c)); }

    static List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(CASES)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 7) throw new IllegalArgumentException(CASES + ": 7 tab-separated fields expected: " + line);
                Map<String, String> headers = new LinkedHashMap<>();
                if (!f[3].equals("-")) {
                    for (String h : f[3].split(" \\| ")) {
                        int c = h.indexOf(':');
                        headers.put(h.substring(0, c).trim(), new String(unescape(h.substring(c + 1).trim()), StandardCharsets.UTF_8));
                    }
                }
                cases.add(new Case(f[0], f[1], unescape(f[2]), headers, f[4].equals("-") ? null : unescape(f[4]),
                        Integer.parseInt(f[5]), f[6].equals("-") ? null : new String(unescape(f[6]), StandardCharsets.UTF_8)));
            }
        }
        return cases;
    }

    /** \n \r \t \\ and \xHH escapes, and {N*s} repetitions. */
    static byte[] unescape(String s) {
        Matcher rep = Pattern.compile("\\{(\\d+)\\*([^}]*)}").matcher(s);
        StringBuilder expanded = new StringBuilder();
        while (rep.find()) rep.appendReplacement(expanded, Matcher.quoteReplacement(rep.group(2).repeat(Integer.parseInt(rep.group(1)))));
        rep.appendTail(expanded);
        String t = expanded.toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                char n = t.charAt(++i);
                switch (n) {
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case '\\' -> out.write('\\');
                    case 'x' -> { out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16)); i += 2; }
                    default -> { out.write('\\'); out.writeBytes(String.valueOf(n).getBytes(StandardCharsets.UTF_8)); }
                }
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputGetsAClearAnswer(String id, Case c) throws Exception {
        RawHttp.Response r = RawHttp.send(server.port(), c.method(), c.target(), c.headers(), c.body());
        String shown = r.status() + " " + r.header("content-type") + "\n" + (r.body().length() > 2000 ? r.body().substring(0, 2000) + "…" : r.body());
        assertEquals(c.status(), r.status(), shown);
        if (c.fragment() != null) assertTrue(r.body().contains(c.fragment()), "expected «" + c.fragment() + "» in\n" + shown);
        assertFalse(STACK_TRACE.matcher(r.body()).find(), "a stack trace in the response:\n" + shown);
        // Every script payload of the corpus is "<script>alert(...)": no HTML page may carry it raw.
        boolean html = r.header("content-type").startsWith("text/html");
        assertFalse(html && r.body().toLowerCase(java.util.Locale.ROOT).contains("<script>alert("), "an unescaped script in an HTML answer:\n" + shown);
    }
}
