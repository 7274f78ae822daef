package org.edgeofchaos.explorer.training;

/**
 * Receives a run's records on the training thread. Implementations must return quickly (queue the record and
 * let another thread consume it): the next mini-batch waits for them.
 */
public interface TrainingListener {

    default void onStateChanged(RunState state) {
    }

    default void onProgress(BatchProgress progress) {
    }

    default void onEpoch(EpochMetrics metrics) {
    }

    default void onHyperparameterChange(HyperparameterChange change) {
    }

    default void onFinished(RunOutcome outcome) {
    }
}
