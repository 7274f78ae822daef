package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.SyntheticData;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** The one observable run: its events, its snapshot, and the recorder that observes it. */
class RunSessionTest {
    private static final DynamicsProbe NONE = w -> new DynamicsProbe.Measurement(1, 0, -0.1, 0);
    private static final TrainingData DATA = SyntheticData.teacher(200, 50, 8, 3, DataType.FLOAT);
    private static final Hyperparameters HP = Hyperparameters.DEFAULTS.withBatchSize(20).withEpochs(2);

    @TempDir
    Path dir;

    private static RunOutcome train(RunSession session) {
        return session.train((control, listener) -> new Trainer(DATA, HP, NONE, control, listener, 5).run());
    }

    @Test
    void eventsArriveInOrderAndTheSnapshotHoldsEverythingTheyCarried() {
        RunSession session = RunSession.create(HP, null);
        List<RunEvent> events = new ArrayList<>();
        session.observe(events::add);

        RunOutcome outcome = train(session);

        assertInstanceOf(RunEvent.Started.class, events.get(0));
        assertEquals(new RunEvent.StateChanged(RunState.RUNNING), events.get(1));
        assertEquals(new RunEvent.Finished(outcome), events.get(events.size() - 1));
        List<RunEvent.EpochFinished> epochs = events.stream().filter(RunEvent.EpochFinished.class::isInstance)
                .map(RunEvent.EpochFinished.class::cast).toList();
        RunRecord record = session.snapshot();
        assertEquals(epochs.stream().map(RunEvent.EpochFinished::metrics).toList(), record.epochs());
        assertEquals(events.stream().filter(RunEvent.Progress.class::isInstance).count(), record.progress().size());
        assertEquals(RunState.FINISHED, record.state());
        assertEquals(session.id(), record.id());
    }

    @Test
    void theRecorderSavesAfterEveryEpochAndReportsEachSave() throws Exception {
        RunSession session = RunSession.create(HP, null);
        Path file = dir.resolve("run.json");
        RunRecorder.attach(session, file);
        List<RunEvent> events = new ArrayList<>();
        session.observe(events::add);

        train(session);

        assertEquals(session.snapshot(), RunFiles.read(file));
        assertEquals(3, events.stream().filter(RunEvent.Saved.class::isInstance).count(),
                "after epoch 1, epoch 2 and the end");
    }

    @Test
    void aRunStoppedBeforeItsFirstEpochLeavesNoFile() throws Exception {
        RunSession session = RunSession.create(HP, null);
        Path file = dir.resolve("run.json");
        RunRecorder.attach(session, file);
        session.control().stop();

        RunOutcome outcome = train(session);

        assertEquals(RunState.STOPPED, outcome.state());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFailedSaveIsAnEventWithTheReasonAndTrainingGoesOn() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        RunSession session = RunSession.create(HP, null);
        RunRecorder.attach(session, blocker.resolve("run.json"));
        List<RunEvent.SaveFailed> failures = new ArrayList<>();
        session.observe(e -> {
            if (e instanceof RunEvent.SaveFailed f) {
                failures.add(f);
            }
        });

        RunOutcome outcome = train(session);

        assertEquals(RunState.FINISHED, outcome.state());
        assertEquals(2, outcome.epochs().size());
        assertFalse(failures.isEmpty());
        assertTrue(failures.get(0).reason().contains(blocker.toString()), failures.get(0).reason());
    }
}
