package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * What the laws need of one run: its settings, its data size and resolution, and its finished epochs (diverged
 * epochs left out). Epoch 0 is the initialisation, where J is the initial J the weights were drawn with.
 *
 * @param name               how the run is named in tables and legends
 * @param changedDuringRun   true if a hyperparameter was changed mid-run: its growth rate is not one number, and the
 *                           fits refuse it
 */
public record LawRun(String name, Hyperparameters hyperparameters, int trainSize, int resolution,
        List<EpochMetrics> epochs, boolean changedDuringRun) {

    public LawRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        List<EpochMetrics> finished = new ArrayList<>();
        for (EpochMetrics e : epochs) {
            if (!e.diverged() && Double.isFinite(e.j())) {
                finished.add(e);
            }
        }
        epochs = List.copyOf(finished);
    }

    public static LawRun of(RunRecord run) {
        return new LawRun(run.id(), run.hyperparameters(), run.dataset().trainSize(), run.dataset().resolution(),
                run.epochs(), !run.changes().isEmpty());
    }

    /** eta / ((1 - alpha) B), the one number that sets how fast J^2 grows per epoch. */
    public double scaledRate() {
        return hyperparameters.scaledRate();
    }

    /** J after the given epoch (0: the initial J); NaN if that epoch is not in the run. */
    public double j(int epoch) {
        if (epoch == 0) {
            return hyperparameters.initJ();
        }
        for (EpochMetrics e : epochs) {
            if (e.epoch() == epoch) {
                return e.j();
            }
        }
        return Double.NaN;
    }

    public int lastEpoch() {
        return epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
    }

    /**
     * The (fractional) epoch where J first reaches 1, interpolating J^2 linearly between the two epochs around the
     * crossing; empty if it never does. 0 if the run starts at J >= 1.
     */
    public OptionalDouble edgeEpoch() {
        double previousEpoch = 0;
        double previous = hyperparameters.initJ() * hyperparameters.initJ();
        if (previous >= 1) {
            return OptionalDouble.of(0);
        }
        for (EpochMetrics e : epochs) {
            double j2 = e.j() * e.j();
            if (j2 >= 1) {
                double fraction = (1 - previous) / (j2 - previous);
                return OptionalDouble.of(previousEpoch + fraction * (e.epoch() - previousEpoch));
            }
            previousEpoch = e.epoch();
            previous = j2;
        }
        return OptionalDouble.empty();
    }

    /** The first whole epoch after which J >= 1, or empty. */
    public java.util.OptionalInt firstEdgeEpoch() {
        for (EpochMetrics e : epochs) {
            if (e.j() >= 1) {
                return java.util.OptionalInt.of(e.epoch());
            }
        }
        return java.util.OptionalInt.empty();
    }
}
