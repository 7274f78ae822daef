package org.edgeofchaos.explorer.experiment;

import java.util.Objects;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * One training run on a data set: the seam that the command line and the window share. Preparing loads the data
 * (or takes it from the caller's {@link DatasetCache}) and validates the hyperparameters against it; training runs
 * on the calling thread through a {@link RunSession}, which owns what the run produces.
 */
public final class TrainingRun {
    private final Dataset dataset;
    private final Hyperparameters hyperparameters;

    private TrainingRun(Dataset dataset, Hyperparameters hyperparameters) {
        this.dataset = dataset;
        this.hyperparameters = hyperparameters;
    }

    /**
     * @throws org.edgeofchaos.explorer.data.DatasetException with a one-line message naming the file
     * @throws org.edgeofchaos.explorer.training.InvalidSettingException naming the option and its range
     */
    public static TrainingRun prepare(DatasetOptions options, Hyperparameters hyperparameters) {
        return prepare(Dataset.load(Objects.requireNonNull(options, "options")), hyperparameters);
    }

    /** Prepares a run on a data set already loaded (e.g. from a {@link DatasetCache}). */
    public static TrainingRun prepare(Dataset dataset, Hyperparameters hyperparameters) {
        return new TrainingRun(dataset, hyperparameters.validate(dataset.trainSize()));
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

    /** Builds the trainer (the network is initialised from the seed here) without running it. */
    public Trainer trainer(DynamicsProbe probe, TrainingControl control, TrainingListener listener,
            int progressInterval) {
        return new Trainer(trainingData(), hyperparameters, probe, control, listener, progressInterval);
    }

    /** Trains on the calling thread with the standard dynamics probe. */
    public RunOutcome execute(TrainingControl control, TrainingListener listener, int progressInterval) {
        return trainer(DynamicsProbes.standard(), control, listener, progressInterval).run();
    }

    /** A new session for this run, under a new id; observe it, then {@link #train(RunSession, DynamicsProbe, int)}. */
    public RunSession newSession() {
        return RunSession.create(hyperparameters, datasetInfo());
    }

    /** Trains on the calling thread; everything the run produces goes into the session. */
    public RunOutcome train(RunSession session, DynamicsProbe probe, int progressInterval) {
        return session.train((control, listener) -> trainer(probe, control, listener, progressInterval).run());
    }
}
