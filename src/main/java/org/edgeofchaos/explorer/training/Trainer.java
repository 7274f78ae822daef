package org.edgeofchaos.explorer.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains a {@link TanhNetwork} by mini-batch SGD on the calling thread and publishes what it measures.
 *
 * <p>Per epoch the training rows are reshuffled from the seeded generator; the same seed, data and thread count
 * give the same numbers. Between mini-batches the trainer consults its {@link TrainingControl} (pause, stop,
 * hyperparameter changes), so each request takes effect within one mini-batch. A non-finite loss ends the run as
 * {@link RunState#DIVERGED} at that epoch and batch; it never throws.
 */
public final class Trainer implements AutoCloseable {
    /** Default number of mini-batches between two {@link BatchProgress} records. */
    public static final int DEFAULT_PROGRESS_INTERVAL = 25;
    /** Mixes the epoch number into the shuffling seed (the golden-ratio increment of SplitMix64). */
    private static final long EPOCH_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final TrainingData data;
    private final DynamicsProbe probe;
    private final TrainingControl control;
    private final TrainingListener listener;
    private final int progressInterval;
    private final TanhNetwork network;
    private final long shuffleSeed;
    private final int firstEpoch;
    private Hyperparameters current;
    private long samplesSeen;
    private Integer pendingBatchSize;
    private int highLossEpochs;

    public Trainer(TrainingData data, Hyperparameters hyperparameters, DynamicsProbe probe,
            TrainingControl control, TrainingListener listener, int progressInterval) {
        this(data, hyperparameters.validate(data.trainSize()), probe, control, listener, progressInterval, null);
    }

    private Trainer(TrainingData data, Hyperparameters hyperparameters, DynamicsProbe probe,
            TrainingControl control, TrainingListener listener, int progressInterval, TrainingCheckpoint resumed) {
        this.data = Objects.requireNonNull(data, "data");
        this.current = hyperparameters;
        this.probe = Objects.requireNonNull(probe, "probe");
        this.control = Objects.requireNonNull(control, "control");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (progressInterval < 1) {
            throw new IllegalArgumentException("progress interval must be >= 1, got " + progressInterval);
        }
        this.progressInterval = progressInterval;
        ComputeThreads.ensureConfigured();
        if (resumed == null) {
            SplittableRandom root = new SplittableRandom(hyperparameters.seed());
            this.network = TanhNetwork.initialise(data.inputSize(), hyperparameters.initJ(),
                    hyperparameters.initJ0(), data.trainX().dataType(), root.split());
            this.shuffleSeed = root.split().nextLong();
            this.firstEpoch = 1;
        } else {
            this.network = TanhNetwork.restore(resumed.network());
            this.shuffleSeed = resumed.shuffleSeed();
            this.firstEpoch = resumed.epoch() + 1;
            this.samplesSeen = resumed.samplesSeen();
            this.pendingBatchSize = resumed.pendingBatchSize() > 0 ? resumed.pendingBatchSize() : null;
            this.highLossEpochs = resumed.highLossEpochs();
        }
    }

    /**
     * A trainer that continues from a checkpoint: the next epoch, the same network, momentum, hyperparameters and
     * shuffling, so the numbers equal those of a run that never stopped (same data and thread count).
     *
     * @param epochs the run's total epochs; may be more than the checkpoint's run asked for, to extend it
     * @throws InvalidSettingException if the checkpoint does not fit the data or {@code epochs} is out of range
     */
    public static Trainer resume(TrainingData data, TrainingCheckpoint checkpoint, int epochs, DynamicsProbe probe,
            TrainingControl control, TrainingListener listener, int progressInterval) {
        if (checkpoint.network().inputSize() != data.inputSize()) {
            throw new InvalidSettingException("--resume", "the checkpoint's network has N = "
                    + checkpoint.network().inputSize() + " inputs, the data " + data.inputSize());
        }
        if (checkpoint.network().dataType() != data.trainX().dataType()) {
            throw new InvalidSettingException("--resume", "the checkpoint holds " + checkpoint.network().dataType()
                    + " weights, the data is " + data.trainX().dataType());
        }
        Hyperparameters hp = checkpoint.hyperparameters().withEpochs(epochs).validate(data.trainSize());
        return new Trainer(data, hp, probe, control, listener, progressInterval, checkpoint);
    }

    public TanhNetwork network() {
        return network;
    }

    /** The hyperparameters in effect now (they may have changed during the run). */
    public Hyperparameters hyperparameters() {
        return current;
    }

    /** Frees the network's native memory; call after {@link #run()} once its weights are no longer needed. */
    @Override
    public void close() {
        network.close();
    }

    /**
     * Runs the remaining epochs, or until stopped or diverged. Interruption of the thread acts like a stop. The
     * working copies the run allocates (the shuffled training set, the step buffers) are freed before it returns.
     */
    public RunOutcome run() {
        int trainSize = data.trainSize();
        // Each epoch the rows are copied once into shuffled order, so that every mini-batch is a contiguous
        // row range: one bulk copy per epoch instead of a gather per mini-batch.
        INDArray shuffledX = Nd4j.create(data.trainX().dataType(), trainSize, data.inputSize());
        Steps steps = new Steps();
        try {
            return run(shuffledX, steps);
        } finally {
            steps.close();
            shuffledX.close();
        }
    }

    /**
     * The step buffers of the current batch size and of the epoch's shorter last batch, and the team of threads
     * that shares the steps and the evaluation (for this run only: its helper threads end with it).
     */
    private final class Steps implements AutoCloseable {
        final ComputeTeam team = new ComputeTeam(ComputeThreads.teamSize());
        SgdStep full;
        SgdStep tail;

        SgdStep full(int batch) {
            if (full == null || full.batchSize() != batch) {
                close(full);
                full = new SgdStep(batch, data.inputSize(), data.trainX().dataType(), team);
            }
            return full;
        }

        SgdStep tail(int rows) {
            if (tail == null || tail.batchSize() != rows) {
                close(tail);
                tail = new SgdStep(rows, data.inputSize(), data.trainX().dataType(), team);
            }
            return tail;
        }

        private void close(SgdStep step) {
            if (step != null) {
                step.close();
            }
        }

        @Override
        public void close() {
            close(full);
            close(tail);
            team.close();
        }
    }

    private RunOutcome run(INDArray shuffledX, Steps steps) {
        List<EpochMetrics> epochs = new ArrayList<>();
        List<HyperparameterChange> changes = new ArrayList<>();
        int trainSize = data.trainSize();
        int[] order = new int[trainSize];
        int[] shuffledLabels = new int[trainSize];
        List<INDArray> batchViews = new ArrayList<>();
        listener.onStateChanged(RunState.RUNNING);

        for (int epoch = firstEpoch; epoch <= current.epochs(); epoch++) {
            if (pendingBatchSize != null) {
                changes.add(record(new HyperparameterChange(epoch, 0, "batchSize", current.batchSize(),
                        pendingBatchSize)));
                current = current.withBatchSize(pendingBatchSize);
                pendingBatchSize = null;
            }
            int batch = current.batchSize();
            int fullBatches = trainSize / batch;
            int tail = trainSize % batch;
            int batchesInEpoch = fullBatches + (tail > 0 ? 1 : 0);
            SgdStep fullStep = steps.full(batch);
            SgdStep tailStep = tail > 0 ? steps.tail(tail) : null;
            if (batchViews.size() != batchesInEpoch || batchViews.get(0).rows() != batch) {
                batchViews.clear();
                for (int b = 0; b < batchesInEpoch; b++) {
                    batchViews.add(shuffledX.get(NDArrayIndex.interval((long) b * batch,
                            Math.min(trainSize, (long) (b + 1) * batch)), NDArrayIndex.all()));
                }
            }
            long segmentStart = System.nanoTime();
            shuffle(order, epoch);
            Nd4j.pullRows(data.trainX(), shuffledX, 1, order);
            for (int i = 0; i < trainSize; i++) {
                shuffledLabels[i] = data.trainLabels()[order[i]];
            }
            double epochLoss = 0;
            double epochCorrect = 0;
            double windowLoss = 0;
            double windowCorrect = 0;
            int windowSamples = 0;
            long trainingNanos = 0;
            for (int b = 0; b < batchesInEpoch; b++) {
                if (control.isStopRequested() || Thread.currentThread().isInterrupted()) {
                    return finish(RunState.STOPPED, epochs, changes, 0, 0);
                }
                if (control.isPaused()) {
                    trainingNanos += System.nanoTime() - segmentStart;
                    boolean stop;
                    try {
                        stop = control.awaitWhilePaused(() -> listener.onStateChanged(RunState.PAUSED),
                                () -> listener.onStateChanged(RunState.RUNNING));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stop = true;
                    }
                    if (stop) {
                        return finish(RunState.STOPPED, epochs, changes, 0, 0);
                    }
                    segmentStart = System.nanoTime();
                }
                Hyperparameters requested = control.takePendingHyperparameters();
                if (requested != null) {
                    pendingBatchSize = applyRequest(requested, epoch, b, changes);
                }

                SgdStep step = b < fullBatches ? fullStep : tailStep;
                double[] result = step.apply(network, batchViews.get(b), shuffledLabels, b * batch,
                        current.learningRate(), current.momentum(), current.weightDecay());
                if (!Double.isFinite(result[0])) {
                    trainingNanos += System.nanoTime() - segmentStart;
                    double nan = Double.NaN;
                    EpochMetrics diverged = new EpochMetrics(epoch, nan, nan, nan, nan, nan, nan, nan, nan,
                            trainingNanos / 1e9, nan, true, nan, false);
                    epochs.add(diverged);
                    listener.onEpoch(diverged);
                    return finish(RunState.DIVERGED, epochs, changes, epoch, b + 1);
                }
                int rows = step.batchSize();
                samplesSeen += rows;
                epochLoss += result[0];
                epochCorrect += result[1];
                windowLoss += result[0];
                windowCorrect += result[1];
                windowSamples += rows;
                boolean lastBatch = b == batchesInEpoch - 1;
                if ((b + 1) % progressInterval == 0 || lastBatch) {
                    double elapsed = (trainingNanos + System.nanoTime() - segmentStart) / 1e9;
                    int doneInEpoch = Math.min(trainSize, (b + 1) * batch);
                    listener.onProgress(new BatchProgress(epoch, b + 1, batchesInEpoch, samplesSeen,
                            windowLoss / windowSamples, windowCorrect / windowSamples,
                            elapsed > 0 ? doneInEpoch / elapsed : 0));
                    windowLoss = 0;
                    windowCorrect = 0;
                    windowSamples = 0;
                }
            }
            trainingNanos += System.nanoTime() - segmentStart;
            double seconds = trainingNanos / 1e9;

            TanhNetwork.Evaluation test = network.evaluate(data.testX(), data.testLabels(), steps.team);
            if (!Double.isFinite(test.loss())) {
                double nan = Double.NaN;
                EpochMetrics diverged = new EpochMetrics(epoch, epochLoss / trainSize, epochCorrect / trainSize,
                        nan, nan, nan, nan, nan, nan, seconds, trainSize / seconds, true, nan, false);
                epochs.add(diverged);
                listener.onEpoch(diverged);
                return finish(RunState.DIVERGED, epochs, changes, epoch, batchesInEpoch);
            }
            double trainLoss = epochLoss / trainSize;
            highLossEpochs = trainLoss > EpochMetrics.LOSS_OF_GUESSING ? highLossEpochs + 1 : 0;
            DynamicsProbe.Measurement m = probe.measure(network.hiddenWeights());
            EpochMetrics metrics = new EpochMetrics(epoch, trainLoss, epochCorrect / trainSize,
                    test.loss(), test.accuracy(), m.j(), m.j0(), m.lambdaMax(), m.distance(), seconds,
                    trainSize / seconds, false, test.saturation(), highLossEpochs >= EpochMetrics.DIVERGING_EPOCHS,
                    m.jacobianNorm(), m.lambdaError(), m.attractor(), m.period(), m.portrait());
            epochs.add(metrics);
            listener.onEpoch(metrics);
            if (listener.wantsCheckpoints()) {
                listener.onCheckpoint(new TrainingCheckpoint(epoch, samplesSeen, current,
                    pendingBatchSize == null ? 0 : pendingBatchSize, shuffleSeed, highLossEpochs, network.state()));
            }
        }
        return finish(RunState.FINISHED, epochs, changes, 0, 0);
    }

    /** Applies learning rate, momentum and weight decay now; returns the batch size to apply next epoch. */
    private Integer applyRequest(Hyperparameters requested, int epoch, int batch,
            List<HyperparameterChange> changes) {
        Hyperparameters next = current;
        if (requested.learningRate() != current.learningRate()) {
            changes.add(record(new HyperparameterChange(epoch, batch, "learningRate", current.learningRate(),
                    requested.learningRate())));
            next = next.withLearningRate(requested.learningRate());
        }
        if (requested.momentum() != current.momentum()) {
            changes.add(record(new HyperparameterChange(epoch, batch, "momentum", current.momentum(),
                    requested.momentum())));
            next = next.withMomentum(requested.momentum());
        }
        if (requested.weightDecay() != current.weightDecay()) {
            changes.add(record(new HyperparameterChange(epoch, batch, "weightDecay", current.weightDecay(),
                    requested.weightDecay())));
            next = next.withWeightDecay(requested.weightDecay());
        }
        current = next;
        // The latest request wins; asking for the current batch size again cancels a pending change.
        int wanted = Math.min(requested.batchSize(), data.trainSize());
        return wanted != current.batchSize() ? Integer.valueOf(wanted) : null;
    }

    private HyperparameterChange record(HyperparameterChange change) {
        listener.onHyperparameterChange(change);
        return change;
    }

    private RunOutcome finish(RunState state, List<EpochMetrics> epochs, List<HyperparameterChange> changes,
            int divergedEpoch, int divergedBatch) {
        RunOutcome outcome = new RunOutcome(state, epochs, changes, divergedEpoch, divergedBatch);
        listener.onStateChanged(state);
        listener.onFinished(outcome);
        return outcome;
    }

    /**
     * Fisher-Yates of the identity from a generator seeded by the run's shuffling seed and the epoch: deterministic,
     * independent of ND4J's global RNG, and needing no state beyond the seed to continue from a checkpoint.
     */
    private void shuffle(int[] order, int epoch) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(shuffleSeed + epoch * EPOCH_SEED_STEP);
        for (int i = order.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
    }
}
