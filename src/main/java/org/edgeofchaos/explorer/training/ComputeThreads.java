package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads training computes with: each trainer's {@link ComputeTeam} has that many, and each of them calls
 * a one-thread BLAS (before 2026-12 the threads went to OpenBLAS, which {@link #TEAM} can still choose). Results
 * are reproducible for a given seed and thread count (another count cuts the products differently, which can
 * change the last bits of a sum), so the command line lets the user choose it.
 *
 * <p>Why ND4J's element-wise ops get one thread: by default both ND4J's OpenMP pool and OpenBLAS's pool get a
 * thread per core, and the two pools spin-wait against each other. Measured with the {@code bench} command on
 * 2 cores: 6,100 samples/s at batch 32 with both pools at 2 threads; 14,000 (batch 32) and 28,300 (batch 128)
 * with two BLAS threads and one OpenMP thread; 13,700 and 24,400 with one thread each. The trainer's element-wise
 * ops are small (batch x N), so they gain nothing from a pool. Training gets at most two threads by default:
 * a 32 x 784 by 784 x 784 product is too small to share among more.
 */
public final class ComputeThreads {
    /** The system property {@code eoc.threads} overrides it, e.g. for the window, which has no command line. */
    public static final int DEFAULT = Integer.getInteger("eoc.threads",
            Math.min(2, Runtime.getRuntime().availableProcessors()));
    /**
     * Whether a trainer with more than one thread shares each step over a {@link ComputeTeam} of that many threads,
     * each calling a one-thread BLAS (the default), rather than giving the threads to OpenBLAS. Measured at N = 784
     * on 2 cores (bench, 3 runs each): see docs/performance.md. {@code -Deoc.computeTeam=false} gives OpenBLAS the
     * threads again, as before.
     */
    static final boolean TEAM = !"false".equalsIgnoreCase(System.getProperty("eoc.computeTeam"));
    private static boolean configured;
    private static int requested;
    private static volatile int blasThreads = 1;
    private static volatile int threads = 1;

    private ComputeThreads() {
    }

    /**
     * Sets the thread count: the size of each trainer's {@link ComputeTeam}, whose threads call a one-thread BLAS
     * (or, with {@link #TEAM} off, the BLAS thread count). ND4J's element-wise ops stay single-threaded, since the
     * trainer's are small and a second pool would contend with the BLAS threads.
     */
    public static synchronized void set(int threads) {
        if (threads < 1 || threads > 256) {
            throw new InvalidSettingException("threads", "thread count must be in 1..256, got " + threads);
        }
        int blas = TEAM ? 1 : threads;
        Nd4j.factory().blas().setMaxThreads(blas);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        configured = true;
        blasThreads = blas;
        ComputeThreads.threads = threads;
    }

    /** How many threads each trainer's {@link ComputeTeam} has: the thread count, or 1 with {@link #TEAM} off. */
    public static int teamSize() {
        return TEAM ? threads : 1;
    }

    /**
     * Runs {@code work} with the BLAS at the thread count set (the roofline of {@code bench}: what OpenBLAS itself
     * reaches with the threads a run may use), then restores the BLAS threads of the trainers.
     */
    public static synchronized <T> T withBlasAtThreadCount(java.util.function.Supplier<T> work) {
        ensureConfigured();
        if (blasThreads == threads) {
            return work.get();
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        try {
            return work.get();
        } finally {
            Nd4j.factory().blas().setMaxThreads(blasThreads);
        }
    }

    /**
     * Asks for a thread count without loading ND4J now: {@link #ensureConfigured()} applies it. The window uses
     * this so that loading the native libraries (1-2 s) happens on a background thread, not before the window shows.
     */
    public static synchronized void request(int threads) {
        if (threads < 1 || threads > 256) {
            throw new InvalidSettingException("--threads", "thread count must be in 1..256, got " + threads);
        }
        requested = threads;
        configured = false;
    }

    /** The BLAS thread count set last (1 before any is set). */
    public static int blasThreads() {
        return blasThreads;
    }

    /**
     * Applies the {@link #request requested} count, else {@link #DEFAULT}, unless a count was set; every trainer
     * calls it, so no run uses ND4J's defaults.
     */
    public static synchronized void ensureConfigured() {
        if (!configured) {
            set(requested > 0 ? requested : DEFAULT);
        }
    }
}
