package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class EigenvaluesTest {

    @Test
    void rotationScaledHasAConjugatePairOnItsCircle() {
        // 0.9 * rotation by 60 degrees, plus a decoupled 0.5: eigenvalues 0.9 e^{+-i pi/3} and 0.5.
        double c = 0.9 * Math.cos(Math.PI / 3);
        double s = 0.9 * Math.sin(Math.PI / 3);
        double[] a = {c, -s, 0, s, c, 0, 0, 0, 0.5};
        ComplexSpectrum spectrum = Eigenvalues.ofRowMajor(a, 3);
        assertEquals(0.9, spectrum.modulus(0), 1e-12);
        assertEquals(0.9, spectrum.modulus(1), 1e-12);
        assertEquals(c, spectrum.re(0), 1e-12);
        assertEquals(s, spectrum.im(0), 1e-12, "positive imaginary part first in a pair");
        assertEquals(-s, spectrum.im(1), 1e-12);
        assertEquals(0.5, spectrum.re(2), 1e-12);
        assertEquals(2, spectrum.countOutside(0.6));
    }

    @Test
    void nonSymmetricTriangularMatrixHasItsDiagonal() {
        // Upper triangular: the eigenvalues are the diagonal, whatever the transposition convention.
        double[] a = {2, 7, -3, 0, -4, 5, 0, 0, 1};
        ComplexSpectrum spectrum = Eigenvalues.ofRowMajor(a, 3);
        assertEquals(-4, spectrum.re(0), 1e-12);
        assertEquals(2, spectrum.re(1), 1e-12);
        assertEquals(1, spectrum.re(2), 1e-12);
    }

    /** Circular law: the eigenvalues of W_ij ~ N(0, J^2/N) fill the disc of radius J as N grows. */
    @Test
    void spectralRadiusOfRandomWeightsFollowsTheCircularLaw() {
        for (double j : new double[] {0.5, 1.5}) {
            INDArray w = RandomNetworks.gaussian(400, j, 0, 7);
            ComplexSpectrum spectrum = Eigenvalues.of(w);
            // Measured at N = 400, seeds 1-7: radius / J = 1.017 .. 1.065 (the finite-N edge sits a little
            // outside the disc). Tolerance: 8 % of J.
            assertEquals(j, spectrum.spectralRadius(), 0.08 * j, "J = " + j);
            assertEquals(400, spectrum.size());
            // The bulk fills the disc: at least a quarter of the eigenvalues lie beyond 0.85 J (uniform density:
            // 1 - 0.85^2 = 28 %), none beyond 1.1 J.
            assertEquals(0, spectrum.countOutside(1.1 * j), "J = " + j);
            assertTrue(spectrum.countOutside(0.85 * j) > 100, "J = " + j);
        }
    }
}
