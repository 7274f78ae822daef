package org.edgeofchaos.explorer.training;

/** The life cycle of a training run, as the status bar and the saved run show it. */
public enum RunState {
    IDLE,
    RUNNING,
    PAUSED,
    /** Loss became NaN or infinite; the run stopped at that epoch and batch. */
    DIVERGED,
    FINISHED,
    /** Stopped by the user; the finished epochs are kept. */
    STOPPED;

    public boolean isTerminal() {
        return this == DIVERGED || this == FINISHED || this == STOPPED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
