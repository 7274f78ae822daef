package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The map x -> tanh(W x) in plain Java, tuned for iterating a handful of state vectors at once.
 *
 * <p>Why not ND4J: every step is a skinny k x N by N x N product (k = 2..5). With one Nd4j.gemm per step
 * into preallocated buffers a default estimate at N = 784 took 270-380 ms, against 55-80 ms here
 * (LyapunovTimingMain, 2-core machine shared with other builds): OpenBLAS threading overhead dominates on
 * such shapes. Here W is copied once per estimate (~1.3 ms) and each step is a loop that C2 vectorises.
 * Splitting the rows over two threads was measured slower (85-90 us vs 50 us per k = 2 product): the
 * per-step hand-off costs more than it saves, and the second core is usually busy.
 *
 * <p>Layout: W is stored by columns as separate arrays ({@code columns[j][i] = W[i][j]}), so W v is a
 * sum of axpy updates {@code y += v[j] * column_j}. C2 (JDK 17) vectorises such loops only when every
 * array is indexed by the plain loop counter; an offset into a flat N*N array (or a dot-product reduction
 * over a row) stays scalar and was measured 4-10x slower.
 *
 * <p>Not thread-safe: instances are confined to one estimate.
 */
final class TanhMap implements StateProduct {

    // Tried: four columns of W per pass over the outputs (same summation order, so the same bits), to load and
    // store each output once per four columns. C2 (JDK 17) did not vectorise it: 3-4x slower per estimate.

    /**
     * Vectors multiplied per pass over W (2.4 MB at N = 784, beyond L2). Measured per step at N = 784:
     * one vector 32 us (bandwidth-bound), two 46 us, three 77 us (vs ~80 us as 2 + 1); wider kernels were
     * not tried (the default estimate multiplies 3 rows: x, x' and v).
     */
    static final int GROUP = 3;

    final int n;
    /** columns[j][i] = W[i][j]. */
    private final float[][] columns;
    /** Sum over j of W[i][j]^2 in double, for the Frobenius norm of diag(d) W. */
    private final double[] rowSquares;

    private TanhMap(float[][] columns, double[] rowSquares) {
        this.n = columns.length;
        this.columns = columns;
        this.rowSquares = rowSquares;
    }

    /** Copies W (N x N, row i = incoming weights of unit i) once; W itself is not retained. */
    static TanhMap of(INDArray w) {
        Objects.requireNonNull(w, "w");
        if (w.rank() != 2 || w.rows() != w.columns()) {
            throw new IllegalArgumentException("W must be square, got shape " + Arrays.toString(w.shape()));
        }
        int n = w.rows();
        return ofRowMajor(rowMajorFloats(w), n);
    }

    /** Row-major copy of W as float[], without per-element INDArray access. */
    static float[] rowMajorFloats(INDArray w) {
        INDArray c = w;
        // A view (e.g. a slice of a flat parameter vector) or an f-order array does not own a contiguous
        // row-major buffer; dup() makes one so that a single bulk read is correct.
        if (c.isView() || c.ordering() != 'c' || c.data().length() != c.length()
                || c.dataType() != DataType.FLOAT) {
            c = c.castTo(DataType.FLOAT).dup('c');
        }
        return c.data().asFloat();
    }

    static TanhMap ofRowMajor(float[] w, int n) {
        if (w.length != (long) n * n) {
            throw new IllegalArgumentException("expected " + n + "x" + n + " values, got " + w.length);
        }
        float[][] columns = new float[n][n];
        double[] rowSquares = new double[n];
        // Blocked transpose: keeps both the source rows and the destination columns in L1.
        final int b = 32;
        for (int i0 = 0; i0 < n; i0 += b) {
            int i1 = Math.min(n, i0 + b);
            for (int j0 = 0; j0 < n; j0 += b) {
                int j1 = Math.min(n, j0 + b);
                for (int i = i0; i < i1; i++) {
                    int row = i * n;
                    double s = 0;
                    for (int j = j0; j < j1; j++) {
                        float v = w[row + j];
                        columns[j][i] = v;
                        s += (double) v * v;
                    }
                    rowSquares[i] += s;
                }
            }
        }
        return new TanhMap(columns, rowSquares);
    }

    /**
     * out[r] = W in[r] for r in [0, count). Vectors are processed up to {@link #GROUP} at a time so that a
     * pass over W serves several vectors.
     */
    @Override
    public void multiply(float[][] in, float[][] out, int count) {
        int r = 0;
        while (r < count) {
            int left = count - r;
            if (left >= 3 && GROUP >= 3) {
                multiply3(in[r], in[r + 1], in[r + 2], out[r], out[r + 1], out[r + 2]);
                r += 3;
            } else if (left >= 2 && GROUP >= 2) {
                multiply2(in[r], in[r + 1], out[r], out[r + 1]);
                r += 2;
            } else {
                multiply1(in[r], out[r]);
                r += 1;
            }
        }
    }

    private void multiply1(float[] x, float[] y) {
        Arrays.fill(y, 0f);
        final int n = this.n;
        for (int j = 0; j < n; j++) {
            float a = x[j];
            float[] c = columns[j];
            for (int i = 0; i < n; i++) {
                y[i] += a * c[i];
            }
        }
    }

    private void multiply2(float[] x0, float[] x1, float[] y0, float[] y1) {
        Arrays.fill(y0, 0f);
        Arrays.fill(y1, 0f);
        final int n = this.n;
        for (int j = 0; j < n; j++) {
            float a = x0[j];
            float b = x1[j];
            float[] c = columns[j];
            for (int i = 0; i < n; i++) {
                float w = c[i];
                y0[i] += a * w;
                y1[i] += b * w;
            }
        }
    }

    private void multiply3(float[] x0, float[] x1, float[] x2, float[] y0, float[] y1, float[] y2) {
        Arrays.fill(y0, 0f);
        Arrays.fill(y1, 0f);
        Arrays.fill(y2, 0f);
        final int n = this.n;
        for (int j = 0; j < n; j++) {
            float a = x0[j];
            float b = x1[j];
            float d = x2[j];
            float[] c = columns[j];
            for (int i = 0; i < n; i++) {
                float w = c[i];
                y0[i] += a * w;
                y1[i] += b * w;
                y2[i] += d * w;
            }
        }
    }

    /** (1/N) ||diag(d) W||_F^2 with d_i = 1 - x_i^2, the squared Jacobian norm per unit at state x. */
    double jacobianFrobeniusSquaredPerUnit(float[] x) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (1.0 - x[i]) * (1.0 + x[i]);
            s += d * d * rowSquares[i];
        }
        return s / n;
    }

    /** See {@link FastTanh}: inlined by C2 into the loops that call it. */
    static float tanh(float x) {
        return FastTanh.tanh(x);
    }

    /** In place x_i <- tanh(x_i); {@link #tanh(float)} is inlined and the loop vectorised by C2. */
    static void tanhInPlace(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = tanh(x[i]);
        }
    }
}
