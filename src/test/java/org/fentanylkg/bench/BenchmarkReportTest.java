package org.fentanylkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report states each target from the figures it is given, and writes every figure it shows. */
class BenchmarkReportTest {
    @TempDir Path tmp;

    private static HttpLoad.Result load(double qps) {
        return new HttpLoad.Result((long) (qps * 10), 0, 10, 1.0, 2.0, null);
    }

    private static BenchmarkSuite.Results results(double aQps, double bQps, String cStatus, double closureMs6, double parseMs6) {
        QuerySpeedBench.Row row = new QuerySpeedBench.Row("q1", 3, load(aQps), load(bQps), cStatus.equals("same") ? load(aQps / 30) : null, true, cStatus, 2.0, 1.0,
                cStatus.startsWith("DNF") ? null : 6.0);
        QuerySpeedBench.Figures q = new QuerySpeedBench.Figures(List.of(row), 4, Duration.ofSeconds(2), 2, 100, "OWL Micro", Duration.ofSeconds(20), "DatasetGraphInMemory");
        ScaleBench.Size s4 = new ScaleBench.Size(10_000, 10_000, 10, 10, 15_000, 5, 40, 20, "1g", Map.of());
        ScaleBench.Size s6 = new ScaleBench.Size(1_000_000, 1_000_000, parseMs6, closureMs6, 1_500_000, 5, 900, 700, "6g", Map.of());
        ScaleBench.Figures sc = new ScaleBench.Figures(List.of(s4, s6), 42, Duration.ofSeconds(90));
        StartBench.Figures st = new StartBench.Figures(List.of(3000L), List.of(2000L), List.of(1500L), 100, "-Xmx256m", 60_000L, 50_000L, 23, List.of(), "x.nq");
        List<ScaleQueryBench.Row> sqRows = List.of(
                new ScaleQueryBench.Row("q1", 300, load(aQps), cStatus.startsWith("DNF") ? null : load(aQps / 30), cStatus),
                new ScaleQueryBench.Row("q2", 0, null, null, "no synthetic data"));
        ScaleQueryBench.Figures sq = new ScaleQueryBench.Figures(100_000, 100_500, 150_000, 500, Duration.ofSeconds(20), 4, Duration.ofSeconds(2), sqRows);
        return new BenchmarkSuite.Results(ZonedDateTime.parse("2026-01-01T00:00:00Z"), Map.of("CPU", "test"), "1 / 1 / 1", "1 / 1 / 1",
                "fentanyl-kg bench", q, sq, sc, st);
    }

    @Test
    void exponentIsTheSlopeOnLogLogAxes() {
        ScaleBench.Size a = new ScaleBench.Size(10_000, 10_000, 1, 100, 0, 0, 0, 0, "1g", Map.of());
        ScaleBench.Size b = new ScaleBench.Size(1_000_000, 1_000_000, 1, 10_000, 0, 0, 0, 0, "1g", Map.of());
        assertEquals(1.0, ScaleBench.Figures.exponent(a, b), 1e-9);
        ScaleBench.Size c = new ScaleBench.Size(1_000_000, 1_000_000, 1, 1_000_000, 0, 0, 0, 0, "1g", Map.of());
        assertEquals(2.0, ScaleBench.Figures.exponent(a, c), 1e-9);
    }

    @Test
    void percentilesAreOfTheSortedLatencies() {
        double[] sorted = new double[100];
        for (int i = 0; i < 100; i++) sorted[i] = i + 1;
        assertEquals(50, HttpLoad.percentile(sorted, 0.50));
        assertEquals(99, HttpLoad.percentile(sorted, 0.99));
        assertTrue(Double.isNaN(HttpLoad.percentile(new double[0], 0.5)));
    }

    @Test
    void targetsMetAndMissedFollowTheFigures() throws Exception {
        String met = new BenchmarkReport(results(100, 100, "different: 0 rows vs 3 (3 missing, 0 extra)", 900, 1000), null).markdown();
        assertTrue(met.contains("| a/b ≥ 0.9 for every saved query | lowest a/b 1.00 (q1); 0 of 1 queries below 0.9 | met |"), met);
        assertTrue(met.contains("(c) wrong on 1"), met);
        assertTrue(met.contains("closure 900 ms, parse+load 1000 ms (0.90×) | met"), met);
        assertTrue(met.contains("| growth exponent of closure time 10⁴ → 10⁶ ≤ 1.1 | 0.98 | met |"), met);
        assertTrue(met.contains("(1.50×)") && met.contains("serve --tdb2 1500 ms (0.75×) | met |"), met);

        String missed = new BenchmarkReport(results(80, 100, "same", 2000, 1000), null).markdown();
        assertTrue(missed.contains("lowest a/b 0.80 (q1); 1 of 1 queries below 0.9 | missed |"), missed);
        assertTrue(missed.contains("right but ≥ 20× slower on 1; where (c) is right, in-process (no HTTP) it takes at most 3.00× (a)'s time"), missed);
        assertTrue(missed.contains("| q1 | 2.00 | 1.00 | 0.50 | 6.00 | 3.00 | same |"), missed);
        // At scale, q1 is 30× faster on (a) and right on (c): met; q2 has no synthetic answers and is not counted.
        assertTrue(missed.contains("at 100500 synthetic asserted triples | 1 of 1 queries with synthetic answers: (c) wrong on 0, did not finish on 0, right but ≥ 20× slower on 1 | met |"), missed);
        assertTrue(missed.contains("| q2 | – | – | – | – | – | **–** | no synthetic data |"), missed);
        assertTrue(missed.contains("(2.00×) | missed"), missed);
    }

    @Test
    void everyFigureShownIsWrittenForMachinesToo() throws Exception {
        Path md = tmp.resolve("docs/benchmarks.md");
        new BenchmarkReport(results(100, 100, "same", 900, 1000), null).write(md);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(tmp.resolve("docs/benchmarks.properties"))) {
            p.load(in);
        }
        assertEquals("1.00", p.getProperty("query.q1.ab"));
        assertEquals("900.0", p.getProperty("scale.1000000.closure_ms"));
        assertEquals("3000", p.getProperty("start.ours_ms"));
        assertEquals("6.00", p.getProperty("query.q1.owl_ms"));
        assertEquals("30.3", p.getProperty("scale_query.q1.ac")); // 1000 requests against 33 in 10 s
        String text = Files.readString(md);
        assertTrue(text.startsWith("# Benchmarks\n\nGenerated by `fentanyl-kg bench` on 2026-01-01"), text);
        assertFalse(text.contains("null"), text);

        // A later run against this one as baseline shows before and after.
        String later = new BenchmarkReport(results(100, 100, "same", 450, 1000), tmp.resolve("docs/benchmarks.properties")).markdown();
        assertTrue(later.contains("| scale.1000000.closure_ms | 900.0 | 450.0 |"), later);
        assertTrue(later.contains("| q1 | 1.00 | 1.00 | 2.00 | 2.00 |"), later);
    }
}
