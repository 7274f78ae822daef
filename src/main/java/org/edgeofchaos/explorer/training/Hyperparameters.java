package org.edgeofchaos.explorer.training;

/**
 * Everything that defines a training run apart from the data: SGD with momentum and L2 weight decay in the
 * Keras convention of science.md (v = alpha v - eta (g + 2 lambda w); w = w + v), and the initial order
 * parameters of the hidden layer.
 */
public record Hyperparameters(
        double learningRate,
        double momentum,
        int batchSize,
        double weightDecay,
        int epochs,
        long seed,
        double initJ,
        double initJ0) {

    /** The paper's defaults: eta = 0.02, alpha = 0.5, B = 32, lambda = 0, J = 0.5, J0 = 0; 10 epochs, seed 1. */
    public static final Hyperparameters DEFAULTS = new Hyperparameters(0.02, 0.5, 32, 0.0, 10, 1L, 0.5, 0.0);

    /**
     * The settings by their names in the core (the record's component names). Error messages, saved changes and the
     * window's fields use these names; the command line maps them to its flags.
     */
    public enum Field {
        LEARNING_RATE("learningRate"),
        MOMENTUM("momentum"),
        BATCH_SIZE("batchSize"),
        WEIGHT_DECAY("weightDecay"),
        EPOCHS("epochs"),
        SEED("seed"),
        INIT_J("initJ"),
        INIT_J0("initJ0");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The record component's name, e.g. {@code learningRate}. */
        public String key() {
            return key;
        }
    }

    /** The paper's defaults, {@link #DEFAULTS}. */
    public static Hyperparameters paperDefaults() {
        return DEFAULTS;
    }

    /**
     * Checks every value; the first violation is thrown naming the field and the allowed range.
     *
     * @param trainSize number of training images, the upper bound of the batch size
     */
    public Hyperparameters validate(int trainSize) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidSettingException(Field.LEARNING_RATE.key(),
                    "learning rate must be a finite number > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidSettingException(Field.MOMENTUM.key(), "momentum must be in [0, 1), got " + momentum);
        }
        if (batchSize < 1 || batchSize > trainSize) {
            throw new InvalidSettingException(Field.BATCH_SIZE.key(),
                    "batch size must be in 1.." + trainSize + " (the training-set size), got " + batchSize);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new InvalidSettingException(Field.WEIGHT_DECAY.key(),
                    "weight decay must be a finite number >= 0, got " + weightDecay);
        }
        if (epochs < 1) {
            throw new InvalidSettingException(Field.EPOCHS.key(), "epochs must be >= 1, got " + epochs);
        }
        if (!(initJ > 0) || !Double.isFinite(initJ)) {
            throw new InvalidSettingException(Field.INIT_J.key(), "initial J must be a finite number > 0, got " + initJ);
        }
        if (!Double.isFinite(initJ0)) {
            throw new InvalidSettingException(Field.INIT_J0.key(), "initial J0 must be a finite number, got " + initJ0);
        }
        return this;
    }

    /**
     * The combined quantity eta / ((1 - alpha) B) that sets the growth rate of J^2 per epoch (science.md
     * section 4); curves plotted against epoch times this value collapse.
     */
    public double scaledRate() {
        return learningRate / ((1 - momentum) * batchSize);
    }

    public Hyperparameters withLearningRate(double value) {
        return new Hyperparameters(value, momentum, batchSize, weightDecay, epochs, seed, initJ, initJ0);
    }

    public Hyperparameters withMomentum(double value) {
        return new Hyperparameters(learningRate, value, batchSize, weightDecay, epochs, seed, initJ, initJ0);
    }

    public Hyperparameters withBatchSize(int value) {
        return new Hyperparameters(learningRate, momentum, value, weightDecay, epochs, seed, initJ, initJ0);
    }

    public Hyperparameters withWeightDecay(double value) {
        return new Hyperparameters(learningRate, momentum, batchSize, value, epochs, seed, initJ, initJ0);
    }

    public Hyperparameters withEpochs(int value) {
        return new Hyperparameters(learningRate, momentum, batchSize, weightDecay, value, seed, initJ, initJ0);
    }

    public Hyperparameters withSeed(long value) {
        return new Hyperparameters(learningRate, momentum, batchSize, weightDecay, epochs, value, initJ, initJ0);
    }

    public Hyperparameters withInit(double j, double j0) {
        return new Hyperparameters(learningRate, momentum, batchSize, weightDecay, epochs, seed, j, j0);
    }
}
