package org.edgeofchaos.explorer.ui.controls;

import org.edgeofchaos.explorer.training.Hyperparameters;

/** Ready-made settings for common experiments. */
public enum Preset {
    PAPER_DEFAULTS("Paper defaults",
            "eta 0.02, alpha 0.5, B 32, lambda 0, J 0.5, J0 0; 28x28, all 60,000 images: J reaches 1 after ~55 epochs",
            new Hyperparameters(0.02, 0.5, 32, 0.0, 60, 1L, 0.5, 0.0), 60000, 28),
    CLASSROOM_DEMO("Fast classroom demo",
            "14x14 inputs, 6,000 images, eta 0.02, alpha 0.5, B 16: short epochs for live demos; "
                    + "raise eta or momentum during the run to push J towards 1",
            new Hyperparameters(0.02, 0.5, 16, 0.0, 15, 1L, 0.5, 0.0), 6000, 14),
    STRONG_WEIGHT_DECAY("Strong weight decay",
            "Paper defaults with lambda = 1e-3: weight decay holds J well below 1, the model stays ordered",
            new Hyperparameters(0.02, 0.5, 32, 1e-3, 30, 1L, 0.5, 0.0), 60000, 28),
    CHAOTIC("Chaotic start",
            "Initial J = 2: the hidden map starts in the chaotic phase (lambda_max > 0)",
            new Hyperparameters(0.02, 0.5, 32, 0.0, 20, 1L, 2.0, 0.0), 60000, 28);

    private final String title;
    private final String description;
    private final Hyperparameters hyperparameters;
    private final int trainSize;
    private final int resolution;

    Preset(String title, String description, Hyperparameters hyperparameters, int trainSize, int resolution) {
        this.title = title;
        this.description = description;
        this.hyperparameters = hyperparameters;
        this.trainSize = trainSize;
        this.resolution = resolution;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public RunRequest request() {
        return new RunRequest(hyperparameters, trainSize, resolution);
    }
}
