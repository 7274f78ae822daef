package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class TrainerTest {
    private static final DynamicsProbe ORDER_ONLY = w -> {
        double n = w.columns();
        return new DynamicsProbe.Measurement(w.stdNumber().doubleValue() * Math.sqrt(n),
                w.meanNumber().doubleValue() * n, Double.NaN, Double.NaN);
    };

    private final TrainingData data = SyntheticData.teacher(640, 200, 16, 7, DataType.FLOAT);

    private static Hyperparameters settings() {
        return new Hyperparameters(0.1, 0.5, 32, 0.0, 4, 42L, 0.5, 0.0);
    }

    private RunOutcome train(Hyperparameters hp, TrainingControl control, TrainingListener listener, int interval) {
        return new Trainer(data, hp, ORDER_ONLY, control, listener, interval).run();
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedDoesNot() {
        RunOutcome a = train(settings(), new TrainingControl(), new TrainingListener() { }, 5);
        RunOutcome b = train(settings(), new TrainingControl(), new TrainingListener() { }, 5);
        RunOutcome c = train(settings().withSeed(43), new TrainingControl(), new TrainingListener() { }, 5);
        assertEquals(4, a.epochs().size());
        for (int e = 0; e < 4; e++) {
            EpochMetrics x = a.epochs().get(e);
            EpochMetrics y = b.epochs().get(e);
            assertEquals(x.trainLoss(), y.trainLoss(), 0.0);
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0);
            assertEquals(x.j(), y.j(), 0.0);
        }
        assertNotEquals(a.lastEpoch().trainLoss(), c.lastEpoch().trainLoss());
    }

    @Test
    void learnsTheTeacherAndStartsFromTheRequestedOrderParameters() {
        Hyperparameters hp = settings().withEpochs(8).withInit(0.5, 0.0);
        TrainingData bigger = SyntheticData.teacher(2000, 400, 16, 7, DataType.FLOAT);
        Trainer trainer = new Trainer(bigger, hp, ORDER_ONLY, new TrainingControl(), new TrainingListener() { }, 10);
        DynamicsProbe.Measurement initial = ORDER_ONLY.measure(trainer.network().hiddenWeights());
        // J = 0.5 within sampling error of 256 entries.
        assertEquals(0.5, initial.j(), 0.1);
        RunOutcome outcome = trainer.run();
        assertEquals(RunState.FINISHED, outcome.state());
        assertTrue(outcome.lastEpoch().testAccuracy() > 0.5, "accuracy " + outcome.lastEpoch().testAccuracy());
        assertTrue(outcome.lastEpoch().trainLoss() < outcome.epochs().get(0).trainLoss());
    }

    @Test
    void aHugeLearningRateEndsTheRunAsDivergedWithoutThrowing() {
        // 1e38 pushes the float weights past the largest float within a few steps: the loss becomes NaN.
        List<RunState> states = new CopyOnWriteArrayList<>();
        RunOutcome outcome = train(settings().withLearningRate(1e38), new TrainingControl(), new TrainingListener() {
            @Override
            public void onStateChanged(RunState state) {
                states.add(state);
            }
        }, 1);
        assertEquals(RunState.DIVERGED, outcome.state());
        assertTrue(outcome.divergedEpoch() >= 1 && outcome.divergedBatch() >= 1);
        assertTrue(outcome.lastEpoch().diverged());
        assertEquals(RunState.DIVERGED, states.get(states.size() - 1));
    }

    @Test
    void pauseTakesEffectBeforeTheNextMiniBatchAndStopKeepsFinishedEpochs() throws Exception {
        TrainingControl control = new TrainingControl();
        AtomicInteger batches = new AtomicInteger();
        AtomicInteger batchesWhenPaused = new AtomicInteger(-1);
        CountDownLatch paused = new CountDownLatch(1);
        int pauseAfter = 20 + 3; // in the second epoch (20 mini-batches per epoch)
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onProgress(BatchProgress progress) {
                if (batches.incrementAndGet() == pauseAfter) {
                    control.pause();
                }
            }

            @Override
            public void onStateChanged(RunState state) {
                if (state == RunState.PAUSED) {
                    batchesWhenPaused.set(batches.get());
                    paused.countDown();
                }
            }
        };
        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(
                () -> train(settings().withEpochs(50), control, listener, 1));
        assertTrue(paused.await(30, TimeUnit.SECONDS), "never paused");
        assertEquals(pauseAfter, batchesWhenPaused.get(), "mini-batches ran after the pause request");
        assertTrue(control.isPaused());
        assertFalse(run.isDone());
        control.stop();
        RunOutcome outcome = run.get(30, TimeUnit.SECONDS);
        assertEquals(RunState.STOPPED, outcome.state());
        assertEquals(1, outcome.epochs().size(), "the finished first epoch is kept");
        assertEquals(pauseAfter, batches.get());
    }

    @Test
    void resumeContinuesTheRunToTheEnd() throws Exception {
        TrainingControl control = new TrainingControl();
        CountDownLatch paused = new CountDownLatch(1);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onProgress(BatchProgress progress) {
                if (progress.epoch() == 1 && progress.batch() == 5) {
                    control.pause();
                }
            }

            @Override
            public void onStateChanged(RunState state) {
                if (state == RunState.PAUSED) {
                    paused.countDown();
                }
            }
        };
        CompletableFuture<RunOutcome> run = CompletableFuture.supplyAsync(
                () -> train(settings().withEpochs(2), control, listener, 1));
        assertTrue(paused.await(30, TimeUnit.SECONDS));
        control.resume();
        RunOutcome outcome = run.get(30, TimeUnit.SECONDS);
        assertEquals(RunState.FINISHED, outcome.state());
        assertEquals(2, outcome.epochs().size());
    }

    @Test
    void hyperparameterChangesApplyFromTheNextMiniBatchAndBatchSizeFromTheNextEpoch() {
        TrainingControl control = new TrainingControl();
        List<HyperparameterChange> seen = new ArrayList<>();
        List<BatchProgress> progress = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onProgress(BatchProgress p) {
                progress.add(p);
                if (p.epoch() == 1 && p.batch() == 3) {
                    control.requestHyperparameters(settings().withLearningRate(0.05).withWeightDecay(1e-4)
                            .withBatchSize(64));
                }
            }

            @Override
            public void onHyperparameterChange(HyperparameterChange change) {
                seen.add(change);
            }
        };
        RunOutcome outcome = train(settings().withEpochs(2), control, listener, 1);
        assertEquals(seen, outcome.changes());
        assertEquals(List.of(
                new HyperparameterChange(1, 3, "learningRate", 0.1, 0.05),
                new HyperparameterChange(1, 3, "weightDecay", 0.0, 1e-4),
                new HyperparameterChange(2, 0, "batchSize", 32, 64)), outcome.changes());
        // 640 rows: 20 mini-batches of 32 in epoch 1, then 10 of 64.
        assertEquals(20, progress.stream().filter(p -> p.epoch() == 1).count());
        assertEquals(10, progress.stream().filter(p -> p.epoch() == 2).count());
    }

    @Test
    void invalidSettingsAreRejectedNamingTheFieldAndTheRange() {
        InvalidSettingException lr = assertThrows(InvalidSettingException.class,
                () -> settings().withLearningRate(-1).validate(100));
        assertEquals("learningRate", lr.setting());
        assertTrue(lr.reason().contains("> 0"), lr.reason());
        assertFalse(lr.getMessage().contains("--"), "the core knows no command-line flag: " + lr.getMessage());
        assertEquals("momentum", assertThrows(InvalidSettingException.class,
                () -> settings().withMomentum(1.0).validate(100)).setting());
        InvalidSettingException batch = assertThrows(InvalidSettingException.class,
                () -> settings().withBatchSize(101).validate(100));
        assertTrue(batch.getMessage().contains("1..100"), batch.getMessage());
        assertEquals("weightDecay", assertThrows(InvalidSettingException.class,
                () -> settings().withWeightDecay(Double.NaN).validate(100)).setting());
        assertEquals("epochs", assertThrows(InvalidSettingException.class,
                () -> settings().withEpochs(0).validate(100)).setting());
        assertEquals("learningRate", assertThrows(InvalidSettingException.class,
                () -> new TrainingControl().requestHyperparameters(settings().withLearningRate(
                        Double.POSITIVE_INFINITY))).setting());
    }

    @Test
    void aTailBatchSmallerThanTheBatchSizeIsTrainedToo() {
        TrainingData odd = SyntheticData.teacher(100, 20, 8, 1, DataType.FLOAT);
        List<BatchProgress> progress = new ArrayList<>();
        RunOutcome outcome = new Trainer(odd, settings().withEpochs(1), ORDER_ONLY, new TrainingControl(),
                new TrainingListener() {
                    @Override
                    public void onProgress(BatchProgress p) {
                        progress.add(p);
                    }
                }, 1).run();
        assertEquals(RunState.FINISHED, outcome.state());
        assertEquals(4, progress.size());
        assertEquals(100, progress.get(3).samplesSeen());
    }
}
