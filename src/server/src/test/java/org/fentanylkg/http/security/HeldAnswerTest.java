package org.fentanylkg.http.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer held back up to a limit: the same bytes, its whole length told (once, before any byte goes out) exactly
 * when it fits, nothing sent before the end however often the writer flushes; an answer that outgrows the limit
 * streams from there.
 */
class HeldAnswerTest {

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 100, 16 * 1024, 16 * 1024 + 1, 70_000})
    void holdsBackAWholeAnswerThatFits(int size) throws Exception {
        byte[] answer = new byte[size];
        for (int i = 0; i < size; i++) answer[i] = (byte) (i * 31 + 7);
        for (int limit : new int[] {1, 100, 16 * 1024, 64 * 1024, 1024 * 1024}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<Integer> told = new ArrayList<>();
            HeldAnswer held = new HeldAnswer(out, limit, length -> {
                assertEquals(0, out.size(), "the length is told before any byte goes out");
                told.add(length);
            });
            int i = 0, step = 1;
            while (i < size) { // in pieces of uneven size, one byte at a time now and then, flushed as Jena's CSV writer flushes
                int n = Math.min(step, size - i);
                if (step % 4 == 0) held.write(answer[i]);
                else held.write(answer, i, n);
                i += step % 4 == 0 ? 1 : n;
                step = step * 7 % 997 + 1;
                held.flush();
                if (size <= limit) assertEquals(0, out.size(), "nothing goes out before the end of an answer that fits");
            }
            held.finish();
            assertArrayEquals(answer, out.toByteArray(), size + " bytes, limit " + limit);
            assertEquals(size <= limit ? List.of(size) : List.of(), told, size + " bytes, limit " + limit);
        }
    }
}
