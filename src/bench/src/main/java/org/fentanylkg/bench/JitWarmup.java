package org.fentanylkg.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Warm-up until the JIT compilers have settled: a server runs for days, so its figures are those of compiled code.
 * A fixed pass or two is not enough for this code base (Jetty, ARQ, Lucene): the C2 compiler then keeps one of two
 * cores busy through the measured runs, and its time lands in their latency and in the process's CPU per request.
 */
final class JitWarmup {
    /** What the warm-up took: its passes, its wall time, the compilers' time during it, and whether the JIT settled. */
    record Settled(int passes, long wallMillis, long compileMillis, boolean settled) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "%d warm-up passes in %.1f s (%s; JIT compiling %.1f s of it)", passes, wallMillis / 1000.0,
                    settled ? "the JIT settled" : "the JIT had not settled by the bound", compileMillis / 1000.0);
        }
    }

    /** A warm-up pass of the workload to be measured. */
    interface Pass {
        void run() throws Exception;
    }

    /** The compilers' share of a pass's wall time under which the JIT counts as settled. */
    private static final double SETTLED = 0.05;

    private JitWarmup() {}

    /**
     * Runs {@code pass} until one pass spends less than {@link #SETTLED} of its wall time compiling (at least
     * {@code minPasses}), or until {@code max} has passed.
     */
    static Settled run(Pass pass, int minPasses, Duration max) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long compileStart = monitored ? jit.getTotalCompilationTime() : 0;
        int passes = 0;
        boolean settled = false;
        while (true) {
            long t0 = System.nanoTime();
            long c0 = monitored ? jit.getTotalCompilationTime() : 0;
            pass.run();
            passes++;
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long compiled = monitored ? jit.getTotalCompilationTime() - c0 : 0;
            settled = passes >= minPasses && (!monitored || compiled < SETTLED * Math.max(1, wall));
            if (settled || System.nanoTime() - start > max.toNanos()) break;
        }
        return new Settled(passes, (System.nanoTime() - start) / 1_000_000,
                monitored ? jit.getTotalCompilationTime() - compileStart : 0, settled);
    }
}
