package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The block writer writes the bytes the JDK's OutputStreamWriter writes, wherever a block ends. */
class Utf8BlockWriterTest {
    private static final String PAIR = "\uD83D\uDE00"; // one code point, two chars

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("ASCII over three blocks", "a".repeat(3 * 8192 + 17)),
                Arguments.of("two-byte and three-byte characters across a block end", "é☃".repeat(5000)),
                Arguments.of("a surrogate pair split by the block end", "a".repeat(8191) + PAIR + "z"),
                Arguments.of("surrogate pairs only", PAIR.repeat(9000)),
                Arguments.of("a lone high surrogate before ASCII", "x\uD83Dy"),
                Arguments.of("a lone low surrogate at a block start", "a".repeat(8192) + "\uDE00b"),
                Arguments.of("a lone high surrogate at the very end", "end\uD83D"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void writesWhatOutputStreamWriterWrites(String what, String text) throws Exception {
        assertArrayEquals(jdk(text), ours(text), what);
    }

    /** Through every write method, in pieces of uneven size. */
    private static byte[] ours(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new Utf8BlockWriter(out)) {
            int i = 0;
            int step = 1;
            while (i < text.length()) {
                int n = Math.min(step, text.length() - i);
                switch (step % 3) {
                    case 0 -> w.write(text.charAt(i));
                    case 1 -> w.write(text, i, n);
                    default -> w.write(text.toCharArray(), i, n);
                }
                i += step % 3 == 0 ? 1 : n;
                step = step * 7 % 5003 + 1;
                if (step % 11 == 0) w.flush();
            }
        }
        return out.toByteArray();
    }

    private static byte[] jdk(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write(text);
        }
        return out.toByteArray();
    }
}
