package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeofchaos.explorer.dynamics.GaussianQuadrature.TanhMoments;
import org.junit.jupiter.api.Test;

class GaussianQuadratureTest {

    @Test
    void hermiteRuleIntegratesGaussianMoments() {
        double[] nodes = GaussianQuadrature.hermiteNodes();
        double[] weights = GaussianQuadrature.hermiteWeights();
        assertEquals(GaussianQuadrature.HERMITE_NODES, nodes.length);
        for (int i = 0; i < nodes.length; i++) {
            assertEquals(-nodes[i], nodes[nodes.length - 1 - i], 1e-12, "symmetric nodes");
            assertTrue(weights[i] > 0);
            if (i > 0) {
                assertTrue(nodes[i] > nodes[i - 1], "distinct, increasing nodes");
            }
        }
        // E[z^(2k)] = (2k-1)!!; exact for polynomials up to degree 2n - 1.
        double doubleFactorial = 1;
        for (int k = 0; k <= 10; k++) {
            if (k > 0) {
                doubleFactorial *= 2 * k - 1;
            }
            int power = 2 * k;
            double m = GaussianQuadrature.hermite(z -> Math.pow(z, power));
            assertEquals(1, m / doubleFactorial, 1e-11, "E[z^" + power + "]");
            assertEquals(0, GaussianQuadrature.hermite(z -> Math.pow(z, power + 1)), 1e-9 * doubleFactorial);
        }
    }

    @Test
    void rulesAgreeWhereBothAreAccurate() {
        for (double b : new double[] {0.1, 0.3, 0.5, GaussianQuadrature.HERMITE_MAX_SCALE}) {
            for (double a : new double[] {0, 0.4, -1.3}) {
                TanhMoments h = GaussianQuadrature.hermiteMoments(a, b);
                TanhMoments t = GaussianQuadrature.trapezoidMoments(a, b);
                assertEquals(t.t(), h.t(), 1e-12);
                assertEquals(t.t2(), h.t2(), 1e-12);
                assertEquals(t.s2(), h.s2(), 1e-12);
                assertEquals(t.ts(), h.ts(), 1e-12);
                assertEquals(t.t2s(), h.t2s(), 1e-12);
            }
        }
    }

    @Test
    void sharpIntegrandsUseTheScaledTrapezoid() {
        // For large b, E[sech^4(b z)] -> (4/3) / (b sqrt(2 pi)) (integral of sech^4 is 4/3), with relative
        // corrections O(1/b^2): (pi^2 - 6) / (12 b^2) * ... is below 1e-3 at b = 50.
        double b = 50;
        double s4 = GaussianQuadrature.tanhMoments(0, b).s2();
        assertEquals(4.0 / 3 / (b * Math.sqrt(2 * Math.PI)), s4, 1e-3 * s4);
        // 100-node Gauss-Hermite is far off here, which is why it is not used above b = 1.
        double gh = GaussianQuadrature.hermiteMoments(0, b).s2();
        assertTrue(Math.abs(gh - s4) > 0.1 * s4, "Gauss-Hermite at b = 50: " + gh + " vs " + s4);
        // Mean of tanh: E[tanh(a + b z)] is close to 2 Phi(a/b) - 1 for large b; for a = 0 it is 0.
        assertEquals(0, GaussianQuadrature.tanhMoments(0, b).t(), 1e-15);
    }

    @Test
    void degenerateScaleIsExact() {
        TanhMoments m = GaussianQuadrature.tanhMoments(0.7, 0);
        assertEquals(Math.tanh(0.7), m.t(), 1e-16);
        assertEquals(1 - Math.tanh(0.7) * Math.tanh(0.7), m.s(), 1e-16);
    }
}
