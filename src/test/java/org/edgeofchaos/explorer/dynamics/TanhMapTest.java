package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class TanhMapTest {

    @Test
    void fastTanhMatchesMathTanhToFloatPrecision() {
        double maxError = 0;
        for (int k = -400_000; k <= 400_000; k++) {
            float x = k * 5e-5f;
            maxError = Math.max(maxError, Math.abs(TanhMap.tanh(x) - Math.tanh(x)));
        }
        for (float x : new float[] {10f, 50f, 1e30f, Float.MAX_VALUE}) {
            assertEquals(1f, TanhMap.tanh(x));
            assertEquals(-1f, TanhMap.tanh(-x));
        }
        assertTrue(maxError < 4.5e-7, "max |error| " + maxError); // 3.95e-7 (6.6 ulp) at x = -5.77
        assertEquals(1e-30f, TanhMap.tanh(1e-30f), 1e-37f); // linear near 0, no underflow to 0
        assertEquals(0f, TanhMap.tanh(0f));
        float[] x = {-3f, -0.5f, 0.25f, 2f};
        float[] y = x.clone();
        TanhMap.tanhInPlace(y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(TanhMap.tanh(x[i]), y[i]);
        }
    }

    @Test
    void multiplyMatchesDoubleProductForEveryGroupSize() {
        int n = 37;
        Random random = new Random(3);
        float[] w = new float[n * n];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) random.nextGaussian();
        }
        TanhMap map = TanhMap.ofRowMajor(w, n);
        for (int count = 1; count <= 7; count++) {
            float[][] in = new float[count][n];
            float[][] out = new float[count][n];
            for (float[] v : in) {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) random.nextGaussian();
                }
            }
            map.multiply(in, out, count);
            for (int r = 0; r < count; r++) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += (double) w[i * n + j] * in[r][j];
                    }
                    assertEquals(s, out[r][i], 1e-5 * Math.sqrt(n) * 3, "row " + r + ", unit " + i);
                }
            }
        }
    }

    /** One pass over W for [x; x'; v] gives the same bits as three separate matrix-vector products. */
    @Test
    void groupedProductEqualsOneVectorAtATimeToTheBit() {
        int n = 53;
        Random random = new Random(8);
        float[] w = new float[n * n];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) random.nextGaussian();
        }
        TanhMap map = TanhMap.ofRowMajor(w, n);
        float[][] in = new float[3][n];
        for (float[] v : in) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) random.nextGaussian();
            }
        }
        float[][] grouped = new float[3][n];
        map.multiply(in, grouped, 3);
        for (int r = 0; r < 3; r++) {
            float[][] single = new float[1][n];
            map.multiply(new float[][] {in[r]}, single, 1);
            assertArrayEquals(single[0], grouped[r], "row " + r);
        }
    }

    @Test
    void rowMajorCopyOfViewsAndFOrder() {
        INDArray w = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 5);
        float[] expected = w.dup('c').data().asFloat();
        assertArrayEquals(expected, TanhMap.rowMajorFloats(w.dup('f')));
        INDArray big = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 7, 8);
        INDArray view = big.get(NDArrayIndex.interval(1, 6), NDArrayIndex.interval(2, 7));
        view.assign(w);
        assertArrayEquals(expected, TanhMap.rowMajorFloats(view));
        assertArrayEquals(expected, TanhMap.rowMajorFloats(w.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)));
    }

    @Test
    void jacobianNormAtZeroIsRowNormOfW() {
        float[] w = {1, 2, 3, 4};
        TanhMap map = TanhMap.ofRowMajor(w, 2);
        assertEquals((1 + 4 + 9 + 16) / 2.0, map.jacobianFrobeniusSquaredPerUnit(new float[2]), 1e-12);
        // d = 1 - x^2 = 0.75 for unit 0, 0 for a saturated unit 1
        assertEquals(0.75 * 0.75 * 5 / 2.0, map.jacobianFrobeniusSquaredPerUnit(new float[] {0.5f, 1f}), 1e-12);
    }
}
