package org.edgeofchaos.explorer.sweep;

import java.util.Locale;

/** Where one run of a sweep cell (one seed) stands, as read from its file and its lock. */
public enum CellState {
    /** Finished all its epochs. */
    COMPLETE,
    /** Ended early with a non-finite loss: done, and marked on the map. */
    DIVERGED,
    /** Another process (or this one) holds its lock now. */
    RUNNING,
    /** Has finished epochs but not all (stopped, killed): the next run resumes or reruns it. */
    INTERRUPTED,
    /** No file yet. */
    MISSING,
    /** The file cannot be read or belongs to other settings; the next run keeps it aside and reruns. */
    FAILED;

    /** Complete or diverged: nothing left to compute. */
    public boolean isDone() {
        return this == COMPLETE || this == DIVERGED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
