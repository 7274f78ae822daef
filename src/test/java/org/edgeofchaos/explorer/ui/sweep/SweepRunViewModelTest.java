package org.edgeofchaos.explorer.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.sweep.CellState;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.sweep.SweepRunner;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep defined and trained from the Sweeps tab without a window: the form, start, the map filling in, cancel and
 * resume, on a real 2 x 2 sweep of 300 images at 14x14 (one worker, so that the test can look in between). Every
 * task runs at once on the test thread; the runner's reports are applied by calling {@code poll()} as the pulse
 * would.
 */
class SweepRunViewModelTest {
    /** J and J0 only: the Lyapunov estimate is not what these tests are about, and costs time. */
    private static final DynamicsProbe ORDER_ONLY = w -> {
        OrderParameters o = OrderParameters.of(w);
        return new DynamicsProbe.Measurement(o.j(), o.j0(), -0.5, 0.0);
    };
    private static Dataset dataset;

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final SimpleBooleanProperty liveRunActive = new SimpleBooleanProperty(false);
    private final List<String> trainingTaken = Collections.synchronizedList(new ArrayList<>());
    private SweepMapViewModel map;
    private SweepRunViewModel run;
    /** Called on the worker with each run's reports (after the model got them), to look or cancel part-way. */
    private volatile Consumer<String> spy = e -> { };
    private final Set<Integer> started = Collections.synchronizedSet(new TreeSet<>());
    private final Map<Integer, Integer> fromEpoch = new ConcurrentHashMap<>();

    @BeforeAll
    static void load() {
        dataset = Dataset.load(new DatasetOptions(Path.of(System.getProperty("eoc.datasetDir",
                "datasets/fashion-mnist")), 300, true, 1, 14));
    }

    @BeforeEach
    void build() {
        RunHistoryViewModel history = new RunHistoryViewModel(new RunStore(dir.resolve("runs")),
                new CurrentThreadTaskExecutor(), dialogs);
        map = new SweepMapViewModel(new CurrentThreadTaskExecutor(), dialogs, history, new ControlsViewModel(),
                liveRunActive, new SimpleStringProperty());
        map.metricProperty().set(SweepMetric.FINAL_J);
        SweepTraining engine = (folder, spec, parallel, listener) -> SweepRunner.on(dataset, folder, spec,
                () -> ORDER_ONLY, parallel, new SweepRunner.Listener() {
                    @Override
                    public void planned(int toRun, int alreadyDone, int shardRuns) {
                        listener.planned(toRun, alreadyDone, shardRuns);
                    }

                    @Override
                    public void started(int r, int from) {
                        started.add(r);
                        fromEpoch.put(r, from);
                        listener.started(r, from);
                        spy.accept("started " + r);
                    }

                    @Override
                    public void progress(int r, BatchProgress p) {
                        listener.progress(r, p);
                    }

                    @Override
                    public void epoch(int r, EpochMetrics metrics) {
                        listener.epoch(r, metrics);
                        spy.accept("epoch " + r + " " + metrics.epoch());
                    }

                    @Override
                    public void ended(int r, RunOutcome outcome) {
                        listener.ended(r, outcome);
                        spy.accept("ended " + r);
                    }

                    @Override
                    public void failed(int r, Exception error) {
                        listener.failed(r, error);
                    }
                });
        run = new SweepRunViewModel(map, new CurrentThreadTaskExecutor(), new CurrentThreadTaskExecutor(), dialogs,
                engine, liveRunActive, trainingTaken::add);
    }

    /** The form as the dialog fills it from a controls panel at 300 images, 14x14, 2 epochs. */
    private NewSweepViewModel form(Path folder) {
        RunRequest panel = new RunRequest(Hyperparameters.paperDefaults().withEpochs(2).withSeed(7), 300, 14);
        NewSweepViewModel form = new NewSweepViewModel(panel, dataset.options().directory(), folder);
        form.x().parameterProperty().set(org.edgeofchaos.explorer.sweep.SweepParameter.LEARNING_RATE);
        form.x().modeProperty().set(NewSweepViewModel.Mode.LIST);
        form.x().listProperty().set("0.01, 0.1");
        form.y().parameterProperty().set(org.edgeofchaos.explorer.sweep.SweepParameter.BATCH);
        form.y().listProperty().set("16, 64");
        form.parallelProperty().set("1");
        assertEquals("", form.problemProperty().get());
        return form;
    }

    private void start(NewSweepViewModel form) {
        NewSweepViewModel.Plan plan = form.result().orElseThrow();
        run.start(plan.spec(), plan.folder(), plan.parallel());
    }

    @Test
    void aSweepDefinedInTheFormTrainsWithTheMapFillingInAsItGoes() throws Exception {
        Path folder = dir.resolve("lr-batch");
        NewSweepViewModel form = form(folder);
        assertTrue(form.previewProperty().get().startsWith("2 × 2 cells: 4 runs of 2 epochs"),
                form.previewProperty().get());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        spy = event -> {
            // the pulse, as the window's animation timer runs it (one worker: nothing else runs meanwhile)
            run.poll();
            if (event.equals("epoch 0 1")) {
                SweepStatus.Cell cell = map.mapProperty().get().cell(0, 0);
                seen.add("running=" + cell.running() + " progress=" + cell.progress() + " J="
                        + Double.isFinite(map.mapProperty().get().value(0, 0)));
                seen.add(run.progressTextProperty().get());
                seen.add(map.summaryProperty().get());
            }
        };
        start(form);

        assertEquals(List.of(), dialogs.errors);
        assertEquals("running=1 progress=0.5 J=true", seen.get(0), "epoch 1 of 2 shows in its cell while it trains");
        assertTrue(seen.get(1).startsWith("0 of 4 runs done, 1 training · "), seen.get(1));
        assertTrue(seen.get(2).contains("1 training"), seen.get(2));

        SweepRunViewModel.Outcome outcome = run.outcomeProperty().get();
        assertNotNull(outcome);
        assertFalse(outcome.cancelled());
        assertEquals(4, outcome.result().trained());
        assertFalse(run.runningProperty().get());
        assertTrue(run.progressTextProperty().get().startsWith("Done: 4 of 4 runs done"),
                run.progressTextProperty().get());
        // the map is the folder read again: every cell complete, coloured by its final J
        assertEquals(folder, map.folderProperty().get());
        SweepStatus status = map.statusProperty().get();
        assertTrue(status.isComplete());
        for (SweepStatus.Cell c : status.cells()) {
            assertTrue(Double.isFinite(c.stats(SweepMetric.FINAL_J).mean()));
        }
        assertFalse(map.resumableProperty().get());
        // the spec is the form's: the panel's seed is the sweep seed, each run has its own derived seed
        SweepSpec spec = new SweepFolder(folder).readSpec();
        assertEquals(7, spec.fixed().seed());
        assertEquals(SweepSpec.runSeed(7, 3, 0), status.rows().get(3).seed());
        // the training worker was announced as taken, and freed at the end
        assertEquals(2, trainingTaken.size());
        assertNotNull(trainingTaken.get(0));
        assertNull(trainingTaken.get(1));
    }

    @Test
    void cancelKeepsWhatIsFinishedAndResumeTrainsExactlyTheRest() throws Exception {
        Path folder = dir.resolve("cancelled");
        // cancel during the second run's second epoch: one run complete, one interrupted after 1 epoch, two never
        // started
        spy = event -> {
            if (event.startsWith("epoch") && started.size() == 2 && event.endsWith(" 1")) {
                run.cancel();
            }
        };
        start(form(folder));
        SweepRunViewModel.Outcome outcome = run.outcomeProperty().get();
        assertTrue(outcome.cancelled());
        assertTrue(outcome.result().stopRequested());
        assertEquals(1, outcome.result().trained());
        assertEquals(1, outcome.result().stopped());
        assertEquals(2, outcome.result().notStarted());
        assertTrue(run.progressTextProperty().get().startsWith("Cancelled: 1 of 4 runs done"),
                run.progressTextProperty().get());

        SweepStatus afterCancel = map.statusProperty().get();
        assertEquals(1, afterCancel.complete());
        assertEquals(1, afterCancel.count(CellState.INTERRUPTED));
        assertEquals(2, afterCancel.count(CellState.MISSING));
        assertTrue(map.resumableProperty().get(), "a folder with missing runs offers Resume");
        assertTrue(map.summaryProperty().get().contains("3 to train: Resume"), map.summaryProperty().get());
        Set<Integer> missing = new TreeSet<>();
        int interrupted = -1;
        for (SweepStatus.Row r : afterCancel.rows()) {
            if (!r.state().isDone()) {
                missing.add(r.run());
            }
            if (r.state() == CellState.INTERRUPTED) {
                interrupted = r.run();
            }
        }

        // reopened later (as after closing the window), then resumed
        map.open(folder);
        started.clear();
        fromEpoch.clear();
        spy = e -> { };
        run.resume(1);
        assertEquals(missing, started, "Resume trains exactly the runs not done");
        assertEquals(1, fromEpoch.get(interrupted), "the interrupted run continues after its saved epoch");
        assertEquals(3, run.outcomeProperty().get().result().trained());
        assertEquals(1, run.outcomeProperty().get().result().alreadyDone());
        assertTrue(map.statusProperty().get().isComplete());
        assertFalse(map.resumableProperty().get());
    }

    @Test
    void aFolderHoldingAnotherSweepIsReplacedOnlyWhenTheUserConfirms() throws Exception {
        Path folder = dir.resolve("busy");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "mine");
        dialogs.confirmAnswer = false;
        start(form(folder));
        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(0).contains("is not empty and holds no sweep"),
                dialogs.confirmations.get(0));
        assertNull(run.outcomeProperty().get(), "not started");
        assertTrue(run.progressTextProperty().get().startsWith("Not started"));
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));

        dialogs.confirmAnswer = true;
        NewSweepViewModel oneAxis = form(folder);
        oneAxis.twoAxesProperty().set(false);
        oneAxis.epochsProperty().set("1");
        start(oneAxis);
        assertEquals(2, dialogs.confirmations.size());
        assertEquals(2, run.outcomeProperty().get().result().trained());
        try (var entries = Files.list(folder)) {
            Path aside = entries.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst()
                    .orElseThrow();
            assertEquals("mine", Files.readString(aside.resolve("notes.txt")), "moved aside, never deleted");
        }
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aDivergedRunIsMarkedOnItsCellAsItLandsAndTheSweepGoesOn() {
        NewSweepViewModel form = form(dir.resolve("diverging"));
        form.twoAxesProperty().set(false);
        form.x().listProperty().set("0.01, 1e38"); // 1e38 pushes the float weights past the largest float
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        spy = event -> {
            run.poll();
            if (event.equals("ended 1")) {
                SweepStatus.Cell cell = map.mapProperty().get().cell(1, 0);
                seen.add("diverged=" + cell.diverged() + " done=" + cell.done());
            }
        };
        start(form);
        assertEquals(List.of("diverged=1 done=1"), seen, "marked the moment it landed");
        SweepRunViewModel.Outcome outcome = run.outcomeProperty().get();
        assertEquals(2, outcome.result().trained());
        assertEquals(1, outcome.result().diverged());
        SweepStatus status = map.statusProperty().get();
        assertTrue(status.isComplete(), "a diverged run is done, not missing");
        assertEquals(1, status.count(CellState.DIVERGED));
        assertTrue(SweepMapViewModel.describeCell(map.mapProperty().get(), 1, 0).contains("1 of 1 diverged"));
        assertTrue(run.progressTextProperty().get().contains("1 diverged"), run.progressTextProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aSweepIsNotStartedBesideATrainingRun() {
        liveRunActive.set(true);
        start(form(dir.resolve("refused")));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("A run is training"), dialogs.errors.get(0));
        assertFalse(Files.exists(dir.resolve("refused")));
    }

    @Test
    void theFormNamesTheFieldOfEveryProblem() {
        NewSweepViewModel form = form(dir.resolve("form"));
        form.x().listProperty().set("0.01, x");
        assertEquals("x axis: 'x' is not a number in 'lr=0.01,x'", form.problemProperty().get());
        form.x().listProperty().set("0.01");
        form.y().parameterProperty().set(org.edgeofchaos.explorer.sweep.SweepParameter.LEARNING_RATE);
        assertTrue(form.problemProperty().get().startsWith("y axis: learning rate is already the x axis"),
                form.problemProperty().get());
        form.y().parameterProperty().set(org.edgeofchaos.explorer.sweep.SweepParameter.BATCH);
        form.y().listProperty().set("16, 512");
        assertTrue(form.problemProperty().get().startsWith("y axis: "), form.problemProperty().get());
        assertTrue(form.problemProperty().get().contains("512"), form.problemProperty().get());
        form.y().listProperty().set("16");
        form.x().modeProperty().set(NewSweepViewModel.Mode.RANGE);
        form.x().fromProperty().set("0.001");
        form.x().toProperty().set("0.1");
        form.x().countProperty().set("1");
        assertTrue(form.problemProperty().get().startsWith("x axis: the count must be in 2.."),
                form.problemProperty().get());
        form.x().countProperty().set("3");
        assertEquals("", form.problemProperty().get());
        assertEquals("lr=0.001:0.1:log:3", form.x().commandLineText());
        form.epochsProperty().set("ten");
        assertEquals("epochs: 'ten' is not a whole number; allowed 1 to 100000", form.problemProperty().get());
        form.epochsProperty().set("2");
        form.seedsProperty().set("0");
        assertEquals("seeds per cell: 0 is out of range; allowed 1 to 1000", form.problemProperty().get());
        form.seedsProperty().set("2");
        form.folderProperty().set(" ");
        assertEquals("folder: choose the folder the sweep is written to", form.problemProperty().get());
        form.folderProperty().set(dir.resolve("form").toString());
        assertTrue(form.previewProperty().get().startsWith("3 × 1 cells: 6 runs of 2 epochs"),
                form.previewProperty().get());
        // a new parameter suggests values of its own
        form.x().parameterProperty().set(org.edgeofchaos.explorer.sweep.SweepParameter.MOMENTUM);
        assertEquals("momentum=0,0.5,0.9", form.x().commandLineText());
    }
}
