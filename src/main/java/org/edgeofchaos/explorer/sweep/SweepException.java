package org.edgeofchaos.explorer.sweep;

/**
 * A sweep folder or spec the user gave that cannot be used (other parameters, a corrupt {@code sweep.json},
 * conflicting duplicates in a merge): one line naming the file or option and the problem.
 */
public final class SweepException extends Exception {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
