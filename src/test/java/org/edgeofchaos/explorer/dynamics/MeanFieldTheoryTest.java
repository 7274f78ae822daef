package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeofchaos.explorer.dynamics.GaussianQuadrature.TanhMoments;
import org.edgeofchaos.explorer.dynamics.MeanFieldTheory.EdgePoint;
import org.edgeofchaos.explorer.dynamics.MeanFieldTheory.FixedPoint;
import org.junit.jupiter.api.Test;

class MeanFieldTheoryTest {

    @Test
    void lambdaMaxOfRandomNetworks() {
        assertEquals(Math.log(0.5), MeanFieldTheory.lambdaMaxJ0Zero(0.5), 0);
        assertEquals(Math.log(0.8), MeanFieldTheory.lambdaMaxJ0Zero(0.8), 0);
        assertEquals(0, MeanFieldTheory.lambdaMaxJ0Zero(1), 0);
        assertEquals(-0.693, MeanFieldTheory.lambdaMaxJ0Zero(0.5), 5e-4);
        assertEquals(0.065, MeanFieldTheory.lambdaMaxJ0Zero(1.5), 5e-4);
        assertEquals(0.155, MeanFieldTheory.lambdaMaxJ0Zero(2), 5e-4);
        assertEquals(0.310, MeanFieldTheory.lambdaMaxJ0Zero(3), 5e-4);
        // Continuous through g = 1 (lambda ~ (g - 1)^2 / ... just above).
        double just = MeanFieldTheory.lambdaMaxJ0Zero(1.001);
        assertTrue(just > 0 && just < 1e-4, "lambda(1.001) = " + just);
    }

    @Test
    void fixedPointSolvesTheEquations() {
        double[][] cases = {{0, 1.5}, {0, 3}, {0.6, 2}, {1.4 * 2, 2}, {2.0 * 10, 10}, {1.2 / 0.52, 1 / 0.52}, {1.5, 0.8}};
        for (double[] c : cases) {
            double j0 = c[0];
            double j = c[1];
            FixedPoint p = MeanFieldTheory.fixedPoint(j0, j);
            // Check against the other quadrature rule where possible, so the check is not circular.
            TanhMoments m = GaussianQuadrature.trapezoidMoments(j0 * p.u(), j * Math.sqrt(p.q()));
            assertEquals(m.t(), p.u(), 1e-10, "u at J0 = " + j0 + ", J = " + j);
            assertEquals(m.t2(), p.q(), 1e-10, "q at J0 = " + j0 + ", J = " + j);
        }
        FixedPoint para = MeanFieldTheory.fixedPoint(0.5, 0.9);
        assertEquals(0, para.u(), 1e-6);
        assertEquals(0, para.q(), 1e-6);
        FixedPoint ferro = MeanFieldTheory.fixedPoint(1.4 * 2, 2);
        assertTrue(ferro.u() > 0.5, "ferromagnetic branch found from u = 1: " + ferro);
        FixedPoint negative = MeanFieldTheory.fixedPoint(-1.4 * 4, 4);
        assertEquals(0, negative.u(), 1e-12, "J0 < 0 has only u = 0 as a fixed point");
    }

    @Test
    void edgeIsExactlyOneWithoutFerromagneticOrder() {
        for (double ratio : new double[] {-1, -0.5, 0, 0.5, 0.9, 1}) {
            assertEquals(1.0, MeanFieldTheory.criticalInverseJ(ratio), 0, "ratio " + ratio);
            // The shortcut agrees with chi computed on both sides of J = 1.
            assertFalse(MeanFieldTheory.isChaotic(ratio * 0.99, 0.99));
            assertTrue(MeanFieldTheory.isChaotic(ratio * 1.01, 1.01));
        }
    }

    @Test
    void paramagnetIsStableAgainstFerromagneticOrderForRatioBelowOne() {
        // The proof behind the exact edge at J = 1: J E[sech^2(J sqrt(q*) z)] <= 1 for all J.
        for (double j = 1.01; j < 60; j *= 1.2) {
            FixedPoint p = MeanFieldTheory.fixedPoint(0, j);
            double s = GaussianQuadrature.tanhMoments(0, j * Math.sqrt(p.q())).s();
            assertTrue(j * s < 1, "J E[sech^2] = " + j * s + " at J = " + j);
        }
    }

    @Test
    void ferromagneticEdgeBendsDown() {
        assertEquals(0.52, MeanFieldTheory.criticalInverseJ(1.2), 0.02);
        assertEquals(0.34, MeanFieldTheory.criticalInverseJ(1.4), 0.02);
        assertEquals(0.22, MeanFieldTheory.criticalInverseJ(1.6), 0.02);
        for (double ratio : new double[] {1.2, 1.4, 1.6, 2.0}) {
            double y = MeanFieldTheory.criticalInverseJ(ratio);
            assertEquals(1, MeanFieldTheory.chi(ratio / y, 1 / y), 1e-8, "chi on the edge, ratio " + ratio);
        }
    }

    /**
     * chi - 1 changes sign once along each ray (ordered above the edge, chaotic below), so a search started from any
     * guess finds the same root as the scan from 1/J = 1; and past about 2.8 there is no edge above 1/J = 0.01.
     */
    @Test
    void theEdgeDoesNotDependOnWhereItsSearchStarts() {
        for (double ratio = 1.001; ratio < 2.8; ratio += 0.173) {
            double y = MeanFieldTheory.criticalInverseJ(ratio);
            for (double y2 = 0.012; y2 < 1; y2 += 0.03) {
                double chiMinusOne = MeanFieldTheory.chi(ratio / y2, 1 / y2) - 1;
                assertTrue(y2 < y ? chiMinusOne > 0 : chiMinusOne < 0,
                        "one sign change at 1/J = " + y + ", ratio " + ratio + "; chi - 1 = " + chiMinusOne
                                + " at 1/J = " + y2);
            }
            for (double near : new double[] {Double.NaN, 1, 0.01, 0.5, y, y * 0.7, Math.min(1, y * 1.3), 5, -1}) {
                assertEquals(y, MeanFieldTheory.criticalInverseJ(ratio, near), 1e-9, "ratio " + ratio + " from " + near);
                assertEquals(y, MeanFieldTheory.criticalInverseJ(-ratio, near), 1e-9, "ratio " + -ratio);
            }
        }
        for (double ratio : new double[] {2.9, 4}) {
            assertTrue(Double.isNaN(MeanFieldTheory.criticalInverseJ(ratio)), "ratio " + ratio);
            assertTrue(Double.isNaN(MeanFieldTheory.criticalInverseJ(ratio, 0.05)), "ratio " + ratio);
        }
    }

    @Test
    void edgeIsContinuousAndMonotoneThroughRatioOne() {
        // Above ratio 1 the edge leaves 1/J = 1 continuously but like a square root, 1 - y ~ sqrt(ratio - 1)
        // (measured coefficient ~1), so it drops by 0.34 between ratio 1 and 1.1.
        for (double eps : new double[] {1e-6, 1e-4, 1e-3}) {
            double drop = 1 - MeanFieldTheory.criticalInverseJ(1 + eps);
            assertEquals(1, drop / Math.sqrt(eps), 0.1, "ratio 1 + " + eps);
        }
        List<EdgePoint> curve = MeanFieldTheory.edgeCurve(-1, 2, 31);
        assertEquals(31, curve.size());
        assertEquals(-1, curve.get(0).ratio(), 1e-12);
        assertEquals(2, curve.get(30).ratio(), 1e-12);
        for (int k = 1; k < curve.size(); k++) {
            EdgePoint a = curve.get(k - 1);
            EdgePoint b = curve.get(k);
            assertTrue(b.inverseJ() <= a.inverseJ(), "non-increasing at ratio " + b.ratio());
            if (a.ratio() >= 1.1) {
                assertTrue(a.inverseJ() - b.inverseJ() < 0.15, "no jump at ratio " + b.ratio());
            }
            assertTrue(b.inverseJ() >= 0.02, "inside the diagram at ratio " + b.ratio());
        }
    }

    @Test
    void negativeMeanFollowsTheStaggeredCycle() {
        // Undamped order-parameter map at J0 = -1.4 J: it settles on a period-2 orbit (u, -u) whose amplitude
        // and q equal the ferromagnetic fixed point at +1.4 J, so chi and the edge are even in J0.
        double j = 4;
        double j0 = -1.4 * j;
        double u = 0.3;
        double q = 0.5;
        for (int it = 0; it < 3000; it++) {
            TanhMoments m = GaussianQuadrature.tanhMoments(j0 * u, j * Math.sqrt(q));
            u = m.t();
            q = m.t2();
        }
        FixedPoint ferro = MeanFieldTheory.fixedPoint(-j0, j);
        assertEquals(ferro.u(), Math.abs(u), 1e-9);
        assertEquals(ferro.q(), q, 1e-9);
        TanhMoments m = GaussianQuadrature.tanhMoments(j0 * u, j * Math.sqrt(q));
        assertEquals(-u, m.t(), 1e-9, "period 2: the sign flips every step");
        assertEquals(MeanFieldTheory.chi(-j0, j), MeanFieldTheory.chi(j0, j), 0);
        assertEquals(MeanFieldTheory.criticalInverseJ(1.4), MeanFieldTheory.criticalInverseJ(-1.4), 0);
    }
}
