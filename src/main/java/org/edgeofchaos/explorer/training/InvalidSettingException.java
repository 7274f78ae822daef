package org.edgeofchaos.explorer.training;

/**
 * A setting outside its allowed range. The message names the option (as the command line spells it) and the
 * range, so the command line and the window can show it to the user as it is.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String option;

    public InvalidSettingException(String option, String message) {
        super(option + ": " + message);
        this.option = option;
    }

    /** The option's command-line name, e.g. {@code --lr}; the window maps it to its field. */
    public String option() {
        return option;
    }
}
