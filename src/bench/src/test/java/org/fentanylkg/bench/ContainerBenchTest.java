package org.fentanylkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ContainerBench}'s bare Jetty sends exactly the body asked for, with its length, and refuses a bad size. */
class ContainerBenchTest {
    private static Server jetty;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception { jetty = ContainerBench.bareJetty(); }

    @AfterAll
    static void stop() throws Exception { jetty.stop(); }

    private static HttpResponse<byte[]> get(String bytes) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + ContainerBench.port(jetty) + "/body?bytes=" + bytes);
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // 2 bytes; one write less a byte, exactly one, one more; two and a half of them; the largest saved-query answer's order
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 32767, 32768, 32769, 81920, 2_455_425})
    void theBodyHasTheSizeAskedForAndSaysSo(int n) throws Exception {
        HttpResponse<byte[]> r = get(Integer.toString(n));
        assertEquals(200, r.statusCode());
        assertEquals(Long.valueOf(n), r.headers().firstValueAsLong("Content-Length").orElse(-1));
        assertEquals(n, r.body().length);
        for (byte b : r.body()) assertEquals('x', b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12kb", "-5", ""})
    void aSizeThatIsNotAWholeNumberIs400(String bytes) throws Exception {
        HttpResponse<byte[]> r = get(bytes);
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body()).contains("bytes: a whole number of bytes"), new String(r.body()));
    }
}
