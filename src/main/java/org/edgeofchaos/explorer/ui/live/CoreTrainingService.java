package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetLoader;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.training.TrainingListener;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/** The window's training service on the real data set: the core's data loader and trainer. */
public final class CoreTrainingService implements TrainingService {
    /** Fixed seed of the random training subset, so that runs with different seeds share their images. */
    public static final long SUBSET_SEED = 1L;

    private volatile Path directory;
    private final DynamicsProbe probe;

    public CoreTrainingService(Path directory, DynamicsProbe probe) {
        this.directory = directory;
        this.probe = probe;
    }

    /** The data set folder: see {@link DatasetOptions#locateDefaultDirectory()}. */
    public static Path defaultDirectory() {
        return DatasetOptions.locateDefaultDirectory();
    }

    @Override
    public Path dataDirectory() {
        return directory;
    }

    @Override
    public void useDataDirectory(Path newDirectory) {
        DatasetLoader.checkDirectory(newDirectory);
        directory = newDirectory.toAbsolutePath();
    }

    @Override
    public PreparedRun prepare(RunRequest request) {
        DatasetOptions options = new DatasetOptions(directory, request.trainSize(),
                request.trainSize() < DatasetOptions.DEFAULT_TRAIN_SIZE, SUBSET_SEED, request.resolution());
        // The core keeps the last data set loaded, so runs with the same data start at once.
        Dataset dataset = TrainingRun.load(options);
        TrainingData data = TrainingRun.trainingData(dataset);
        DatasetInfo info = TrainingRun.describe(dataset);
        return new PreparedRun() {
            @Override
            public DatasetInfo datasetInfo() {
                return info;
            }

            @Override
            public RunOutcome execute(Hyperparameters hyperparameters, TrainingControl control,
                    TrainingListener listener, int progressInterval) {
                // Closing gives the run's native memory back as soon as it ends (stopped runs included).
                try (Trainer trainer = new Trainer(data, hyperparameters, probe, control, listener,
                        progressInterval)) {
                    return trainer.run();
                }
            }
        };
    }
}
