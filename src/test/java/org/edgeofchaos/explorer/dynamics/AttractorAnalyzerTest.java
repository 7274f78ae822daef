package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class AttractorAnalyzerTest {

    private static final AttractorAnalyzer LONG = new AttractorAnalyzer(
            AttractorAnalyzer.Settings.defaults().withSpectra(false).withSteps(1000, 3000));

    /**
     * Paper 2's order parameter against mean field: ln(||D*||_F / sqrt(N)) tends to the mean-field lambda_max at
     * J0 = 0. Measured at N = 400, seeds 1-5: |difference| <= 0.002 for J <= 0.8 (x* = 0, D* = W), <= 0.006 for
     * J = 2 and 3; near the edge the finite network often settles on a cycle or torus instead of chaos, and the
     * difference reaches 0.065 at J = 1.05 and 0.072 at J = 1.2 (0.064 at J = 1.5).
     */
    @Test
    void lnJacobianNormMatchesMeanFieldAwayFromTheEdge() {
        for (double j : new double[] {0.5, 0.8, 2, 3}) {
            for (long seed = 1; seed <= 2; seed++) {
                AttractorReport report = LONG.analyze(RandomNetworks.gaussian(400, j, 0, seed));
                assertEquals(MeanFieldTheory.lambdaMaxJ0Zero(j), Math.log(report.jacobianNorm()), 0.01,
                        "J = " + j + ", seed " + seed);
            }
        }
    }

    @Test
    void lnJacobianNormNearTheEdgeStaysWithinTheMeasuredFiniteSizeGap() {
        for (double j : new double[] {1.05, 1.5}) {
            AttractorReport report = LONG.analyze(RandomNetworks.gaussian(400, j, 0, 2));
            assertEquals(MeanFieldTheory.lambdaMaxJ0Zero(j), Math.log(report.jacobianNorm()), 0.08, "J = " + j);
        }
    }

    @Test
    void orderedRandomNetworkSettlesOnTheFixedPoint() {
        AttractorReport report = LONG.analyze(RandomNetworks.gaussian(400, 0.5, 0, 1));
        assertEquals(AttractorKind.FIXED_POINT, report.attractor().kind());
        assertNull(report.attractor().period());
        assertTrue(report.lambdaMax() < -0.5, "lambda " + report.lambdaMax());
        double[] m = report.meanActivity();
        assertEquals(0, m[m.length - 1], 1e-12, "the fixed point is x = 0");
    }

    @Test
    void stronglyCoupledRandomNetworkIsChaotic() {
        AttractorReport report = LONG.analyze(RandomNetworks.gaussian(400, 3, 0, 1));
        assertEquals(AttractorKind.CHAOTIC, report.attractor().kind());
        assertEquals(0.310, report.lambdaMax(), 0.02);
        assertTrue(report.lambdaError() > 0 && report.lambdaError() < 0.01, "error " + report.lambdaError());
    }

    @Test
    void sameLambdaAsTheEstimatorForTheSameSeedAndSteps() {
        INDArray w = RandomNetworks.gaussian(196, 1.5, 0, 3);
        double estimate = new LyapunovEstimator().estimate(w).lambdaMax();
        double analyzed = new AttractorAnalyzer(AttractorAnalyzer.Settings.defaults().withSpectra(false))
                .analyze(w).lambdaMax();
        assertEquals(estimate, analyzed, 1e-12);
    }

    @Test
    void spectraAtTheZeroFixedPointCoincide() {
        // At x* = 0 the Jacobian is W itself.
        AttractorReport report = new AttractorAnalyzer(AttractorAnalyzer.Settings.defaults())
                .analyze(RandomNetworks.gaussian(100, 0.6, 0, 4));
        assertEquals(AttractorKind.FIXED_POINT, report.attractor().kind());
        assertEquals(report.weightSpectrum(), report.jacobianSpectrum());
        // lambda_max of a linear map is ln of its spectral radius.
        assertEquals(Math.log(report.weightSpectrum().spectralRadius()), report.lambdaMax(), 0.02);
    }

    /** Two units coupled as g times a rotation by theta: at x = 0 the Jacobian has the pair g e^{+-i theta}. */
    private static AttractorReport rotation(double g, double theta) {
        float[] w = {(float) (g * Math.cos(theta)), (float) (-g * Math.sin(theta)),
            (float) (g * Math.sin(theta)), (float) (g * Math.cos(theta))};
        return new AttractorAnalyzer(AttractorAnalyzer.Settings.defaults()).analyze(w, 2);
    }

    @Test
    void neimarkSackerOfATwoUnitRotation() {
        // Below g = 1 the pair is inside the unit circle: the origin attracts.
        assertEquals(AttractorKind.FIXED_POINT, rotation(0.9, 1.0).attractor().kind());
        // The pair leaves the circle at g = 1: an invariant closed curve appears, on which the orbit turns by an
        // angle incommensurate with 2 pi (theta = 1 rad): quasi-periodic, lambda_max = 0 within its error.
        AttractorReport torus = rotation(1.2, 1.0);
        assertEquals(AttractorKind.QUASI_PERIODIC, torus.attractor().kind());
        assertEquals(0, torus.lambdaMax(), 2e-3);
        // With theta = pi / 2 the curve's rotation locks: (a, a) -> (-a, a) -> (-a, -a) -> (a, -a), a = tanh(g a).
        assertEquals(new Attractor(AttractorKind.PERIODIC, 4), rotation(1.6, Math.PI / 2).attractor());
    }
}
