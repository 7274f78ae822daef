package org.edgeofchaos.explorer.ui.live;

import javafx.animation.AnimationTimer;

/**
 * The FX side of the live stream: on every pulse it measures the gap since the previous frame (the longest gap is
 * the longest FX-thread stall) and, at most every 40 ms (25 Hz), drains the live queue in one batch.
 * Runs only while a run is active, so an idle window does not force pulses.
 */
public final class FramePump extends AnimationTimer {
    static final long DRAIN_PERIOD_NANOS = 40_000_000L;
    private static final double SLOW_FRAME_MILLIS = 50;
    private static final System.Logger LOG = System.getLogger("org.edgeofchaos.explorer.ui.live");

    private final LiveRunViewModel live;
    private long lastFrame;
    private long lastDrain;

    public FramePump(LiveRunViewModel live) {
        this.live = live;
        live.activeProperty().addListener((obs, o, n) -> {
            if (n) {
                lastFrame = 0;
                lastDrain = 0;
                start();
            } else {
                stop();
                live.drain();
            }
        });
    }

    @Override
    public void handle(long now) {
        // Stalls are measured while training runs (not while the data set loads or the window first lays out).
        if (lastFrame != 0 && live.stateProperty().get() == org.edgeofchaos.explorer.training.RunState.RUNNING) {
            double gap = (now - lastFrame) / 1e6;
            live.recordFrameGap(gap);
            if (gap > SLOW_FRAME_MILLIS) {
                LOG.log(System.Logger.Level.DEBUG, () -> String.format(java.util.Locale.ROOT,
                        "slow frame: %.0f ms since the previous one (%s)", gap, live.progressTextProperty().get()));
            }
        }
        lastFrame = now;
        if (now - lastDrain >= DRAIN_PERIOD_NANOS) {
            lastDrain = now;
            live.drain();
        }
    }
}
