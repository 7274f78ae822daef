package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LyapunovSpectrumTest {

    @Test
    void orderedNetworkExponentsAreLogsOfTheLeadingEigenvalueModuli() {
        // The orbit collapses onto x = 0, where the map is linear with D = W: exponent i = ln |mu_i|.
        INDArray w = RandomNetworks.gaussian(200, 0.5, 0, 2);
        LyapunovSpectrum spectrum = LyapunovSpectrum.estimate(w, 4, 500, 3000, 1);
        ComplexSpectrum eigen = Eigenvalues.of(w);
        double[] exponents = spectrum.exponents();
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.log(eigen.modulus(i)), exponents[i], 2e-3, "exponent " + i);
        }
        assertEquals(0, spectrum.kaplanYorkeDimension(), 0);
    }

    @Test
    void chaoticNetworkTopExponentMatchesTheTangentEstimateAndDimensionGrows() {
        INDArray w = RandomNetworks.gaussian(200, 3, 0, 2);
        LyapunovSpectrum spectrum = LyapunovSpectrum.estimate(w, 3, 500, 3000, 1);
        double benettin = new LyapunovEstimator(LyapunovEstimator.Settings.defaults().withSteps(500, 3000))
                .estimate(w).lambdaMax();
        double[] e = spectrum.exponents();
        assertEquals(benettin, e[0], 0.02);
        assertTrue(e[0] >= e[1] - 0.005 && e[1] >= e[2] - 0.005, "ordered: " + spectrum);
        // At J = 3 many exponents are positive: with only three the dimension is not bounded yet.
        assertTrue(Double.isNaN(spectrum.kaplanYorkeDimension()));
    }

    @Test
    void kaplanYorkeDimensionOfAKnownSpectrum() {
        // Lorenz-like: 0.9, 0, -14.5 gives 2 + 0.9 / 14.5.
        assertEquals(2 + 0.9 / 14.5, new LyapunovSpectrum(new double[] {0.9, 0, -14.5}).kaplanYorkeDimension(), 1e-12);
        assertEquals(1 + 0.3 / 0.5, new LyapunovSpectrum(new double[] {0.3, -0.5, -1}).kaplanYorkeDimension(), 1e-12);
    }
}
