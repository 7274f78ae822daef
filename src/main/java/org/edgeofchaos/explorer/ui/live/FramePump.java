package org.edgeofchaos.explorer.ui.live;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The pulse of the live run: at most every 40 ms (25 Hz) it applies the queued run events to the
 * {@link LiveRunModel} in one batch. Runs only while a run is active, so an idle window does not force pulses.
 * The longest gap between two frames during a run (the longest FX-thread stall) is kept for Help > Diagnostics and
 * slow frames are logged at debug level; users never see these numbers in the window itself.
 */
public final class FramePump extends AnimationTimer {
    static final long PULSE_PERIOD_NANOS = 40_000_000L;
    private static final double SLOW_FRAME_MILLIS = 50;
    private static final System.Logger LOG = System.getLogger("org.edgeofchaos.explorer.ui.live");

    private final LiveRunModel model;
    private long lastFrame;
    private long lastPulse;
    private double longestGapMillis;

    public FramePump(LiveRunModel model, ObservableBooleanValue active) {
        this.model = model;
        active.addListener((obs, o, n) -> {
            if (n) {
                lastFrame = 0;
                lastPulse = 0;
                start();
            } else {
                stop();
                model.pulse();
            }
        });
    }

    @Override
    public void handle(long now) {
        if (lastFrame != 0 && model.stateProperty().get() == org.edgeofchaos.explorer.training.RunState.RUNNING) {
            double gap = (now - lastFrame) / 1e6;
            longestGapMillis = Math.max(longestGapMillis, gap);
            if (gap > SLOW_FRAME_MILLIS) {
                LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                        "slow frame: %.0f ms since the previous one", gap));
            }
        }
        lastFrame = now;
        if (now - lastPulse >= PULSE_PERIOD_NANOS) {
            lastPulse = now;
            model.pulse();
        }
    }

    /** The longest gap between two frames while a run was training, in ms (for Help > Diagnostics). */
    public double longestGapMillis() {
        return longestGapMillis;
    }
}
