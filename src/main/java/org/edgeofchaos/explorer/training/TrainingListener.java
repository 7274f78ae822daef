package org.edgeofchaos.explorer.training;

/**
 * Receives a run's records on the training thread. Implementations must return quickly (queue the record and
 * let another thread consume it): the next mini-batch waits for them.
 */
public interface TrainingListener {

    /** Forwards every record to each listener in turn. */
    static TrainingListener of(TrainingListener... listeners) {
        java.util.List<TrainingListener> all = java.util.List.of(listeners);
        return new TrainingListener() {
            @Override
            public void onStateChanged(RunState state) {
                all.forEach(l -> l.onStateChanged(state));
            }

            @Override
            public void onProgress(BatchProgress progress) {
                all.forEach(l -> l.onProgress(progress));
            }

            @Override
            public void onEpoch(EpochMetrics metrics) {
                all.forEach(l -> l.onEpoch(metrics));
            }

            @Override
            public void onHyperparameterChange(HyperparameterChange change) {
                all.forEach(l -> l.onHyperparameterChange(change));
            }

            @Override
            public void onCheckpoint(TrainingCheckpoint checkpoint) {
                all.forEach(l -> l.onCheckpoint(checkpoint));
            }

            @Override
            public boolean wantsCheckpoints() {
                return all.stream().anyMatch(TrainingListener::wantsCheckpoints);
            }

            @Override
            public void onFinished(RunOutcome outcome) {
                all.forEach(l -> l.onFinished(outcome));
            }
        };
    }

    default void onStateChanged(RunState state) {
    }

    default void onProgress(BatchProgress progress) {
    }

    default void onEpoch(EpochMetrics metrics) {
    }

    default void onHyperparameterChange(HyperparameterChange change) {
    }

    /**
     * After every finished epoch (after {@link #onEpoch}), the state from which {@link Trainer#resume} continues
     * the run; not sent for a diverged epoch.
     */
    default void onCheckpoint(TrainingCheckpoint checkpoint) {
    }

    /**
     * Whether {@link #onCheckpoint} should be called: a checkpoint copies the network to the heap (10 MB at
     * N = 784), garbage every epoch for listeners that do not keep it.
     */
    default boolean wantsCheckpoints() {
        return false;
    }

    default void onFinished(RunOutcome outcome) {
    }
}
