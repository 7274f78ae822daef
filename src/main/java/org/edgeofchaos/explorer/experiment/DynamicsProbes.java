package org.edgeofchaos.explorer.experiment;

import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.dynamics.LyapunovResult;
import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.training.DynamicsProbe;

/** The per-epoch measurement of the hidden map that runs use: order parameters, lambda_max and distance. */
public final class DynamicsProbes {
    private DynamicsProbes() {
    }

    /**
     * J, J0 and a Lyapunov estimate with transient 200, 1000 steps and one initial state (the settings of the
     * PyTorch baseline), plus the paper's asymptotic distance over 500 steps. The seed is fixed so that the
     * estimate after each epoch differs only because W changed.
     */
    public static DynamicsProbe standard() {
        return using(new LyapunovEstimator(LyapunovEstimator.Settings.defaults()));
    }

    public static DynamicsProbe using(LyapunovEstimator estimator) {
        return w -> {
            OrderParameters order = OrderParameters.of(w);
            LyapunovResult result = estimator.estimate(w);
            return new DynamicsProbe.Measurement(order.j(), order.j0(), result.lambdaMax(), result.distance());
        };
    }
}
