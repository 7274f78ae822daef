package org.edgeofchaos.explorer.experiment;

import java.util.List;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;

/**
 * A whole training run as saved on disk (JSON via Jackson): what was asked, on which data, what was measured, and
 * how it ended. Immutable; a run in progress is saved as a sequence of these snapshots.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} of the writer
 * @param id            unique, also the file name without {@code .json}
 * @param createdAt     ISO-8601 instant the run started
 * @param hyperparameters the settings at the start; later changes are in {@code changes}
 * @param progress      the live training-loss samples (every few mini-batches)
 * @param divergedEpoch 1-based epoch where the loss became non-finite, or 0
 */
public record RunRecord(
        int schemaVersion,
        String id,
        String createdAt,
        RunState state,
        Hyperparameters hyperparameters,
        DatasetInfo dataset,
        List<EpochMetrics> epochs,
        List<BatchProgress> progress,
        List<HyperparameterChange> changes,
        int divergedEpoch,
        int divergedBatch) {

    public static final int SCHEMA_VERSION = 1;

    public RunRecord {
        epochs = epochs == null ? List.of() : List.copyOf(epochs);
        progress = progress == null ? List.of() : List.copyOf(progress);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Best test accuracy over the finished epochs, NaN if none. */
    public double bestTestAccuracy() {
        return epochs.stream().filter(e -> !e.diverged()).mapToDouble(EpochMetrics::testAccuracy)
                .filter(Double::isFinite).max().orElse(Double.NaN);
    }

    public RunRecord withState(RunState newState, int epoch, int batch) {
        return new RunRecord(schemaVersion, id, createdAt, newState, hyperparameters, dataset, epochs, progress,
                changes, epoch, batch);
    }
}
