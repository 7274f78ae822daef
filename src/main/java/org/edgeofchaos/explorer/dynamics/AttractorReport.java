package org.edgeofchaos.explorer.dynamics;

import java.util.Objects;

/**
 * What one orbit of x -> tanh(W x) settles on, measured after the transient.
 *
 * @param lambdaMax        maximal Lyapunov exponent per step (tangent-vector estimate; with the same seed and
 *                         steps it equals {@link LyapunovEstimator}'s value for one initial state)
 * @param lambdaError      its standard error, by batch means over {@value AttractorAnalyzer#BATCHES} blocks
 * @param jacobianNorm     ||D||_F / sqrt(N) on the attractor, D = diag(1 - x^2) W, as the root mean square over the
 *                         measured steps (paper 2's order parameter; edge at 1)
 * @param attractor        kind and period, see {@link AttractorClassifier}
 * @param meanActivity     m_t = mean_i x_t,i over the last steps of the orbit, oldest first: plotting m_{t+1}
 *                         against m_t gives the return map
 * @param jacobianSpectrum eigenvalues of D* = diag(1 - x*^2) W at the orbit's last state x*; null if not asked for
 * @param weightSpectrum   eigenvalues of W; null if not asked for
 * @param steps            steps iterated in all (transient, measurement, and any extension to let a cycle close)
 */
public record AttractorReport(double lambdaMax, double lambdaError, double jacobianNorm, Attractor attractor,
                              double[] meanActivity, ComplexSpectrum jacobianSpectrum,
                              ComplexSpectrum weightSpectrum, int steps) {

    public AttractorReport {
        Objects.requireNonNull(attractor, "attractor");
        meanActivity = meanActivity.clone();
    }

    @Override
    public double[] meanActivity() {
        return meanActivity.clone();
    }
}
