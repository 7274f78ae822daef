package org.edgeofchaos.explorer.training;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;
import static org.bytedeco.openblas.global.openblas.cblas_daxpy;
import static org.bytedeco.openblas.global.openblas.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas.cblas_saxpy;
import static org.bytedeco.openblas.global.openblas.cblas_sgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha op(A) op(B) + beta C as one OpenBLAS call on the arrays' memory.
 *
 * <p>Why not {@code Nd4j.gemm}: in ND4J 1.0.0-M2.1 it builds and executes an Mmul op, which costs 30-40 us per call
 * on top of the BLAS and allocates an op context each time (measured: 32 x 10 by 10 x 784, 46 us against 11 us
 * for the direct call; the 32 x 784 by 784 x 784 product, 750 us against 675 us). With five products per
 * mini-batch that was about a tenth of the step, and most of its garbage. The result is the same to the bit.
 *
 * <p>Operands are row-major (c-order) matrices or row ranges of one, as the trainer's buffers and batch views are.
 * The axpy of the parameter update goes straight to OpenBLAS for the same reason.
 */
public final class Gemm {
    private Gemm() {
    }

    static void apply(INDArray a, boolean transA, INDArray b, boolean transB, double alpha, double beta, INDArray c) {
        int m = (int) (transA ? a.columns() : a.rows());
        int k = (int) (transA ? a.rows() : a.columns());
        int n = (int) (transB ? b.rows() : b.columns());
        int kb = (int) (transB ? b.columns() : b.rows());
        if (kb != k || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("shapes do not match: " + shape(a, transA) + " x " + shape(b, transB)
                    + " -> " + c.rows() + "x" + c.columns());
        }
        int lda = rowStride(a);
        int ldb = rowStride(b);
        int ldc = rowStride(c);
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        DataType type = c.dataType();
        if (a.dataType() != type || b.dataType() != type) {
            throw new IllegalArgumentException("mixed data types " + a.dataType() + ", " + b.dataType() + ", " + type);
        }
        if (type == DataType.FLOAT) {
            cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, floats(a), lda, floats(b), ldb, (float) beta,
                    floats(c), ldc);
        } else if (type == DataType.DOUBLE) {
            cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, doubles(a), lda, doubles(b), ldb, beta, doubles(c),
                    ldc);
        } else {
            throw new IllegalArgumentException("GEMM needs FLOAT or DOUBLE arrays, got " + type);
        }
    }

    /**
     * C = alpha op(A) op(B) + beta C on blocks of row-major FLOAT memory, each given as a base pointer, an element
     * offset and a leading dimension: the parts of a {@link ComputeTeam} work on their own rows of W and columns of
     * the batch gradient, which are no row ranges. The offsets go into fresh pointers, so parts on other threads may
     * share the base pointers.
     */
    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatPointer a, long aOffset,
            int lda, FloatPointer b, long bOffset, int ldb, float beta, FloatPointer c, long cOffset, int ldc) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, m, n, k,
                alpha, at(a, aOffset), lda, at(b, bOffset), ldb, beta, at(c, cOffset), ldc);
    }

    /** y[yOffset ..] += alpha x[xOffset ..] over {@code n} FLOAT elements (see {@link #sgemm} for the pointers). */
    static void saxpy(int n, float alpha, FloatPointer x, long xOffset, FloatPointer y, long yOffset) {
        cblas_saxpy(n, alpha, at(x, xOffset), 1, at(y, yOffset), 1);
    }

    private static FloatPointer at(FloatPointer base, long offset) {
        return new FloatPointer(base).position(base.position() + offset);
    }

    /** The first element of a FLOAT array (or row range of one), for {@link #sgemm} and {@link #saxpy}. */
    static FloatPointer floatsOf(INDArray x) {
        if (x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + x.dataType());
        }
        return floats(x);
    }

    /** y += alpha x over two whole arrays of the same length and type. */
    static void axpy(double alpha, INDArray x, INDArray y) {
        if (x.length() != y.length() || x.dataType() != y.dataType() || x.isView() || y.isView()) {
            throw new IllegalArgumentException("axpy needs two whole arrays of the same length and type");
        }
        int n = (int) x.length();
        if (y.dataType() == DataType.FLOAT) {
            cblas_saxpy(n, (float) alpha, floats(x), 1, floats(y), 1);
        } else if (y.dataType() == DataType.DOUBLE) {
            cblas_daxpy(n, alpha, doubles(x), 1, doubles(y), 1);
        } else {
            throw new IllegalArgumentException("axpy needs FLOAT or DOUBLE arrays, got " + y.dataType());
        }
    }

    /**
     * Best-of GFLOP/s of this class's SGEMM, the call the trainer makes, for the forward product of a mini-batch:
     * (m x k) by (n x k)^T, {@code reps} products per timed round, five rounds. This is the roofline that the
     * {@code bench} command compares training with.
     */
    public static double sgemmGflops(int m, int k, int n, int reps) {
        ComputeThreads.ensureConfigured();
        INDArray a = Nd4j.rand(DataType.FLOAT, m, k);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, k);
        INDArray c = Nd4j.create(DataType.FLOAT, m, n);
        try {
            for (int i = 0; i < 3; i++) {
                apply(a, false, b, true, 1.0, 0.0, c);
            }
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    apply(a, false, b, true, 1.0, 0.0, c);
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            return 2.0 * m * k * n * reps / best;
        } finally {
            a.close();
            b.close();
            c.close();
        }
    }

    /** Distance between rows; the elements of a row must be adjacent (c-order, whole rows). */
    private static int rowStride(INDArray x) {
        if (x.rank() != 2 || x.stride(1) != 1 || x.ordering() != 'c') {
            throw new IllegalArgumentException("GEMM operands must be c-order matrices or row ranges of one");
        }
        return (int) x.stride(0);
    }

    // A view's data buffer already starts at the view's first element (its address includes the offset).
    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer());
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer());
    }

    private static String shape(INDArray x, boolean trans) {
        return (trans ? x.columns() + "x" + x.rows() : x.rows() + "x" + x.columns());
    }
}
