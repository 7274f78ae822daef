package org.edgeofchaos.explorer.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.CheckpointFiles;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.SyntheticData;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.live.TrainingService;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Trains the real {@link Trainer} on a small generated teacher task (the request's training-set size, 16 inputs):
 * milliseconds per epoch, so view models can be tested with real runs and no data set on disk. J and J0 are
 * measured; the Lyapunov exponent is left out (NaN) to stay fast.
 */
public final class SyntheticTrainingService implements TrainingService {
    public static final int INPUTS = 16;
    private static final DynamicsProbe ORDER_ONLY = w -> {
        OrderParameters p = OrderParameters.of(w);
        return new DynamicsProbe.Measurement(p.j(), p.j0(), Double.NaN, Double.NaN);
    };

    /** Called with the session just before it trains (a test may stop it or request a change there). */
    public volatile Consumer<RunSession> beforeTraining = s -> { };
    public volatile RuntimeException prepareFailure;
    private Path directory = Path.of("synthetic");

    @Override
    public PreparedRun prepare(RunRequest request) {
        if (prepareFailure != null) {
            throw prepareFailure;
        }
        int size = Math.min(request.trainSize(), 2000);
        return prepared(size, request.hyperparameters(), null, null, null);
    }

    /** Continues a run saved by this service from its checkpoint, on the same generated data. */
    @Override
    public PreparedRun prepareContinuation(Path runFile, int epochs) throws Exception {
        RunRecord saved = RunFiles.read(runFile);
        TrainingCheckpoint checkpoint = CheckpointFiles.read(CheckpointFiles.of(runFile), saved.id());
        int total = epochs == 0 ? saved.hyperparameters().epochs() : epochs;
        return prepared(saved.dataset().trainSize(), saved.hyperparameters().withEpochs(total), saved, checkpoint,
                runFile);
    }

    private PreparedRun prepared(int size, Hyperparameters hp, RunRecord saved, TrainingCheckpoint checkpoint,
            Path continuedFile) {
        TrainingData data = SyntheticData.teacher(size, 100, INPUTS, 7, DataType.FLOAT);
        DatasetInfo info = new DatasetInfo(directory.toString(), "synthetic", size, 100, 4, false, 1);
        return new PreparedRun() {
            @Override
            public DatasetInfo datasetInfo() {
                return info;
            }

            @Override
            public RunSession newSession(TrainingControl control) {
                return saved == null ? new RunSession(RunSession.newId(), hp, info, control)
                        : RunSession.continuing(saved, checkpoint, hp.epochs(), control);
            }

            @Override
            public RunRecorder record(RunSession session, RunStore store) throws IOException {
                return RunRecorder.attach(session, continuedFile != null ? continuedFile : store.fileOf(session.id()));
            }

            @Override
            public RunOutcome train(RunSession session, int progressInterval) {
                beforeTraining.accept(session);
                return session.train((control, listener) -> {
                    try (Trainer trainer = checkpoint == null
                            ? new Trainer(data, session.hyperparameters(), ORDER_ONLY, control, listener,
                                    progressInterval)
                            : Trainer.resume(data, checkpoint, hp.epochs(), ORDER_ONLY, control, listener,
                                    progressInterval)) {
                        return trainer.run();
                    }
                });
            }
        };
    }

    @Override
    public Path dataDirectory() {
        return directory;
    }

    @Override
    public void useDataDirectory(Path newDirectory) {
        directory = newDirectory;
    }
}
