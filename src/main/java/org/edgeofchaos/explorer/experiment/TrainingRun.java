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
 * One training run on a data set from disk: the seam that the command line and the window share. Preparing loads
 * the data (the last data set loaded is kept, so repeated runs with the same data options start at once) and
 * validates the hyperparameters against it; executing trains on the calling thread.
 */
public final class TrainingRun {
    private static Dataset cached;

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
        Dataset dataset = load(options);
        return new TrainingRun(dataset, hyperparameters.validate(dataset.trainSize()));
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

    /** Builds the trainer (the network is initialised from the seed here) without running it. */
    public Trainer trainer(DynamicsProbe probe, TrainingControl control, TrainingListener listener,
            int progressInterval) {
        return new Trainer(trainingData(), hyperparameters, probe, control, listener, progressInterval);
    }

    /** Trains on the calling thread with the standard dynamics probe. */
    public RunOutcome execute(TrainingControl control, TrainingListener listener, int progressInterval) {
        return trainer(DynamicsProbes.standard(), control, listener, progressInterval).run();
    }
}
