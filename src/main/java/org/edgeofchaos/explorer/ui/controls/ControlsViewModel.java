package org.edgeofchaos.explorer.ui.controls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * State of the hyperparameter panel: one {@link NumericSetting} per value, the input resolution, the derived
 * quantities (eta/((1-alpha)B) and the predicted epochs to the edge) and the settings that a running run may take.
 */
public final class ControlsViewModel {
    public static final List<Integer> RESOLUTIONS = List.of(28, 14);

    /** The defaults live in the core, once. */
    private static final Hyperparameters D = Hyperparameters.DEFAULTS;

    private final NumericSetting learningRate = new NumericSetting("learningRate", "Learning rate η",
            "Step size of SGD. Log scale 1e-4 to 1. Changes during a run apply from the next mini-batch.",
            SliderScale.LOG, 1e-4, 1, D.learningRate());
    private final NumericSetting momentum = new NumericSetting("momentum", "Momentum α",
            "Momentum of SGD, 0 to 0.99. Changes during a run apply from the next mini-batch.",
            SliderScale.LINEAR, 0, 0.99, D.momentum());
    private final NumericSetting batchSize = new NumericSetting("batchSize", "Batch size B",
            "Images per mini-batch: powers of two only, 4 to 512. Changes during a run apply from the next epoch.",
            SliderScale.POWER_OF_TWO, 4, 512, D.batchSize());
    private final NumericSetting weightDecay = new NumericSetting("weightDecay", "Weight decay λ",
            "L2 penalty λ·Σw² (Keras convention). 0, or log scale 1e-6 to 1e-2 (leftmost notch = 0). "
                    + "Changes during a run apply from the next mini-batch.",
            SliderScale.LOG_WITH_ZERO, 1e-6, 1e-2, D.weightDecay());
    private final NumericSetting epochs = new NumericSetting("epochs", "Epochs",
            "Passes over the training set, 1 to 500.", SliderScale.LOG_INTEGER, 1, 500, D.epochs());
    private final NumericSetting seed = new NumericSetting("seed", "Seed",
            "Seed of the initial weights and the shuffling; the same seed and data give the same run.",
            SliderScale.INTEGER, 0, Long.MAX_VALUE, D.seed());
    private final NumericSetting trainSize = new NumericSetting("trainSize", "Training images S",
            "Training images used, 100 to 60,000 (a seeded random subset when fewer than 60,000).",
            SliderScale.LOG_INTEGER, 100, 60000, DatasetOptions.DEFAULT_TRAIN_SIZE);
    private final NumericSetting initJ = new NumericSetting("initJ", "Initial J",
            "Spread of the hidden weights at the start: W ~ N(J0/N, J²/N). J < 1 ordered, J > 1 chaotic.",
            SliderScale.LINEAR, 0.05, 4, D.initJ());
    private final NumericSetting initJ0 = new NumericSetting("initJ0", "Initial J0",
            "Mean of the hidden weights at the start, times N. The paper starts at 0.",
            SliderScale.LINEAR, -2, 4, D.initJ0());
    private final Map<String, NumericSetting> byId = new LinkedHashMap<>();
    private NumericSetting crossFieldRefusal;

    private final SimpleIntegerProperty resolution = new SimpleIntegerProperty(28);
    private final SimpleBooleanProperty running = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty adjusting = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<Hyperparameters> hyperparameters = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Hyperparameters> committedHyperparameters = new SimpleObjectProperty<>();
    private final SimpleStringProperty scaledRateText = new SimpleStringProperty();
    private final SimpleStringProperty edgeText = new SimpleStringProperty();
    private final SimpleStringProperty weightDecayHint = new SimpleStringProperty();

    public ControlsViewModel() {
        for (NumericSetting s : List.of(learningRate, momentum, batchSize, weightDecay, epochs, seed, trainSize,
                initJ, initJ0)) {
            byId.put(s.id(), s);
            s.valueProperty().addListener((obs, o, n) -> update());
        }
        // a sweep run's 63-bit seed may differ from the last one in digits a double does not hold
        seed.longValueProperty().addListener((obs, o, n) -> update());
        resolution.addListener((obs, o, n) -> update());
        adjusting.addListener((obs, o, n) -> {
            if (!n) {
                committedHyperparameters.set(hyperparameters.get());
            }
        });
        running.addListener((obs, o, n) -> {
            for (NumericSetting s : List.of(epochs, seed, trainSize, initJ, initJ0)) {
                s.setEditable(!n);
            }
        });
        update();
    }

    private void update() {
        Hyperparameters hp = new Hyperparameters(learningRate.get(), momentum.get(), batchSize.getInt(),
                weightDecay.get(), epochs.getInt(), seed.getLong(), initJ.get(), initJ0.get());
        hyperparameters.set(hp);
        // A refusal that involved another field (batch size > training images) goes once the values fit.
        if (crossFieldRefusal != null) {
            try {
                hp.validate(trainSize.getInt());
                crossFieldRefusal.clearError();
                crossFieldRefusal = null;
            } catch (InvalidSettingException stillInvalid) {
                // the reason stays beside the field
            }
        }
        if (!adjusting.get()) {
            committedHyperparameters.set(hp);
        }
        int s = trainSize.getInt();
        scaledRateText.set("η / ((1 − α) B) = " + Formats.number(hp.scaledRate()));
        int r = resolution.get();
        edgeText.set(EdgePrediction.describe(hp, s, r));
        weightDecayHint.set("λ above k/(4S) ≈ " + Formats.number(EdgePrediction.criticalWeightDecay(hp, s, r))
                + " keeps the network ordered (k ≈ " + Formats.fixed(EdgePrediction.k(hp, s, r), 1)
                + " measured at " + r + "×" + r + " for S = " + s + ")");
    }

    public NumericSetting learningRate() {
        return learningRate;
    }

    public NumericSetting momentum() {
        return momentum;
    }

    public NumericSetting batchSize() {
        return batchSize;
    }

    public NumericSetting weightDecay() {
        return weightDecay;
    }

    public NumericSetting epochs() {
        return epochs;
    }

    public NumericSetting seed() {
        return seed;
    }

    public NumericSetting trainSize() {
        return trainSize;
    }

    public NumericSetting initJ() {
        return initJ;
    }

    public NumericSetting initJ0() {
        return initJ0;
    }

    /** The settings shown as slider rows, in panel order: first the ones a run may change. */
    public List<NumericSetting> trainingSettings() {
        return List.of(learningRate, momentum, batchSize, weightDecay);
    }

    public List<NumericSetting> setupSettings() {
        return List.of(epochs, trainSize, initJ, initJ0, seed);
    }

    public Optional<NumericSetting> setting(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public ReadOnlyIntegerProperty resolutionProperty() {
        return resolution;
    }

    public void setResolution(int value) {
        resolution.set(RESOLUTIONS.contains(value) ? value : 28);
    }

    /** Set while a run is going: epochs, seed, data and initial J, J0 are then locked. */
    public void setRunning(boolean value) {
        running.set(value);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** True while the user drags a slider: {@link #committedHyperparametersProperty()} waits for the release. */
    public void setAdjusting(boolean value) {
        adjusting.set(value);
    }

    /** The hyperparameters as shown, updated continuously (also while a slider is being dragged). */
    public ReadOnlyObjectProperty<Hyperparameters> hyperparametersProperty() {
        return hyperparameters;
    }

    /**
     * The hyperparameters the user settled on: like {@link #hyperparametersProperty()} but not while a slider is
     * dragged, so that a running run gets one change per gesture rather than one per mouse move.
     */
    public ReadOnlyObjectProperty<Hyperparameters> committedHyperparametersProperty() {
        return committedHyperparameters;
    }

    public ReadOnlyStringProperty scaledRateTextProperty() {
        return scaledRateText;
    }

    public ReadOnlyStringProperty edgeTextProperty() {
        return edgeText;
    }

    public ReadOnlyStringProperty weightDecayHintProperty() {
        return weightDecayHint;
    }

    public RunRequest request() {
        return new RunRequest(hyperparameters.get(), trainSize.getInt(), resolution.get());
    }

    /**
     * The request for a new run, or empty when a cross-field check fails; the reason is then shown at the field.
     */
    public Optional<RunRequest> validatedRequest() {
        RunRequest r = request();
        try {
            r.hyperparameters().validate(r.trainSize());
        } catch (InvalidSettingException e) {
            crossFieldRefusal = byId.getOrDefault(e.setting(), learningRate);
            crossFieldRefusal.reject(e.reason());
            return Optional.empty();
        }
        return Optional.of(r);
    }

    /** The first field's refusal, "Learning rate η: must be ...", for the status bar; "invalid settings" if none. */
    public String firstError() {
        return java.util.stream.Stream.concat(trainingSettings().stream(), setupSettings().stream())
                .filter(s -> !s.errorProperty().get().isEmpty())
                .map(s -> s.label() + ": " + s.errorProperty().get()).findFirst().orElse("invalid settings");
    }

    /** Loads every value (presets, remembered settings, a history run); invalid values are clamped. */
    public void apply(RunRequest r) {
        Hyperparameters hp = r.hyperparameters();
        adjusting.set(true);
        try {
            learningRate.set(hp.learningRate());
            momentum.set(hp.momentum());
            batchSize.set(hp.batchSize());
            weightDecay.set(hp.weightDecay());
            epochs.set(hp.epochs());
            seed.setExact(hp.seed());
            trainSize.set(r.trainSize());
            initJ.set(hp.initJ());
            initJ0.set(hp.initJ0());
            setResolution(r.resolution());
        } finally {
            adjusting.set(false);
        }
    }

    public void apply(Preset preset) {
        apply(preset.request());
    }
}
