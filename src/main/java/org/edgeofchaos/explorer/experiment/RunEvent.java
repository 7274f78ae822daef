package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;

/**
 * Everything that happens to a {@link RunSession}, in the order it happened. All records are immutable and may
 * cross threads.
 *
 * <p>Sealed, and handled through {@link Handler}, which has one method per kind and no defaults: Java 17 has no
 * pattern {@code switch} without preview flags, so this is its exhaustive switch. A new kind of event does not
 * compile until every observer decides what to do with it; nothing is dropped silently.
 */
public sealed interface RunEvent {

    /** Calls the handler's method for this kind of event. */
    void applyTo(Handler handler);

    /** One method per kind of event, deliberately without defaults. */
    interface Handler {
        void started(String runId, Hyperparameters hyperparameters, DatasetInfo dataset);

        void stateChanged(RunState state);

        void progress(BatchProgress sample);

        void epochFinished(EpochMetrics metrics);

        void changed(HyperparameterChange change);

        void finished(RunOutcome outcome);

        void saved(Path file);

        void saveFailed(Path file, String reason);
    }

    /** The session begins training: the first event of every run. */
    record Started(String runId, Hyperparameters hyperparameters, DatasetInfo dataset) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.started(runId, hyperparameters, dataset);
        }
    }

    /** The run's state changed (running, paused, and finally its terminal state). */
    record StateChanged(RunState state) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.stateChanged(state);
        }
    }

    /** A running mean of the training loss and accuracy over the last few mini-batches. */
    record Progress(BatchProgress sample) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.progress(sample);
        }
    }

    /** An epoch finished and was measured (or diverged). */
    record EpochFinished(EpochMetrics metrics) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.epochFinished(metrics);
        }
    }

    /** A hyperparameter changed during the run. */
    record Changed(HyperparameterChange change) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.changed(change);
        }
    }

    /** The run ended: finished, stopped or diverged. Always the last training event. */
    record Finished(RunOutcome outcome) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.finished(outcome);
        }
    }

    /** The run's record was written to {@code file}. */
    record Saved(Path file) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.saved(file);
        }
    }

    /** Writing the run's record to {@code file} failed; {@code reason} is one line for the user. Training goes on. */
    record SaveFailed(Path file, String reason) implements RunEvent {
        @Override
        public void applyTo(Handler handler) {
            handler.saveFailed(file, reason);
        }
    }
}
