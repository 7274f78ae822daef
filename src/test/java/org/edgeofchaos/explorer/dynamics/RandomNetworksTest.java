package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RandomNetworksTest {

    @Test
    void sameSeedSameMatrixRegardlessOfNd4jRandomState() {
        INDArray a = RandomNetworks.gaussian(50, 1.3, 0.4, 99);
        Nd4j.getRandom().setSeed(12345); // global ND4J state must not matter
        Nd4j.rand(DataType.FLOAT, 10, 10);
        INDArray b = RandomNetworks.gaussian(50, 1.3, 0.4, 99);
        assertArrayEquals(a.data().asFloat(), b.data().asFloat());
        assertNotEquals(a, RandomNetworks.gaussian(50, 1.3, 0.4, 100));
    }

    @Test
    void floatCOrderSquare() {
        INDArray w = RandomNetworks.gaussian(7, 1, 0, 1);
        assertEquals(DataType.FLOAT, w.dataType());
        assertEquals('c', w.ordering());
        assertArrayEquals(new long[] {7, 7}, w.shape());
    }

    @Test
    void orderParametersWithinSamplingError() {
        int n = 400;
        double j = 1.5;
        double j0 = 0.5;
        for (long seed = 1; seed <= 3; seed++) {
            OrderParameters p = OrderParameters.of(RandomNetworks.gaussian(n, j, j0, seed));
            // Standard errors: J0 = N * mean has s.e. J / sqrt(N) = 0.075; J = sqrt(N) * std has s.e.
            // J / (N sqrt 2) = 0.0027. Tolerances are 4-5 standard errors.
            assertEquals(j0, p.j0(), 4 * j / Math.sqrt(n), "J0, seed " + seed);
            assertEquals(j, p.j(), 5 * j / (n * Math.sqrt(2)), "J, seed " + seed);
        }
    }
}
