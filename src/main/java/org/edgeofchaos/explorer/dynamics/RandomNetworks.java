package org.edgeofchaos.explorer.dynamics;

import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Random weight matrices of the Sompolinsky-Crisanti-Sommers ensemble. */
public final class RandomNetworks {

    private RandomNetworks() {
    }

    /**
     * W_ij ~ Normal(J0/N, J^2/N), N x N, FLOAT, c-order. Values come from {@link java.util.Random}, whose
     * sequence (and nextGaussian algorithm) is fixed by the Java SE specification, so the same seed gives
     * the same matrix on every run and JDK, independent of ND4J's global random state.
     */
    public static INDArray gaussian(int n, double j, double j0, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        if (!(j >= 0) || Double.isInfinite(j) || !Double.isFinite(j0)) {
            throw new IllegalArgumentException("need finite J >= 0 and finite J0, got " + j + ", " + j0);
        }
        double mean = j0 / n;
        double std = j / Math.sqrt(n);
        float[] data = new float[Math.multiplyExact(n, n)];
        Random random = new Random(seed);
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) (mean + std * random.nextGaussian());
        }
        return Nd4j.create(data, new long[] {n, n}, DataType.FLOAT);
    }
}
