package org.edgeofchaos.explorer.ui.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.SyntheticTrainingService;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run commands and the live model, with real (synthetic, tiny) training run synchronously: no toolkit. */
class LiveRunViewModelTest {
    @TempDir
    Path dir;

    private final SyntheticTrainingService service = new SyntheticTrainingService();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ControlsViewModel controls = new ControlsViewModel();
    private final LiveRunModel model = new LiveRunModel();
    private RunStore store;
    private LiveRunViewModel live;

    @BeforeEach
    void build() {
        store = new RunStore(dir.resolve("runs"));
        live = new LiveRunViewModel(model, service, store, new CurrentThreadTaskExecutor(),
                new CurrentThreadTaskExecutor(), dialogs, controls);
        controls.apply(new RunRequest(Hyperparameters.DEFAULTS.withBatchSize(16).withEpochs(3), 320, 28));
    }

    private List<RunRecord> savedRuns() throws IOException {
        return store.list().stream().map(RunStore.Entry::run).toList();
    }

    @Test
    void aRunTrainsEveryEpochIntoTheLiveModelAndIsSaved() throws Exception {
        assertTrue(live.start());

        assertFalse(live.activeProperty().get());
        assertEquals(RunState.FINISHED, model.stateProperty().get());
        assertEquals(3, model.epochs().size());
        assertEquals(3, model.runProperty().get().epochs().size());
        assertFalse(model.runProperty().get().progress().isEmpty(), "loss samples");
        assertTrue(live.statusTextProperty().get().startsWith("Finished 3 epochs"), live.statusTextProperty().get());
        assertEquals(1.0, live.progressProperty().get());
        List<RunRecord> saved = savedRuns();
        assertEquals(1, saved.size());
        assertEquals(3, saved.get(0).epochs().size());
        assertEquals(RunState.FINISHED, saved.get(0).state());
        assertEquals(model.runIdProperty().get(), saved.get(0).id());
        assertEquals(store.fileOf(saved.get(0).id()), model.savedFileProperty().get());
    }

    @Test
    void stoppingBeforeTheFirstEpochEndsKeepsNoRun() throws Exception {
        service.beforeTraining = session -> session.control().stop();

        live.start();

        assertEquals(RunState.STOPPED, model.stateProperty().get());
        assertTrue(model.epochs().isEmpty());
        assertEquals(List.of(), savedRuns(), "no empty run file");
        assertEquals("Stopped before the first epoch ended: nothing to keep", live.statusTextProperty().get());
    }

    @Test
    void aStoppedRunIsContinuedFromItsCheckpointInItsOwnFileToTheEnd() throws Exception {
        // stop once the first epoch is saved (its checkpoint is written right after it)
        service.beforeTraining = session -> session.observe(e -> {
            if (e instanceof org.edgeofchaos.explorer.experiment.RunEvent.Saved) {
                session.control().stop();
            }
        });
        live.start();
        RunRecord stopped = savedRuns().get(0);
        assertEquals(RunState.STOPPED, stopped.state());
        assertEquals(1, stopped.epochs().size());

        service.beforeTraining = s -> { };
        assertTrue(live.continueRun(stopped, store.fileOf(stopped.id())));

        assertEquals(RunState.FINISHED, model.stateProperty().get());
        assertEquals(3, model.epochs().size(), "the saved epoch and the two trained now");
        List<RunRecord> saved = savedRuns();
        assertEquals(1, saved.size(), "the same run, not a new one");
        assertEquals(3, saved.get(0).epochs().size());
        assertEquals(List.of(1, 2, 3), saved.get(0).epochs().stream().map(e -> e.epoch()).toList());
    }

    @Test
    void aChangeRequestedDuringTheRunIsAppliedRecordedAndSaved() throws Exception {
        service.beforeTraining = session -> session.control()
                .requestHyperparameters(session.hyperparameters().withLearningRate(0.05));

        live.start();

        var changes = model.runProperty().get().changes();
        assertEquals(1, changes.size());
        assertEquals("learningRate", changes.get(0).name());
        assertEquals(0.05, changes.get(0).newValue());
        assertEquals(changes, savedRuns().get(0).changes());
    }

    @Test
    void anInvalidSettingIsRefusedAtItsFieldAndNothingStarts() {
        controls.apply(new RunRequest(Hyperparameters.DEFAULTS.withBatchSize(512), 320, 28));

        assertFalse(live.start());

        assertFalse(live.activeProperty().get());
        assertTrue(controls.batchSize().errorProperty().get().contains("1..320"),
                controls.batchSize().errorProperty().get());
        assertTrue(live.statusTextProperty().get().startsWith("Cannot start: Batch size"),
                live.statusTextProperty().get());
        assertNull(model.runProperty().get());
    }

    @Test
    void aDataSetThatCannotBeReadIsOneDialogAndTheWindowStaysReady() {
        service.prepareFailure = new IllegalStateException("/data/train-images: not an IDX file (magic 0x1234)");

        live.start();

        assertFalse(live.activeProperty().get());
        assertEquals(List.of("Cannot run the training: /data/train-images: not an IDX file (magic 0x1234)"),
                dialogs.errors);
        assertEquals(RunState.IDLE, model.stateProperty().get());
        assertTrue(live.statusTextProperty().get().startsWith("Could not run: "), live.statusTextProperty().get());

        service.prepareFailure = null;
        assertTrue(live.start(), "the next start works");
        assertEquals(RunState.FINISHED, model.stateProperty().get());
    }

    @Test
    void aFailedSaveMarksTheRunNotSavedAndSavingElsewhereKeepsEveryEpoch() throws Exception {
        Files.writeString(dir.resolve("runs"), "a file where the runs folder should be");

        live.start();

        LiveRunModel.SaveFailure failure = model.saveFailureProperty().get();
        assertNotNull(failure, "the run is marked not saved");
        assertTrue(failure.reason().contains("cannot write"), failure.reason());
        assertEquals(3, model.epochs().size(), "training went on");

        dialogs.saveFile = dir.resolve("elsewhere.json");
        live.saveElsewhere();
        model.pulse();

        assertNull(model.saveFailureProperty().get(), "saved now");
        assertEquals(dialogs.saveFile, model.savedFileProperty().get());
        RunRecord rescued = RunFiles.read(dialogs.saveFile);
        assertEquals(3, rescued.epochs().size());
        assertEquals(RunState.FINISHED, rescued.state());
    }

    @Test
    void theBadgeSaysLoadingFromStartUntilTheRunTrains() {
        // a training executor that holds the task: the run stays between the click and its first event
        org.edgeofchaos.explorer.ui.common.TaskExecutor holding = new org.edgeofchaos.explorer.ui.common.TaskExecutor() {
            @Override
            public <T> void execute(org.edgeofchaos.explorer.ui.common.BackgroundTask<T> task) {
            }

            @Override
            public void runOnUi(Runnable action) {
                action.run();
            }

            @Override
            public void shutdown() {
            }
        };
        LiveRunViewModel held = new LiveRunViewModel(model, service, store, holding, new CurrentThreadTaskExecutor(),
                dialogs, controls);
        assertEquals("IDLE", held.stateTextProperty().get());

        assertTrue(held.start());
        assertEquals("LOADING", held.stateTextProperty().get(), "loading the data set");

        var feed = model.feed();
        feed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.Started("r1", Hyperparameters.DEFAULTS, null));
        model.pulse();
        assertFalse(model.loadingProperty().get(), "the data set is loaded");
        assertEquals("LOADING", held.stateTextProperty().get(), "set up, not yet training: not IDLE");

        feed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.StateChanged(RunState.RUNNING));
        model.pulse();
        assertEquals("RUNNING", held.stateTextProperty().get());
    }

    @Test
    void resetClearsTheLiveRunAndLateEventsOfTheOldRunAreDropped() {
        live.start();
        var oldFeed = model.feed();

        live.reset();
        model.begin(Hyperparameters.DEFAULTS, 320);
        oldFeed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.StateChanged(RunState.RUNNING));
        model.pulse();

        assertEquals(RunState.IDLE, model.stateProperty().get());
        assertTrue(model.runProperty().get().epochs().isEmpty());
    }

    @Test
    void eventsReachTheViewsOnlyAtThePulseAndOnceForManyEvents() {
        model.begin(Hyperparameters.DEFAULTS, 320);
        var feed = model.feed();
        long before = model.versionProperty().get();
        feed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.StateChanged(RunState.RUNNING));
        feed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.Progress(
                new org.edgeofchaos.explorer.training.BatchProgress(1, 5, 20, 80, 2.1, 0.2, 1000)));
        feed.accept(new org.edgeofchaos.explorer.experiment.RunEvent.Progress(
                new org.edgeofchaos.explorer.training.BatchProgress(1, 10, 20, 160, 2.0, 0.3, 1000)));

        assertEquals(RunState.IDLE, model.stateProperty().get(), "nothing before the pulse");
        assertTrue(model.pulse());

        assertEquals(before + 1, model.versionProperty().get(), "one redraw for three events");
        assertEquals(RunState.RUNNING, model.stateProperty().get());
        assertEquals(2, model.runProperty().get().progress().size());
        assertEquals(10, model.latestProgressProperty().get().batch());
        assertFalse(model.pulse(), "nothing new");
    }
}
