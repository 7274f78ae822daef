package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The saturation fraction and the diverging warning, checked against what they mean. */
class SaturationTest {
    private final TrainingData data = SyntheticData.teacher(400, 300, 16, 5, DataType.FLOAT);

    @Test
    void hugeHiddenWeightsSaturateEveryUnitAndSmallOnesNone() {
        try (TanhNetwork huge = TanhNetwork.initialise(16, 2000, 0, DataType.FLOAT, new SplittableRandom(1));
                TanhNetwork small = TanhNetwork.initialise(16, 0.01, 0, DataType.FLOAT, new SplittableRandom(1))) {
            double saturated = huge.evaluate(data.testX(), data.testLabels()).saturation();
            assertTrue(saturated > 0.99, "J = 2000: " + saturated);
            assertEquals(0.0, small.evaluate(data.testX(), data.testLabels()).saturation(), 0.0);
        }
    }

    @Test
    void aHalfSaturatedLayerCountsHalf() {
        // Two units: one with weights that always saturate it, one always near zero.
        double[] w = new double[16 * 16];
        for (int j = 0; j < 16; j++) {
            w[j] = 1000; // unit 0: huge positive weights on non-negative inputs
        }
        TanhNetwork net = TanhNetwork.of(Nd4j.create(w, new long[] {16, 16}, 'c').castTo(DataType.FLOAT),
                Nd4j.zeros(DataType.FLOAT, 10, 16), Nd4j.zeros(DataType.FLOAT, 1, 10));
        double s = net.evaluate(data.testX(), data.testLabels()).saturation();
        assertEquals(1.0 / 16, s, 0.02, "one unit of 16 saturated on (almost) every input");
    }

    @Test
    void aLossStuckAboveGuessingIsFlaggedDivergingAfterThreeEpochsWithoutStoppingTheRun() {
        // Learning rate 1 with momentum 0.99: the paper's blow-up; the loss stays far above ln 10.
        Hyperparameters hp = new Hyperparameters(1.0, 0.99, 16, 0.0, 5, 3L, 1.0, 0.0);
        RunOutcome outcome;
        try (Trainer t = new Trainer(data, hp, w -> new DynamicsProbe.Measurement(1, 0, -1, 0),
                new TrainingControl(), new TrainingListener() { }, 10)) {
            outcome = t.run();
        }
        assertEquals(RunState.FINISHED, outcome.state(), "a finite loss is a warning, not a stop");
        for (EpochMetrics e : outcome.epochs()) {
            boolean allHigh = outcome.epochs().stream().filter(x -> x.epoch() <= e.epoch()
                    && x.epoch() > e.epoch() - EpochMetrics.DIVERGING_EPOCHS)
                    .allMatch(x -> x.trainLoss() > EpochMetrics.LOSS_OF_GUESSING);
            assertEquals(e.epoch() >= EpochMetrics.DIVERGING_EPOCHS && allHigh, e.diverging(), "epoch " + e);
        }
        assertTrue(outcome.lastEpoch().diverging(), "loss " + outcome.lastEpoch().trainLoss());
    }

    @Test
    void aLearningRunIsNeverFlaggedDiverging() {
        Hyperparameters hp = new Hyperparameters(0.1, 0.5, 32, 0.0, 4, 3L, 0.5, 0.0);
        try (Trainer t = new Trainer(data, hp, w -> new DynamicsProbe.Measurement(1, 0, -1, 0),
                new TrainingControl(), new TrainingListener() { }, 10)) {
            RunOutcome outcome = t.run();
            assertFalse(outcome.epochs().stream().anyMatch(EpochMetrics::diverging));
            assertTrue(outcome.epochs().stream().allMatch(e -> e.saturation() >= 0 && e.saturation() < 0.5));
        }
    }
}
