package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * One training run on a data set from disk: the seam that the command line and the window share. Preparing loads
 * the data (the last data set loaded is kept, so repeated runs with the same data options start at once) and
 * validates the hyperparameters against it; executing trains on the calling thread. {@link #resume} prepares the
 * continuation of a saved run from its checkpoint instead.
 */
public final class TrainingRun {
    private static Dataset cached;

    private final Dataset dataset;
    private final Hyperparameters hyperparameters;
    private final RunRecord saved;
    private final TrainingCheckpoint checkpoint;

    private TrainingRun(Dataset dataset, Hyperparameters hyperparameters, RunRecord saved,
            TrainingCheckpoint checkpoint) {
        this.dataset = dataset;
        this.hyperparameters = hyperparameters;
        this.saved = saved;
        this.checkpoint = checkpoint;
    }

    /**
     * @throws org.edgeofchaos.explorer.data.DatasetException with a one-line message naming the file
     * @throws org.edgeofchaos.explorer.training.InvalidSettingException naming the option and its range
     */
    public static TrainingRun prepare(DatasetOptions options, Hyperparameters hyperparameters) {
        Dataset dataset = load(options);
        return new TrainingRun(dataset, hyperparameters.validate(dataset.trainSize()), null, null);
    }

    /**
     * Prepares to continue a saved run from its checkpoint (written after every finished epoch): a run that was
     * stopped, interrupted (its process died) or finished, to be extended by raising its epochs. The data set is the
     * one the run recorded. Continuing gives the numbers an uninterrupted run would have given (same thread count).
     *
     * @param epochs the run's new total of epochs, or 0 to keep the saved total
     * @throws RunFileException naming the file: unreadable, still being written, diverged, already complete,
     *     or without a usable checkpoint
     * @throws org.edgeofchaos.explorer.data.DatasetException if the recorded data can no longer be read
     */
    public static TrainingRun resume(Path runFile, int epochs) throws RunFileException {
        RunRecord run = RunStore.withLiveState(runFile, RunFiles.read(runFile));
        if (run.state() == RunState.RUNNING || run.state() == RunState.PAUSED) {
            throw new RunFileException(runFile, "the run is still being trained by another process", null);
        }
        if (run.state() == RunState.DIVERGED) {
            throw new RunFileException(runFile, "the run diverged at epoch " + run.divergedEpoch()
                    + "; a diverged run cannot be continued", null);
        }
        TrainingCheckpoint checkpoint = CheckpointFiles.read(CheckpointFiles.of(runFile), run.id());
        int total = epochs == 0 ? run.hyperparameters().epochs() : epochs;
        if (total <= checkpoint.epoch()) {
            throw new RunFileException(runFile, "the run has " + checkpoint.epoch() + " finished epochs; to continue"
                    + " it, ask for more epochs than that (--epochs " + (checkpoint.epoch() + 1) + " or more)", null);
        }
        DatasetInfo info = run.dataset();
        if (info == null) {
            throw new RunFileException(runFile, "the run does not record its data set", null);
        }
        DatasetOptions options = new DatasetOptions(Path.of(info.directory()), info.trainSize(),
                info.randomSubset(), info.subsetSeed(), info.resolution());
        Dataset dataset = load(options);
        Hyperparameters hp = checkpoint.hyperparameters().withEpochs(total).validate(dataset.trainSize());
        return new TrainingRun(dataset, hp, run, checkpoint);
    }

    /** The saved run this continues, or null for a new run. */
    public RunRecord continued() {
        return saved;
    }

    /** The finished epoch this run continues after (0 for a new run). */
    public int firstEpochDone() {
        return checkpoint == null ? 0 : checkpoint.epoch();
    }

    /**
     * The recorder that saves this run into {@code file} (with a checkpoint beside it), holding the file's lock:
     * a new run gets a new id, a continued run keeps its id, start time and the epochs before its checkpoint.
     *
     * @throws RunLock.LockedException if another process is writing that file
     * @throws java.io.IOException     if the lock cannot be created there
     */
    public RunRecorder recorder(Path file, Consumer<Exception> saveErrors) throws java.io.IOException {
        if (saved == null) {
            return new RunRecorder(RunRecorder.newId(), hyperparameters, datasetInfo(), file, saveErrors);
        }
        return RunRecorder.continuing(saved, checkpoint, hyperparameters.epochs(), file, saveErrors);
    }

    /** Loads the data set, or returns the one already loaded with the same options. */
    public static synchronized Dataset load(DatasetOptions options) {
        Objects.requireNonNull(options, "options");
        if (cached == null || !cached.options().equals(options)) {
            cached = null; // let the old arrays go before the new ones are allocated
            cached = Dataset.load(options);
        }
        return cached;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    public TrainingData trainingData() {
        return trainingData(dataset);
    }

    public static TrainingData trainingData(Dataset dataset) {
        return new TrainingData(dataset.trainFeatures(), dataset.trainLabels(), dataset.testFeatures(),
                dataset.testLabels());
    }

    public DatasetInfo datasetInfo() {
        return describe(dataset);
    }

    /** What a saved run records about its data. */
    public static DatasetInfo describe(Dataset dataset) {
        DatasetOptions o = dataset.options();
        return new DatasetInfo(o.directory().toString(), dataset.name(), dataset.trainSize(), dataset.testSize(),
                o.resolution(), o.randomSubset(), o.subsetSeed());
    }

    /**
     * Builds the trainer without running it: a new network initialised from the seed, or the checkpoint's network
     * for a continued run.
     */
    public Trainer trainer(DynamicsProbe probe, TrainingControl control, TrainingListener listener,
            int progressInterval) {
        if (checkpoint != null) {
            return Trainer.resume(trainingData(), checkpoint, hyperparameters.epochs(), probe, control, listener,
                    progressInterval);
        }
        return new Trainer(trainingData(), hyperparameters, probe, control, listener, progressInterval);
    }

    /**
     * Trains on the calling thread with the standard dynamics probe, and frees the run's native memory (network,
     * shuffled copy of the training set, step buffers) when it ends, however it ends.
     */
    public RunOutcome execute(TrainingControl control, TrainingListener listener, int progressInterval) {
        return execute(DynamicsProbes.standard(), control, listener, progressInterval);
    }

    /** As {@link #execute(TrainingControl, TrainingListener, int)} with another probe. */
    public RunOutcome execute(DynamicsProbe probe, TrainingControl control, TrainingListener listener,
            int progressInterval) {
        try (Trainer trainer = trainer(probe, control, listener, progressInterval)) {
            return trainer.run();
        }
    }
}
