package org.edgeofchaos.explorer.training;

import java.util.List;

/**
 * How a run ended and everything it measured.
 *
 * @param divergedEpoch 1-based epoch where the loss became non-finite, or 0
 * @param divergedBatch mini-batch (1-based) in that epoch, or 0
 */
public record RunOutcome(
        RunState state,
        List<EpochMetrics> epochs,
        List<HyperparameterChange> changes,
        int divergedEpoch,
        int divergedBatch) {

    public RunOutcome {
        epochs = List.copyOf(epochs);
        changes = List.copyOf(changes);
    }

    public EpochMetrics lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
