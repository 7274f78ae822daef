package org.edgeofchaos.explorer.ui.live;

import java.io.IOException;
import java.nio.file.Path;

import org.edgeofchaos.explorer.data.DatasetLoader;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.DatasetCache;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/** The window's training service on the real data set, through the core's {@link TrainingRun} facade. */
public final class CoreTrainingService implements TrainingService {
    /** Fixed seed of the random training subset, so that runs with different seeds share their images. */
    public static final long SUBSET_SEED = 1L;

    private final DatasetCache cache = new DatasetCache();
    private final DynamicsProbe probe;
    private volatile Path directory;

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
        // The window keeps the last data set loaded, so runs with the same data start at once.
        return prepared(TrainingRun.prepare(cache.load(options), request.hyperparameters()), null);
    }

    @Override
    public PreparedRun prepareContinuation(Path runFile, int epochs) throws RunFileException {
        return prepared(TrainingRun.resume(runFile, epochs, cache), runFile);
    }

    private PreparedRun prepared(TrainingRun run, Path continuedFile) {
        return new PreparedRun() {
            @Override
            public DatasetInfo datasetInfo() {
                return run.datasetInfo();
            }

            @Override
            public RunSession newSession(TrainingControl control) {
                return run.newSession(control);
            }

            @Override
            public RunRecorder record(RunSession session, RunStore store) throws IOException {
                return run.record(session, continuedFile != null ? continuedFile : store.fileOf(session.id()));
            }

            @Override
            public RunOutcome train(RunSession session, int progressInterval) {
                return run.train(session, probe, progressInterval);
            }
        };
    }
}
