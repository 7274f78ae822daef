package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** A run continued from a checkpoint gives the numbers of a run that never stopped. */
class TrainerResumeTest {
    private static final DynamicsProbe ORDER_ONLY = w -> {
        double n = w.columns();
        return new DynamicsProbe.Measurement(w.stdNumber().doubleValue() * Math.sqrt(n),
                w.meanNumber().doubleValue() * n, Double.NaN, Double.NaN);
    };

    private final TrainingData data = SyntheticData.teacher(700, 200, 16, 11, DataType.FLOAT);
    private final Hyperparameters hp = new Hyperparameters(0.05, 0.9, 32, 1e-4, 6, 7L, 0.8, 0.1);

    /** Collects epochs and checkpoints; asks for batch size 50 during epoch 2 and stops after {@code stopAfter}. */
    private final class Recording implements TrainingListener {
        final TrainingControl control = new TrainingControl();
        final List<EpochMetrics> epochs = new ArrayList<>();
        final List<TrainingCheckpoint> checkpoints = new ArrayList<>();
        final int stopAfter;

        Recording(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public void onProgress(BatchProgress p) {
            if (p.epoch() == 2 && p.batch() == 5) {
                control.requestHyperparameters(hp.withBatchSize(50).withLearningRate(0.04));
            }
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            epochs.add(metrics);
            if (metrics.epoch() == stopAfter) {
                control.stop();
            }
        }

        @Override
        public boolean wantsCheckpoints() {
            return true;
        }

        @Override
        public void onCheckpoint(TrainingCheckpoint checkpoint) {
            checkpoints.add(checkpoint);
        }
    }

    @Test
    void resumingFromTheCheckpointOfAStoppedRunGivesTheUninterruptedNumbers() {
        Recording whole = new Recording(-1);
        try (Trainer t = new Trainer(data, hp, ORDER_ONLY, whole.control, whole, 1)) {
            assertEquals(RunState.FINISHED, t.run().state());
        }
        Recording first = new Recording(2);
        try (Trainer t = new Trainer(data, hp, ORDER_ONLY, first.control, first, 1)) {
            assertEquals(RunState.STOPPED, t.run().state());
        }
        TrainingCheckpoint checkpoint = first.checkpoints.get(first.checkpoints.size() - 1);
        assertEquals(2, checkpoint.epoch());
        assertEquals(50, checkpoint.pendingBatchSize(), "the batch size asked for in epoch 2 applies from epoch 3");

        Recording rest = new Recording(-1);
        RunOutcome outcome;
        try (Trainer t = Trainer.resume(data, checkpoint, 6, ORDER_ONLY, rest.control, rest, 1)) {
            outcome = t.run();
        }
        assertEquals(RunState.FINISHED, outcome.state());
        assertEquals(4, rest.epochs.size());
        for (int i = 0; i < 4; i++) {
            EpochMetrics expected = whole.epochs.get(i + 2);
            EpochMetrics actual = rest.epochs.get(i);
            assertEquals(expected.epoch(), actual.epoch());
            assertEquals(expected.trainLoss(), actual.trainLoss(), 1e-6);
            assertEquals(expected.testLoss(), actual.testLoss(), 1e-6);
            assertEquals(expected.testAccuracy(), actual.testAccuracy(), 1e-6);
            assertEquals(expected.j(), actual.j(), 1e-6);
            assertEquals(expected.j0(), actual.j0(), 1e-6);
        }
        assertEquals(50, outcome.changes().get(0).newValue(), 0.0);
    }

    @Test
    void aFinishedRunCanBeExtendedByRaisingItsEpochs() {
        Recording whole = new Recording(-1);
        try (Trainer t = new Trainer(data, hp.withEpochs(4), ORDER_ONLY, whole.control, whole, 1)) {
            t.run();
        }
        Recording shorter = new Recording(-1);
        try (Trainer t = new Trainer(data, hp.withEpochs(3), ORDER_ONLY, shorter.control, shorter, 1)) {
            t.run();
        }
        Recording more = new Recording(-1);
        try (Trainer t = Trainer.resume(data, shorter.checkpoints.get(2), 4, ORDER_ONLY, more.control, more, 1)) {
            t.run();
        }
        assertEquals(1, more.epochs.size());
        assertEquals(whole.epochs.get(3).testAccuracy(), more.epochs.get(0).testAccuracy(), 1e-6);
        assertEquals(whole.epochs.get(3).j(), more.epochs.get(0).j(), 1e-6);
    }

    @Test
    void aCheckpointOfAnotherNetworkSizeIsRefused() {
        Recording r = new Recording(1);
        try (Trainer t = new Trainer(data, hp, ORDER_ONLY, r.control, r, 1)) {
            t.run();
        }
        TrainingData wider = SyntheticData.teacher(100, 50, 25, 1, DataType.FLOAT);
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> Trainer.resume(wider,
                r.checkpoints.get(0), 6, ORDER_ONLY, new TrainingControl(), new TrainingListener() { }, 1));
        assertTrue(e.getMessage().contains("N = 16"), e.getMessage());
    }
}
