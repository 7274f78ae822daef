package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

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
 * One training run on a data set: the seam that the command line and the window share. Preparing loads the data
 * (or takes it from the caller's {@link DatasetCache}) and validates the hyperparameters against it;
 * {@link #resume} prepares the continuation of a saved run from its checkpoint instead. Training runs on the calling
 * thread through a {@link RunSession}, which owns what the run produces.
 */
public final class TrainingRun {
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
     * @throws org.edgeofchaos.explorer.training.InvalidSettingException naming the field and its range
     */
    public static TrainingRun prepare(DatasetOptions options, Hyperparameters hyperparameters) {
        return prepare(Dataset.load(Objects.requireNonNull(options, "options")), hyperparameters);
    }

    /** Prepares a run on a data set already loaded (e.g. from a {@link DatasetCache}). */
    public static TrainingRun prepare(Dataset dataset, Hyperparameters hyperparameters) {
        return new TrainingRun(dataset, hyperparameters.validate(dataset.trainSize()), null, null);
    }

    /** {@link #resume(Path, int, DatasetCache)} reading the data set afresh. */
    public static TrainingRun resume(Path runFile, int epochs) throws RunFileException {
        return resume(runFile, epochs, null);
    }

    /**
     * Prepares to continue a saved run from its checkpoint (written after every finished epoch): a run that was
     * stopped, interrupted (its process died) or finished, to be extended by raising its epochs. The data set is the
     * one the run recorded. Continuing gives the numbers an uninterrupted run would have given (same thread count).
     *
     * @param epochs the run's new total of epochs, or 0 to keep the saved total
     * @param cache  where the window keeps its last data set, or null to read it afresh
     * @throws RunFileException naming the file: unreadable, still being written, diverged, already complete,
     *     or without a usable checkpoint
     * @throws org.edgeofchaos.explorer.data.DatasetException if the recorded data can no longer be read
     */
    public static TrainingRun resume(Path runFile, int epochs, DatasetCache cache) throws RunFileException {
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
        Dataset dataset = cache != null ? cache.load(options) : Dataset.load(options);
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
     * The session of this run: a new run gets a new id, a continued run keeps its id, start time and the epochs
     * before its checkpoint. Observe it, then {@link #train}.
     */
    public RunSession newSession(TrainingControl control) {
        if (saved == null) {
            return new RunSession(RunSession.newId(), hyperparameters, datasetInfo(), control);
        }
        return RunSession.continuing(saved, checkpoint, hyperparameters.epochs(), control);
    }

    /**
     * The recorder that saves the session into {@code file} (with a checkpoint beside it), holding the file's lock.
     *
     * @throws RunLock.LockedException if another process is writing that file
     * @throws IOException             if the lock cannot be created there
     */
    public RunRecorder record(RunSession session, Path file) throws IOException {
        return RunRecorder.attach(session, file, checkpoint);
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

    /**
     * Trains the session on the calling thread; everything the run produces goes into the session, and the run's
     * native memory is freed when it ends.
     */
    public RunOutcome train(RunSession session, DynamicsProbe probe, int progressInterval) {
        return session.train((control, listener) -> {
            try (Trainer trainer = trainer(probe, control, listener, progressInterval)) {
                return trainer.run();
            }
        });
    }
}
