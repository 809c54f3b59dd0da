package org.fentanylkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PeerBench#paired}: warm-up pairs until every side agrees round to round, then medians of each side and of the
 * pairs' differences, server − in-process (the overhead), server − handed off (the request path) and server − answered
 * handed off (what the request adds beyond answering).
 */
class PairedRoundsTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                // warm-up until both sides' last two rounds agree (here the 3rd and 4th), then a drifting machine: the differences stay 0.1
                Arguments.of(List.of(90.0, 9.0, 5.0, 5.1, 1.1, 2.1, 3.1, 4.1, 5.1), List.of(80.0, 7.0, 4.0, 4.1, 1.0, 2.0, 3.0, 4.0, 5.0),
                        new double[] {3.1, 3.0, 0.1, 0.1, 0.1}),
                // one round that caught a collection moves the range, not the median
                Arguments.of(List.of(1.0, 1.0, 1.0, 1.0, 9.0, 1.0, 1.0), List.of(0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8),
                        new double[] {1.0, 0.8, 0.2, 0.2, 8.2}),
                // the server cheaper than the query in-process: a negative overhead stays negative
                Arguments.of(List.of(0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4), List.of(0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6),
                        new double[] {0.4, 0.6, -0.2, -0.2, -0.2}),
                // never agreeing: the warm-up stops after 4 pairs and the next 5 are measured
                Arguments.of(List.of(1.0, 2.0, 1.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0), List.of(1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0),
                        new double[] {3.0, 2.0, 1.0, 1.0, 1.0}));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void overheadIsTheMedianOfPairedDifferences(List<Double> server, List<Double> inProcess, double[] expected) throws Exception {
        Iterator<Double> s = server.iterator(), q = inProcess.iterator();
        // handed off: the in-process round 0.03 ms dearer
        Iterator<Double> h = inProcess.stream().map(x -> x + 0.03).iterator();
        // answered handed off: 0.08 ms dearer
        Iterator<Double> a = inProcess.stream().map(x -> x + 0.08).iterator();
        PeerBench.Overhead o = PeerBench.paired(s::next, q::next, h::next, a::next, 5);
        assertEquals(expected[0], o.serverMs(), 1e-9, "server");
        assertEquals(expected[1], o.queryMs(), 1e-9, "in-process");
        assertEquals(expected[1] + 0.03, o.handedMs(), 1e-9, "handed off");
        assertEquals(expected[2], o.ms(), 1e-9, "overhead");
        assertEquals(expected[3], o.total().lowMs(), 1e-9, "low");
        assertEquals(expected[4], o.total().highMs(), 1e-9, "high");
        assertEquals(expected[2] - 0.03, o.path().ms(), 1e-9, "request path");
        assertEquals(expected[3] - 0.03, o.path().lowMs(), 1e-9);
        assertEquals(expected[4] - 0.03, o.path().highMs(), 1e-9);
        assertEquals(expected[1] + 0.08, o.answeredMs(), 1e-9, "answered handed off");
        assertEquals(expected[2] - 0.08, o.beyond().ms(), 1e-9, "beyond answering");
        assertEquals(expected[3] - 0.08, o.beyond().lowMs(), 1e-9);
        assertEquals(expected[4] - 0.08, o.beyond().highMs(), 1e-9);
        assertEquals(5, o.pairs());
        assertFalse(s.hasNext() || q.hasNext() || h.hasNext() || a.hasNext(), "every round given was run, and no more");
    }
}
