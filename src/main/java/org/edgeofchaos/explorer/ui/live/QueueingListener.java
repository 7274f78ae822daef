package org.edgeofchaos.explorer.ui.live;

import java.util.Queue;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * Runs on the training thread: forwards every record to a recorder and puts the immutable record into a
 * concurrent queue, nothing else. The FX thread drains the queue in batches.
 */
final class QueueingListener implements TrainingListener {
    private final Queue<Object> queue;
    private final TrainingListener recorder;

    QueueingListener(Queue<Object> queue, TrainingListener recorder) {
        this.queue = queue;
        this.recorder = recorder;
    }

    @Override
    public void onStateChanged(RunState state) {
        recorder.onStateChanged(state);
        queue.add(state);
    }

    @Override
    public void onProgress(BatchProgress progress) {
        recorder.onProgress(progress);
        queue.add(progress);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        recorder.onEpoch(metrics);
        queue.add(metrics);
    }

    @Override
    public void onHyperparameterChange(HyperparameterChange change) {
        recorder.onHyperparameterChange(change);
        queue.add(change);
    }

    @Override
    public void onFinished(RunOutcome outcome) {
        recorder.onFinished(outcome);
        queue.add(outcome);
    }
}
