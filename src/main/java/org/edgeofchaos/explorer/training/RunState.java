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
    STOPPED,
    /**
     * The process that trained it ended without saying how (killed, crashed, power cut): a saved run left
     * RUNNING or PAUSED whose writer no longer holds its lock. It can be continued from its last checkpoint.
     */
    INTERRUPTED;

    public boolean isTerminal() {
        return this == DIVERGED || this == FINISHED || this == STOPPED || this == INTERRUPTED;
    }

    /** Whether a saved run in this state can be continued (or, when finished, extended) from its checkpoint. */
    public boolean canContinue() {
        return this == STOPPED || this == INTERRUPTED || this == FINISHED;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
