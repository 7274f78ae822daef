package org.edgeofchaos.explorer.ui.laws;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.laws.Guideline;
import org.edgeofchaos.explorer.laws.KEstimate;
import org.edgeofchaos.explorer.laws.KModel;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.Proposal;
import org.edgeofchaos.explorer.laws.ShippedScaling;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * The guideline panel: an epoch budget E and an optional fixed momentum typed by the user, the resolution and
 * training-set size of the controls panel, and the proposals of {@link Guideline#propose} for them. Proposing is
 * a few arithmetic operations on shipped numbers, so it runs at once whenever an input changes; nothing here reads
 * files. {@link #apply(Proposal)} loads a proposal into the sliders.
 */
public final class GuidelineViewModel {
    /** The default budget: the paper's Fig 2 run reaches the edge after about 50 epochs; 10 suits a classroom. */
    static final int DEFAULT_EPOCHS = 10;

    private final ControlsViewModel controls;
    private final StringProperty epochsText = new SimpleStringProperty(String.valueOf(DEFAULT_EPOCHS));
    private final StringProperty momentumText = new SimpleStringProperty("");
    private final BooleanProperty useSavedRuns = new SimpleBooleanProperty(false);
    private List<LawRun> savedRuns = List.of();
    private final ReadOnlyStringWrapper dataText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper kText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper("");
    private final ObservableList<Proposal> proposals = FXCollections.observableArrayList();
    private int budget = DEFAULT_EPOCHS;

    public GuidelineViewModel(ControlsViewModel controls) {
        this.controls = controls;
        epochsText.addListener((o, a, b) -> propose());
        momentumText.addListener((o, a, b) -> propose());
        useSavedRuns.addListener((o, a, b) -> propose());
        controls.resolutionProperty().addListener((o, a, b) -> propose());
        controls.trainSize().valueProperty().addListener((o, a, b) -> propose());
        controls.initJ().valueProperty().addListener((o, a, b) -> propose());
        propose();
    }

    /** The epoch budget E as typed: epochs until J should reach 1. */
    public StringProperty epochsTextProperty() {
        return epochsText;
    }

    /** A fixed momentum as typed; blank lets the guideline propose several. */
    public StringProperty momentumTextProperty() {
        return momentumText;
    }

    /** Whether k is refitted from the saved runs at this resolution instead of the shipped measurements. */
    public BooleanProperty useSavedRunsProperty() {
        return useSavedRuns;
    }

    /** The saved runs (already read by the run history) k may be refitted from. */
    public void setSavedRuns(List<LawRun> runs) {
        savedRuns = List.copyOf(runs);
        if (useSavedRuns.get()) {
            propose();
        }
    }

    /** "14×14, 6,000 training images, initial J 0.5 (from the controls panel)". */
    public ReadOnlyStringProperty dataTextProperty() {
        return dataText.getReadOnlyProperty();
    }

    /** k with its uncertainty, the window it was measured over and its source. */
    public ReadOnlyStringProperty kTextProperty() {
        return kText.getReadOnlyProperty();
    }

    /** Why there are no proposals, naming the field and value; empty when there are. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last Apply did, and when to switch on lambda*. */
    public ReadOnlyStringProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ObservableList<Proposal> proposals() {
        return proposals;
    }

    /** Recomputes the proposals from the fields and the controls panel. */
    public void propose() {
        int resolution = controls.resolutionProperty().get();
        int trainSize = controls.trainSize().getInt();
        double initJ = controls.initJ().get();
        dataText.set(String.format(Locale.ROOT, "%d×%d, %,d training images, initial J %s (from the controls panel)",
                resolution, resolution, trainSize, Formats.number(initJ)));
        proposals.clear();
        kText.set("");
        int epochs;
        try {
            epochs = Integer.parseInt(epochsText.get().trim());
        } catch (NumberFormatException e) {
            error.set("Epoch budget E: not a whole number: \"" + epochsText.get() + "\"");
            return;
        }
        if (epochs < 1 || epochs > 500) {
            error.set("Epoch budget E: must be 1 to 500, got " + epochs);
            return;
        }
        double momentum = Double.NaN;
        String typed = momentumText.get().trim();
        if (!typed.isEmpty()) {
            try {
                momentum = Formats.parse(typed);
            } catch (NumberFormatException e) {
                error.set("Momentum α: not a number: \"" + typed + "\" (leave it blank to try several)");
                return;
            }
            if (!(momentum >= 0 && momentum < 1)) {
                error.set("Momentum α: must be in [0, 1), got " + typed);
                return;
            }
        }
        try {
            KEstimate k = model(resolution).at(epochs, trainSize);
            List<Proposal> found = Guideline.propose(epochs, k, initJ, momentum);
            kText.set(String.format(Locale.ROOT, "k = %s ± %s (%s; %s); λ* = k/(4S) = %s ± %s",
                    Formats.number(k.k()), Double.isNaN(k.kError()) ? "?" : Formats.number(k.kError()), k.window(),
                    k.source(), Formats.number(k.criticalWeightDecay()),
                    Double.isNaN(k.kError()) ? "?" : Formats.number(k.criticalWeightDecayError())));
            budget = epochs;
            error.set("");
            proposals.setAll(found);
        } catch (IllegalArgumentException e) {
            error.set("Guideline: " + e.getMessage());
        }
    }

    /** The shipped k, or k refitted from the saved runs at this resolution when asked and possible. */
    private KModel model(int resolution) {
        if (useSavedRuns.get()) {
            List<LawRun> same = savedRuns.stream().filter(r -> r.resolution() == resolution
                    && !r.changedDuringRun() && r.hyperparameters().weightDecay() == 0).toList();
            try {
                return KModel.fromRuns(same, "refitted from " + same.size() + " saved runs at " + resolution + "×"
                        + resolution);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("k from saved runs: none of the " + same.size() + " saved runs "
                        + "at " + resolution + "×" + resolution + " without weight decay reaches J = 1 from below; "
                        + "untick it to use the shipped k");
            }
        }
        return ShippedScaling.model(resolution);
    }

    /**
     * Loads a proposal into the sliders: learning rate, momentum and batch size; weight decay 0 (lambda* is switched
     * on at the epoch after the edge, by hand during the run) and at least 2E epochs, E to reach the edge and E held
     * there (unless a run is going: its length is fixed).
     * Data, seed and initial J stay as they are.
     */
    public void apply(Proposal p) {
        RunRequest current = controls.request();
        Hyperparameters hp = current.hyperparameters();
        // a running run keeps its length (epochs are locked while it goes); its rates change from the next batch
        int epochs = controls.runningProperty().get() ? hp.epochs() : Math.max(hp.epochs(), 2 * budget);
        controls.apply(new RunRequest(new Hyperparameters(p.lr(), p.momentum(), p.batch(), 0.0, epochs, hp.seed(),
                hp.initJ(), hp.initJ0()), current.trainSize(), current.resolution()));
        applied.set(String.format(Locale.ROOT, "Applied η = %s, α = %s, B = %d with weight decay 0 for %d epochs: "
                + "J should reach 1 near epoch %.1f; then set weight decay λ to λ* = %s at epoch %d (the slider "
                + "can be changed while the run goes) to hold J near 1.", Formats.number(p.lr()),
                Formats.number(p.momentum()), p.batch(), controls.epochs().getInt(), p.predictedEdgeEpoch(),
                Formats.number(p.weightDecay()), p.weightDecayFromEpoch()));
    }

    /** One line for the table: the settings and the predicted edge. */
    public static String summary(Proposal p) {
        return String.format(Locale.ROOT, "η = %s   α = %s   B = %d   →  edge at epoch %.1f,  λ* = %s from epoch %d",
                Formats.number(p.lr()), Formats.number(p.momentum()), p.batch(), p.predictedEdgeEpoch(),
                Formats.number(p.weightDecay()), p.weightDecayFromEpoch());
    }
}
