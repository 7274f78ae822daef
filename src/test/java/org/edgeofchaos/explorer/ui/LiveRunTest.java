package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.SpecChart;
import org.edgeofchaos.explorer.ui.export.ExportSize;
import org.edgeofchaos.explorer.ui.live.LiveRunViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A few click-throughs of the real window with real training on a tiny subset of the real data set (14x14, 600
 * images). The run commands and the live model are tested without a robot in {@code LiveRunViewModelTest}.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunTest {
    private WindowFixture fixture;
    private MainWindow window;
    private LiveRunViewModel live;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
        live = window.liveRun();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private org.edgeofchaos.explorer.ui.live.TrainingCurvesTab curves() {
        return window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class);
    }

    private void configure(FxRobot robot, int epochs) {
        robot.interact(() -> window.controls().apply(WindowFixture.tiny(epochs)));
    }

    private static int points(SpecChart chart, int series) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            chart.layout();
            return chart.drawnPoints(series);
        }).get();
    }

    @Test
    void shortRunDrawsPointsInEveryChartAndFinishes(FxRobot robot) throws Exception {
        configure(robot, 2);
        robot.clickOn("#loss-chart").press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);

        await(120, () -> live.stateProperty().get() == RunState.FINISHED && !live.activeProperty().get());

        SpecChart loss = robot.lookup("#loss-chart").queryAs(SpecChart.class);
        SpecChart accuracy = robot.lookup("#accuracy-chart").queryAs(SpecChart.class);
        SpecChart lambda = robot.lookup("#lambda-chart").queryAs(SpecChart.class);
        SpecChart j = robot.lookup("#j-chart").queryAs(SpecChart.class);
        assertTrue(points(loss, 0) >= 2, "train loss points");
        assertEquals(2, points(loss, 1), "test loss per epoch");
        assertTrue(points(accuracy, 0) >= 2, "train accuracy points");
        assertEquals(2, points(accuracy, 1), "test accuracy per epoch");
        assertEquals(2, points(lambda, 0), "λmax after each epoch");
        assertEquals(3, points(j, 0), "J at start and after each epoch");
        assertTrue(live.statusTextProperty().get().startsWith("Finished 2 epochs"), live.statusTextProperty().get());
        assertEquals(1.0, live.progressProperty().get(), 1e-9);
        assertEquals(2, window.liveModel().epochs().size(), "epochs published for the phase diagram");

        Path file = window.liveModel().savedFileProperty().get();
        RunRecord saved = RunFiles.read(file);
        assertEquals(RunState.FINISHED, saved.state());
        assertEquals(2, saved.epochs().size());
        assertEquals(14, saved.dataset().resolution());
        await(20, () -> window.history().items().stream().anyMatch(i -> !i.corrupt()
                && i.run().id().equals(saved.id())));
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
    }

    @Test
    void pauseResumeAndStopRespondWithinAMiniBatch(FxRobot robot) throws Exception {
        configure(robot, 500);
        robot.clickOn("#start");
        // after the first epoch, so that the stopped run has something to keep
        await(120, () -> live.stateProperty().get() == RunState.RUNNING && !window.liveModel().epochs().isEmpty());

        robot.clickOn("#pause");
        await(20, () -> live.stateProperty().get() == RunState.PAUSED);
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        long samples = lastSamples();
        // While paused no mini-batch runs: draining again brings no new progress.
        robot.interact(window.liveModel()::pulse);
        assertEquals(samples, lastSamples());

        robot.type(KeyCode.SPACE);
        await(20, () -> live.stateProperty().get() == RunState.RUNNING);
        await(20, () -> lastSamples() > samples);

        robot.type(KeyCode.ESCAPE);
        await(20, () -> !live.activeProperty().get());
        assertEquals(RunState.STOPPED, live.stateProperty().get());
        assertEquals(RunState.STOPPED, RunFiles.read(window.liveModel().savedFileProperty().get()).state());
    }

    @Test
    void rehearsingARunStartChangesNothingVisibleAndWaitsWhileARunIsActive(FxRobot robot) throws Exception {
        configure(robot, 500);
        robot.clickOn("#epochs-field");
        javafx.scene.Node field = robot.lookup("#epochs-field").query();
        assertTrue(field.isFocused());
        TextField text = (TextField) field;
        robot.interact(() -> text.positionCaret(1));
        boolean[] rehearsed = new boolean[1];
        List<Boolean> focusChanges = new java.util.ArrayList<>();
        robot.interact(() -> field.focusedProperty().addListener((obs, o, n) -> focusChanges.add(n)));
        robot.interact(() -> rehearsed[0] = window.rehearseRunStart());
        assertTrue(rehearsed[0]);
        assertEquals(List.of(), focusChanges, "the field never lost the focus (it would have committed its text)");
        assertTrue(field.isFocused(), "the field keeps the focus");
        assertEquals(1, text.getCaretPosition(), "and its caret");
        assertEquals(0, text.getSelection().getLength(), "selecting nothing");
        robot.sleep(100); // pulses: at the next one JavaFX would move the focus from a node left disabled
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(field.isFocused(), "the field keeps the focus after the next pulse");
        for (String id : List.of("#epochs-field", "#presets", "#resolution", "#start")) {
            assertFalse(robot.lookup(id).query().isDisabled(), id + " enabled again");
        }

        robot.clickOn("#start");
        await(120, () -> live.activeProperty().get());
        robot.interact(() -> rehearsed[0] = window.rehearseRunStart());
        assertFalse(rehearsed[0], "nothing to rehearse while a run is active");
        assertTrue(robot.lookup("#presets").query().isDisabled(), "the run's set-up stays disabled");
        robot.type(KeyCode.ESCAPE);
        await(20, () -> !live.activeProperty().get());
    }

    @Test
    void theRunStartIsRehearsedOnlyWhileTheUserLeavesTheWindowAlone(FxRobot robot) throws Exception {
        robot.moveTo("#epochs-slider").press(javafx.scene.input.MouseButton.PRIMARY);
        assertTrue(busyForRehearsal(0), "a mouse button held");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        assertTrue(busyForRehearsal(60_000_000_000L), "input within the quiet time");
        assertFalse(busyForRehearsal(0), "nothing held, no popup open");
        robot.clickOn("#presets");
        await(10, () -> javafx.stage.Window.getWindows().size() > 1);
        assertTrue(busyForRehearsal(0), "the presets' popup open");
        robot.type(KeyCode.ESCAPE);
        await(10, () -> javafx.stage.Window.getWindows().size() == 1);
        assertFalse(busyForRehearsal(0), "the popup closed");
    }

    private boolean busyForRehearsal(long quietNanos) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> window.busyForRehearsal(quietNanos)).get();
    }

    private long lastSamples() {
        List<BatchProgress> p = window.liveModel().runProperty().get().progress();
        return p.isEmpty() ? 0 : p.get(p.size() - 1).samplesSeen();
    }

    @Test
    void chartExportsAsPngOfTheChosenSizeAndAsCsv(FxRobot robot) throws Exception {
        configure(robot, 2);
        robot.clickOn("#start");
        await(120, () -> live.stateProperty().get() == RunState.FINISHED && !live.activeProperty().get());

        Path png = fixture.userDir.resolve("exports").resolve("accuracy.png");
        fixture.dialogs.saveFile = png;
        robot.interact(() -> window.exportSize().set(ExportSize.FULL_HD));
        robot.clickOn("#accuracy-chart");
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        await(30, () -> Files.exists(png));

        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "a valid PNG");
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());

        Path csv = fixture.userDir.resolve("exports").resolve("accuracy.csv");
        fixture.dialogs.saveFile = csv;
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.E).release(KeyCode.SHIFT, KeyCode.CONTROL);
        await(30, () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("series,epoch,accuracy"), lines.get(0));
        assertTrue(lines.stream().filter(l -> l.startsWith("test,")).count() == 2);
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
    }

    @Test
    void exportThatCannotBeWrittenShowsADialogNamingTheFile(FxRobot robot) throws Exception {
        Path blocker = Files.writeString(fixture.userDir.resolve("not-a-folder"), "x");
        Path target = blocker.resolve("loss.png");
        fixture.dialogs.saveFile = target;
        robot.interact(() -> curves().charts().selectedChartProperty().set(RunCharts.LOSS));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);

        await(30, () -> !fixture.dialogs.errors.isEmpty());
        String error = fixture.dialogs.errors.get(0);
        assertTrue(error.contains(target.toAbsolutePath().toString()), error);
        assertFalse(error.contains("\tat "), "no stack trace");
    }
}
