package org.edgeofchaos.explorer.ui.controls;

import org.edgeofchaos.explorer.training.Hyperparameters;

/** Ready-made settings for common experiments: the core's defaults with a few values changed. */
public enum Preset {
    PAPER_DEFAULTS("Paper defaults",
            "eta 0.02, alpha 0.5, B 32, lambda 0, J 0.5, J0 0; 28x28, all 60,000 images: J reaches 1 after ~55 epochs",
            Hyperparameters.DEFAULTS.withEpochs(60), 60000, 28),
    CLASSROOM_DEMO("Fast classroom demo",
            "14x14 inputs, 6,000 images, eta 0.1, alpha 0.5, B 16: a few seconds per epoch, and J crosses 1 "
                    + "(lambda_max reaches 0) around epoch 7 (measured: J 0.65, 0.84, 0.98, 1.10 after epochs 1, 4, 7, 10)",
            Hyperparameters.DEFAULTS.withLearningRate(0.1).withBatchSize(16).withEpochs(12), 6000, 14),
    STRONG_WEIGHT_DECAY("Strong weight decay",
            "Paper defaults with lambda = 1e-3: weight decay holds J well below 1, the model stays ordered",
            Hyperparameters.DEFAULTS.withWeightDecay(1e-3).withEpochs(30), 60000, 28),
    CHAOTIC("Chaotic start",
            "Initial J = 2: the hidden map starts in the chaotic phase (lambda_max > 0)",
            Hyperparameters.DEFAULTS.withInit(2.0, 0.0).withEpochs(20), 60000, 28);

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
