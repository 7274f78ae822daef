package org.edgeofchaos.explorer.ui.charts;

/** What the charts' x axis measures. */
public enum XAxisMode {
    EPOCHS("Epochs", "epoch"),
    /** epoch x eta/((1-alpha)B), integrated over hyperparameter changes: curves of different settings collapse. */
    SCALED_TIME("Scaled time", "scaled time  epoch·η/((1−α)B)");

    private final String title;
    private final String axisLabel;

    XAxisMode(String title, String axisLabel) {
        this.title = title;
        this.axisLabel = axisLabel;
    }

    public String title() {
        return title;
    }

    public String axisLabel() {
        return axisLabel;
    }
}
