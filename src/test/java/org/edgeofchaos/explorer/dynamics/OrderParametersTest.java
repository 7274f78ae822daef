package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class OrderParametersTest {

    /** W = [0, 1, ..., 15] as 4 x 4: mean 7.5, population variance (16^2 - 1)/12 = 21.25. */
    private static INDArray ramp() {
        float[] v = new float[16];
        for (int k = 0; k < 16; k++) {
            v[k] = k;
        }
        return Nd4j.create(v, new long[] {4, 4}, DataType.FLOAT);
    }

    @Test
    void usesPopulationStdAndScalesByN() {
        OrderParameters p = OrderParameters.of(ramp());
        assertEquals(Math.sqrt(21.25) * 2, p.j(), 1e-12); // ddof = 0; ddof = 1 would give 9.52
        assertEquals(7.5 * 4, p.j0(), 1e-12);
        assertEquals(30 / (Math.sqrt(21.25) * 2), p.ratio(), 1e-12);
        assertEquals(1 / (Math.sqrt(21.25) * 2), p.inverseJ(), 1e-12);
    }

    @Test
    void acceptsViewsAndOtherOrders() {
        INDArray big = Nd4j.zeros(DataType.FLOAT, 6, 6);
        big.get(NDArrayIndex.interval(1, 5), NDArrayIndex.interval(2, 6)).assign(ramp());
        INDArray view = big.get(NDArrayIndex.interval(1, 5), NDArrayIndex.interval(2, 6));
        assertEquals(OrderParameters.of(ramp()), OrderParameters.of(view));
        assertEquals(OrderParameters.of(ramp()), OrderParameters.of(ramp().dup('f')));
    }

    @Test
    void constantMatrixHasZeroJ() {
        OrderParameters p = OrderParameters.of(Nd4j.valueArrayOf(new long[] {3, 3}, 0.25f));
        assertEquals(0, p.j(), 1e-7);
        assertEquals(0.75, p.j0(), 1e-7);
    }

    @Test
    void rejectsNonSquare() {
        assertThrows(IllegalArgumentException.class, () -> OrderParameters.of(Nd4j.zeros(DataType.FLOAT, 2, 3)));
    }
}
