package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The k largest Lyapunov exponents of x -> tanh(W x) by the QR (Benettin-Shimada-Nagashima) method: k tangent
 * vectors are propagated with D_t = diag(1 - x_{t+1}^2) W and re-orthonormalised by modified Gram-Schmidt every
 * step; exponent i is the mean of ln R_ii. Plus the Kaplan-Yorke (Lyapunov) dimension of the attractor.
 *
 * <p>For a state that has collapsed onto the fixed point x = 0 the map is linear, D = W, and the exponents are
 * ln |mu_i| of W's eigenvalues ordered by modulus: a check against {@link Eigenvalues}.
 *
 * @param exponents largest first, per step (natural log)
 */
public record LyapunovSpectrum(double[] exponents) {

    public LyapunovSpectrum {
        exponents = exponents.clone();
    }

    @Override
    public double[] exponents() {
        return exponents.clone();
    }

    /**
     * Kaplan-Yorke dimension D = j + (lambda_1 + ... + lambda_j) / |lambda_{j+1}|, j the largest index with a
     * non-negative partial sum. 0 if lambda_1 < 0 (a stable fixed point or cycle). NaN if all k partial sums are
     * non-negative: the dimension is then at least k and more exponents are needed.
     */
    public double kaplanYorkeDimension() {
        double sum = 0;
        for (int j = 0; j < exponents.length; j++) {
            if (sum + exponents[j] < 0) {
                return j + sum / Math.abs(exponents[j]);
            }
            sum += exponents[j];
        }
        return Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LyapunovSpectrum s && Arrays.equals(exponents, s.exponents);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(exponents);
    }

    @Override
    public String toString() {
        return "LyapunovSpectrum" + Arrays.toString(exponents);
    }

    /**
     * Estimates the top {@code k} exponents of W after {@code transientSteps}, averaged over {@code steps}; the
     * initial state is drawn from N(0,1)^N with {@code seed}. Cancel by interrupting the thread.
     */
    public static LyapunovSpectrum estimate(INDArray w, int k, int transientSteps, int steps, long seed) {
        Objects.requireNonNull(w, "w");
        if (w.rank() != 2 || w.rows() != w.columns()) {
            throw new IllegalArgumentException("W must be square, got shape " + Arrays.toString(w.shape()));
        }
        int n = w.rows();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in 1.." + n + ": " + k);
        }
        if (transientSteps < 0 || steps < 1) {
            throw new IllegalArgumentException("need transientSteps >= 0 and steps >= 1");
        }
        TanhMap map = TanhMap.of(w);
        Random random = new Random(seed);
        float[][] cur = new float[k + 1][];
        float[][] next = new float[k + 1][n];
        cur[0] = LyapunovEstimator.gaussian(random, n, 1.0);
        for (int i = 1; i <= k; i++) {
            cur[i] = LyapunovEstimator.gaussian(random, n, 1.0);
        }
        orthonormalise(cur, 1, k, null);
        double[] sums = new double[k];
        double[] ln = new double[k];
        boolean collapsed = false;
        float[][] tangentsIn = Arrays.copyOfRange(cur, 1, k + 1);
        float[][] tangentsOut = Arrays.copyOfRange(next, 1, k + 1);
        for (int t = 0; t < transientSteps + steps; t++) {
            if (t % LyapunovEstimator.INTERRUPT_CHECK_STEPS == 0) {
                LyapunovEstimator.checkInterrupted();
            }
            if (collapsed) {
                System.arraycopy(cur, 1, tangentsIn, 0, k);
                System.arraycopy(next, 1, tangentsOut, 0, k);
                map.multiply(tangentsIn, tangentsOut, k);
            } else {
                map.multiply(cur, next, k + 1);
                collapsed = LyapunovEstimator.activate(next[0]);
            }
            float[] x = next[0];
            for (int i = 1; i <= k; i++) {
                float[] v = next[i];
                for (int c = 0; c < n; c++) {
                    v[c] *= (1f - x[c]) * (1f + x[c]);
                }
            }
            orthonormalise(next, 1, k, ln);
            if (t >= transientSteps) {
                for (int i = 0; i < k; i++) {
                    sums[i] += ln[i];
                }
            }
            float[][] tmp = cur;
            cur = next;
            next = tmp;
        }
        double[] exponents = new double[k];
        for (int i = 0; i < k; i++) {
            exponents[i] = sums[i] / steps;
        }
        return new LyapunovSpectrum(exponents);
    }

    /**
     * Modified Gram-Schmidt on rows from .. from+k-1 (in double accumulation); ln of each R_ii into lnOut if
     * given. A vector annihilated by saturation is replaced by a fresh direction orthogonal to the others, its
     * R_ii counted as 1e-30.
     */
    static void orthonormalise(float[][] rows, int from, int k, double[] lnOut) {
        for (int i = 0; i < k; i++) {
            float[] v = rows[from + i];
            for (int j = 0; j < i; j++) {
                float[] u = rows[from + j];
                double dot = 0;
                for (int c = 0; c < v.length; c++) {
                    dot += (double) v[c] * u[c];
                }
                float f = (float) dot;
                for (int c = 0; c < v.length; c++) {
                    v[c] -= f * u[c];
                }
            }
            double norm = LyapunovEstimator.norm(v);
            if (!(norm > 1e-30)) {
                Arrays.fill(v, 0f);
                v[i % v.length] = 1f;
                norm = 1e-30;
                if (lnOut != null) {
                    lnOut[i] = Math.log(norm);
                }
                continue;
            }
            LyapunovEstimator.scale(v, (float) (1.0 / norm));
            if (lnOut != null) {
                lnOut[i] = Math.log(norm);
            }
        }
    }
}
