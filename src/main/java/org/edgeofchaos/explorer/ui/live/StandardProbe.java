package org.edgeofchaos.explorer.ui.live;

import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.training.DynamicsProbe;

/** The dynamics probe the window trains with: the core's standard one (J, J0, Lyapunov exponent, distance). */
public final class StandardProbe {
    private StandardProbe() {
    }

    public static DynamicsProbe create() {
        return DynamicsProbes.standard();
    }
}
