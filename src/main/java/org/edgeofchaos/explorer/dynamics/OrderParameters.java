package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Order parameters of a hidden weight matrix: J = std(W) * sqrt(N), J0 = mean(W) * N (science.md section 2).
 * The phase diagram plots x = J0/J against y = 1/J.
 *
 * @param j  J, the scaled spread of the weights
 * @param j0 J0, the scaled mean of the weights
 */
public record OrderParameters(double j, double j0) {

    /**
     * Computes J and J0 from W (N x N). std is the population standard deviation over all N^2 entries
     * (divisor N^2, numpy's default ddof = 0), matching the N(J0/N, J^2/N) ensemble definition.
     * The reductions run in ND4J on a double copy: float accumulation over 614k entries would cost
     * several digits.
     */
    public static OrderParameters of(INDArray w) {
        Objects.requireNonNull(w, "w");
        if (w.rank() != 2 || w.rows() != w.columns()) {
            throw new IllegalArgumentException("W must be square, got shape " + Arrays.toString(w.shape()));
        }
        long n = w.rows();
        INDArray d = w.castTo(DataType.DOUBLE);
        double mean = d.meanNumber().doubleValue();
        double std = d.stdNumber(false).doubleValue();
        if (d != w) {
            // Measured every epoch: freed now rather than whenever the GC runs (4.9 MB at N = 784).
            d.close();
        }
        return new OrderParameters(std * Math.sqrt(n), mean * n);
    }

    /** x coordinate of the phase diagram, J0/J. */
    public double ratio() {
        return j0 / j;
    }

    /** y coordinate of the phase diagram, 1/J. */
    public double inverseJ() {
        return 1.0 / j;
    }
}
