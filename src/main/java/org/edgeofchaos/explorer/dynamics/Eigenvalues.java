package org.edgeofchaos.explorer.dynamics;

import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dgeev;

import java.util.Arrays;
import java.util.Objects;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Eigenvalues of non-symmetric real matrices through LAPACK's dgeev (OpenBLAS, via the bytedeco bindings that
 * ND4J already loads). Only eigenvalues are computed, no eigenvectors.
 *
 * <p>Cost: about 10 N^3 flops; measured here 15-25 ms at N = 196 and 0.4-0.7 s at N = 784 (one thread).
 */
public final class Eigenvalues {

    private Eigenvalues() {
    }

    /** Eigenvalues of W (N x N). */
    public static ComplexSpectrum of(INDArray w) {
        Objects.requireNonNull(w, "w");
        if (w.rank() != 2 || w.rows() != w.columns()) {
            throw new IllegalArgumentException("W must be square, got shape " + Arrays.toString(w.shape()));
        }
        float[] data = TanhMap.rowMajorFloats(w);
        double[] a = new double[data.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = data[k];
        }
        return ofRowMajor(a, w.rows());
    }

    /**
     * Eigenvalues of the row-major N x N matrix {@code a}, which is overwritten. The array is handed to LAPACK
     * as column-major, i.e. as A^T, which has the same eigenvalues: this saves LAPACKE's transposing copy.
     */
    static ComplexSpectrum ofRowMajor(double[] a, int n) {
        if (a.length != (long) n * n) {
            throw new IllegalArgumentException("expected " + n + "x" + n + " values, got " + a.length);
        }
        if (n == 0) {
            return new ComplexSpectrum(new double[0], new double[0]);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix has a non-finite entry: " + v);
            }
        }
        double[] wr = new double[n];
        double[] wi = new double[n];
        double[] unused = new double[1];
        int info = LAPACKE_dgeev(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'N', n, a, n, wr, wi, unused, 1, unused, 1);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dgeev failed (info = " + info + ") on a " + n + "x" + n
                    + " matrix");
        }
        return ComplexSpectrum.sorted(wr, wi);
    }

    /**
     * Eigenvalues of the Jacobian D = diag(1 - x^2) W of x -> tanh(W x) at the state x (x holds tanh(W x_prev),
     * i.e. the state the map produced).
     */
    static ComplexSpectrum ofJacobian(float[] rowMajorW, int n, float[] x) {
        double[] d = new double[rowMajorW.length];
        for (int i = 0; i < n; i++) {
            double gain = (1.0 - x[i]) * (1.0 + x[i]);
            int row = i * n;
            for (int j = 0; j < n; j++) {
                d[row + j] = gain * rowMajorW[row + j];
            }
        }
        return ofRowMajor(d, n);
    }
}
