package org.edgeofchaos.explorer.training;

/**
 * A setting outside its allowed range. It names the setting as the core calls it ({@link Hyperparameters.Field#key()},
 * e.g. {@code learningRate}) and says the range in words; the command line puts its flag in front of the reason,
 * the window shows the reason beside the field of that name.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String setting;
    private final String reason;

    public InvalidSettingException(String setting, String reason) {
        super(setting + ": " + reason);
        this.setting = setting;
        this.reason = reason;
    }

    /** The setting's name in the core, e.g. {@code learningRate} or {@code threads}. */
    public String setting() {
        return setting;
    }

    /** What is wrong, without the setting's name, e.g. "learning rate must be a finite number > 0, got 0.0". */
    public String reason() {
        return reason;
    }
}
