package org.edgeofchaos.explorer.ui.live;

import org.edgeofchaos.explorer.training.DynamicsProbe;

/**
 * The dynamics probe the window trains with. Until the core's dynamics package provides the Lyapunov estimator,
 * only the order parameters are measured (J = std(W)·√N, J0 = mean(W)·N) and λmax is NaN (not drawn).
 */
public final class StandardProbe {
    private StandardProbe() {
    }

    public static DynamicsProbe create() {
        return w -> {
            double n = w.rows();
            double mean = w.meanNumber().doubleValue();
            double std = w.stdNumber().doubleValue();
            return new DynamicsProbe.Measurement(std * Math.sqrt(n), mean * n, Double.NaN, Double.NaN);
        };
    }
}
