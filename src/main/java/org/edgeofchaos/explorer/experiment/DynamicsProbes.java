package org.edgeofchaos.explorer.experiment;

import org.edgeofchaos.explorer.dynamics.AttractorAnalyzer;
import org.edgeofchaos.explorer.dynamics.AttractorReport;
import org.edgeofchaos.explorer.dynamics.ComplexSpectrum;
import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.dynamics.LyapunovResult;
import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.training.DynamicsPortrait;
import org.edgeofchaos.explorer.training.DynamicsProbe;

/**
 * The per-epoch measurement of the hidden map that runs use: order parameters, lambda_max and distance, and the
 * attractor (kind, period, Jacobian norm, return-map series and, up to {@value #SPECTRA_MAX_N} units, the
 * eigenvalues of W and D*).
 */
public final class DynamicsProbes {

    /**
     * Largest N whose eigenvalues are computed every epoch by default. Measured (dgeev, one thread): about 25 ms
     * per matrix at N = 196, 1.1-1.3 s at N = 784, i.e. 2.4 s per epoch for W and D*, as long as an epoch of the
     * paper's training itself; larger runs ask for them explicitly ({@code train --spectra}).
     */
    public static final int SPECTRA_MAX_N = 400;

    private DynamicsProbes() {
    }

    /**
     * J, J0 and a Lyapunov estimate with transient 200, 1000 steps and one initial state (the settings of the
     * PyTorch baseline), plus the paper's asymptotic distance over 500 steps, and the attractor analysis of the
     * same orbit (same seed and steps, hence the same lambda_max). The seed is fixed so that the estimate after
     * each epoch differs only because W changed. Spectra up to {@value #SPECTRA_MAX_N} units.
     */
    public static DynamicsProbe standard() {
        return standard(false);
    }

    /** As {@link #standard()}; {@code spectraAtAnySize} computes the eigenvalues whatever N. */
    public static DynamicsProbe standard(boolean spectraAtAnySize) {
        LyapunovEstimator estimator = new LyapunovEstimator(LyapunovEstimator.Settings.defaults());
        AttractorAnalyzer.Settings base = AttractorAnalyzer.Settings.defaults();
        AttractorAnalyzer withSpectra = new AttractorAnalyzer(base.withSpectra(true));
        AttractorAnalyzer withoutSpectra = new AttractorAnalyzer(base.withSpectra(false));
        return w -> {
            boolean spectra = spectraAtAnySize || w.rows() <= SPECTRA_MAX_N;
            return measure(w, estimator, spectra ? withSpectra : withoutSpectra);
        };
    }

    /** Order parameters and the estimate only, without the attractor analysis. */
    public static DynamicsProbe using(LyapunovEstimator estimator) {
        return w -> {
            OrderParameters order = OrderParameters.of(w);
            LyapunovResult result = estimator.estimate(w);
            return new DynamicsProbe.Measurement(order.j(), order.j0(), result.lambdaMax(), result.distance());
        };
    }

    static DynamicsProbe.Measurement measure(org.nd4j.linalg.api.ndarray.INDArray w, LyapunovEstimator estimator,
            AttractorAnalyzer analyzer) {
        OrderParameters order = OrderParameters.of(w);
        LyapunovResult result = estimator.estimate(w);
        AttractorReport report = analyzer.analyze(w);
        return new DynamicsProbe.Measurement(order.j(), order.j0(), result.lambdaMax(), result.distance(),
                report.jacobianNorm(), report.lambdaError(), report.attractor().kind().label(),
                report.attractor().period(), portrait(report));
    }

    static DynamicsPortrait portrait(AttractorReport report) {
        ComplexSpectrum weights = report.weightSpectrum();
        ComplexSpectrum jacobian = report.jacobianSpectrum();
        return new DynamicsPortrait(floats(weights == null ? null : weights.re()),
                floats(weights == null ? null : weights.im()), floats(jacobian == null ? null : jacobian.re()),
                floats(jacobian == null ? null : jacobian.im()), floats(report.meanActivity()));
    }

    private static float[] floats(double[] values) {
        if (values == null) {
            return new float[0];
        }
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }
}
