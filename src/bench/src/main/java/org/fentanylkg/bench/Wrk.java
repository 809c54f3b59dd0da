package org.fentanylkg.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load of the peer comparison: wrk (Debian's package), a process of its own, so that the CPU the server
 * process spends is the server's alone. GET requests, SPARQL JSON results, on 127.0.0.1 only.
 */
final class Wrk {
    /** One run: requests, errors (non-2xx/3xx and socket errors), seconds, requests/s and latency percentiles in ms. */
    record Result(long requests, long errors, double seconds, double rps, double p50, double p99) {
        static Result merge(List<Result> runs) {
            long n = 0, e = 0;
            double s = 0;
            double[] p50 = new double[runs.size()], p99 = new double[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                Result r = runs.get(i);
                n += r.requests;
                e += r.errors;
                s += r.seconds;
                p50[i] = r.p50;
                p99[i] = r.p99;
            }
            // Percentiles of rounds of equal length: the median round's.
            java.util.Arrays.sort(p50);
            java.util.Arrays.sort(p99);
            return new Result(n, e, s, n / s, p50[p50.length / 2], p99[p99.length / 2]);
        }
    }

    private Wrk() {}

    static final DebianPackage DEBIAN = new DebianPackage("wrk", List.of(Path.of("/usr/bin/wrk")));

    /** wrk, installed if need be (as Virtuoso is); empty once it is, else why it is not. One built from source will do. */
    static Optional<String> ensureInstalled(PrintStream log) {
        return Files.isExecutable(Path.of("/usr/local/bin/wrk")) ? Optional.empty() : DEBIAN.ensureInstalled(log, "HTTP load");
    }

    /** {@code wrk} against one URL, or against several in turn (a Lua script) when {@code urls} has more than one. */
    static Result run(List<String> urls, int connections, Duration duration, Path scratch) throws IOException, InterruptedException {
        for (String u : urls) {
            if (!u.startsWith("http://127.0.0.1:")) throw new IllegalArgumentException("load tests target 127.0.0.1 only: " + u);
        }
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)), "-c", Integer.toString(connections),
                // wrk takes whole seconds
                "-d", Math.max(1, Math.round(duration.toMillis() / 1000.0)) + "s", "--timeout", "30s", "--latency",
                "-H", "Accept: application/sparql-results+json"));
        if (urls.size() > 1) {
            Path script = Files.createTempFile(scratch, "mix-", ".lua");
            StringBuilder lua = new StringBuilder("paths = {\n");
            String base = base(urls.get(0));
            for (String u : urls) lua.append("  \"").append(u.substring(base.length())).append("\",\n");
            lua.append("}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
            Files.writeString(script, lua.toString());
            cmd.addAll(List.of("-s", script.toString(), base));
        } else {
            cmd.add(urls.get(0));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IOException("wrk failed: " + out);
        return parse(out);
    }

    private static String base(String url) {
        int slash = url.indexOf('/', "http://".length());
        return slash < 0 ? url : url.substring(0, slash);
    }

    static Result parse(String out) throws IOException {
        Matcher total = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)").matcher(out);
        if (!total.find()) throw new IOException("wrk output not understood: " + out);
        long n = Long.parseLong(total.group(1));
        double seconds = millis(total.group(2), total.group(3)) / 1000;
        long errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (non2xx.find()) errors += Long.parseLong(non2xx.group(1));
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (socket.find()) for (int g = 1; g <= 4; g++) errors += Long.parseLong(socket.group(g));
        return new Result(n, errors, seconds, n / seconds, percentile(out, "50%"), percentile(out, "99%"));
    }

    private static double percentile(String out, String which) {
        Matcher m = Pattern.compile("^\\s+" + which + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE).matcher(out);
        return m.find() ? millis(m.group(1), m.group(2)) : Double.NaN;
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
