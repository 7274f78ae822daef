package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The number of threads ND4J's BLAS and element-wise ops use. Results are reproducible for a given seed and thread
 * count (a different count can change the summation order inside the BLAS), so runs record it.
 */
public final class ComputeThreads {
    private ComputeThreads() {
    }

    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static synchronized void set(int threads) {
        if (threads < 1 || threads > 256) {
            throw new InvalidSettingException("--threads", "thread count must be in 1..256, got " + threads);
        }
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    public static int current() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
