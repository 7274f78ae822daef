package org.edgeofchaos.explorer.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sweeps tab without a window, on the shipped classroom sweep: every task runs at once on the test thread. */
class SweepMapViewModelTest {
    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ControlsViewModel controls = new ControlsViewModel();
    private final SimpleBooleanProperty runActive = new SimpleBooleanProperty(false);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private RunHistoryViewModel history;
    private SweepMapViewModel model;
    private SweepSpec spec;
    private Path shipped;

    @BeforeEach
    void openTheShippedSweep() throws Exception {
        history = new RunHistoryViewModel(new RunStore(dir.resolve("runs")), new CurrentThreadTaskExecutor(),
                dialogs);
        model = new SweepMapViewModel(new CurrentThreadTaskExecutor(), dialogs, history, controls, runActive,
                message);
        shipped = ShippedSweep.find().orElseThrow();
        spec = new SweepFolder(shipped).readSpec();
        model.openShipped();
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void theShippedSweepIsReadIntoAMapOfOneCellPerCombination() {
        assertEquals(shipped, model.folderProperty().get());
        assertNotNull(model.mapProperty().get());
        assertEquals(spec.xSize(), model.mapProperty().get().columns());
        assertEquals(spec.ySize(), model.mapProperty().get().rows());
        assertTrue(model.summaryProperty().get().contains(spec.runCount() + " of " + spec.runCount() + " runs done"),
                model.summaryProperty().get());
        model.metricProperty().set(SweepMetric.BEST_ACCURACY);
        assertEquals(SweepMetric.BEST_ACCURACY, model.mapProperty().get().metric());
    }

    @Test
    void hoverReadsOutTheCellsSettingsAndValue() {
        model.metricProperty().set(SweepMetric.BEST_ACCURACY);
        model.hover(new int[] {1, 2});
        String text = model.readoutProperty().get();
        String value = SweepMapPainter.format(SweepMetric.BEST_ACCURACY, model.mapProperty().get().value(1, 2));
        assertTrue(text.contains(spec.x().parameter().format(spec.x().value(1))), text);
        assertTrue(text.contains(spec.y().parameter().format(spec.y().value(2))), text);
        assertTrue(text.contains("best test accuracy " + value), text);
        model.hover(null);
        assertEquals("", model.readoutProperty().get());
    }

    @Test
    void aClickShowsTheCellsRunAndMovesTheSlidersToItsSettings() throws Exception {
        int column = 4;
        int row = 1;
        int cell = row * spec.xSize() + column;
        model.click(new int[] {column, row}, false);

        RunRecord expected = RunFiles.read(new SweepFolder(shipped).runFile(spec, spec.run(cell, 0)));
        assertEquals(List.of(expected), history.selectedRunsProperty().get());
        RunRequest request = controls.request();
        Hyperparameters hp = request.hyperparameters();
        assertEquals(spec.x().value(column), hp.learningRate(), 1e-12);
        assertEquals((int) spec.y().value(row), hp.batchSize());
        assertEquals(spec.fixed().momentum(), hp.momentum(), 1e-12);
        assertEquals(spec.fixed().epochs(), hp.epochs());
        assertEquals(spec.data().trainSize(), request.trainSize());
        assertEquals(spec.data().resolution(), request.resolution());
        assertEquals(expected.hyperparameters().learningRate(), hp.learningRate(), 1e-12);
        // the run's own derived seed, every digit of it (not the sweep seed): Start retrains that very run
        assertEquals(SweepSpec.runSeed(spec.fixed().seed(), cell, 0), hp.seed());
        assertEquals(expected.hyperparameters().seed(), hp.seed());
        assertTrue(hp.seed() != spec.fixed().seed());
        assertEquals(expected.hyperparameters(), hp);
    }

    @Test
    void ctrlClickOverlaysAndAPlainClickReplaces() {
        model.click(new int[] {0, 0}, false);
        model.click(new int[] {5, 4}, true);
        List<RunRecord> shown = history.selectedRunsProperty().get();
        assertEquals(2, shown.size());
        assertEquals(spec.x().value(0), shown.get(0).hyperparameters().learningRate(), 1e-12);
        assertEquals(spec.x().value(5), shown.get(1).hyperparameters().learningRate(), 1e-12);
        model.click(new int[] {2, 2}, false);
        assertEquals(1, history.selectedRunsProperty().get().size());
    }

    @Test
    void theSlidersStayWhileARunTrains() {
        RunRequest before = controls.request();
        runActive.set(true);
        model.click(new int[] {5, 0}, false);
        assertEquals(before, controls.request());
        assertEquals(1, history.selectedRunsProperty().get().size());
    }

    @Test
    void theMapIsExportedAsPngSvgAndCsv() throws Exception {
        Path png = dir.resolve("map.png");
        Path svg = dir.resolve("map.svg");
        Path csv = dir.resolve("map.csv");
        model.exportTo(false, 800, 600, png);
        model.exportTo(true, 800, 600, svg);
        model.exportCsvTo(csv);
        assertEquals(List.of(), dialogs.errors);
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals(spec.runCount() + 1, Files.readAllLines(csv).size());
        assertEquals("Saved " + csv, message.get());
    }

    @Test
    void aFolderWithoutASpecIsOneMessageNamingIt() {
        model.open(dir);
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains(dir.toString()), dialogs.errors.get(0));
        assertEquals(shipped, model.folderProperty().get());
    }
}
