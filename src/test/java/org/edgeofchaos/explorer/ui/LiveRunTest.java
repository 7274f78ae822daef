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

/** Real training on a tiny subset of the real data set (14x14, 600 images), driven through the window. */
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
        SpecChart dynamics = robot.lookup("#dynamics-chart").queryAs(SpecChart.class);
        assertTrue(points(loss, 0) >= 2, "train loss points");
        assertEquals(2, points(loss, 1), "test loss per epoch");
        assertTrue(points(accuracy, 0) >= 2, "train accuracy points");
        assertEquals(2, points(accuracy, 1), "test accuracy per epoch");
        assertEquals(3, points(dynamics, 1), "J at start and after each epoch");
        assertTrue(live.statusTextProperty().get().startsWith("Finished 2 epochs"), live.statusTextProperty().get());
        assertEquals(1.0, live.progressProperty().get(), 1e-9);
        assertEquals(2, live.epochs().size(), "epochs published for the phase diagram");

        Path file = live.runFileProperty().get();
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
        await(120, () -> live.stateProperty().get() == RunState.RUNNING
                && live.runProperty().get() != null && !live.runProperty().get().progress().isEmpty());

        robot.clickOn("#pause");
        await(20, () -> live.stateProperty().get() == RunState.PAUSED);
        assertEquals("Resume", robot.lookup("#pause").queryButton().getText());
        long samples = lastSamples();
        // While paused no mini-batch runs: draining again brings no new progress.
        robot.interact(live::drain);
        assertEquals(samples, lastSamples());

        robot.type(KeyCode.SPACE);
        await(20, () -> live.stateProperty().get() == RunState.RUNNING);
        await(20, () -> lastSamples() > samples);

        robot.type(KeyCode.ESCAPE);
        await(20, () -> !live.activeProperty().get());
        assertEquals(RunState.STOPPED, live.stateProperty().get());
        Path file = live.runFileProperty().get();
        if (live.runProperty().get().epochs().isEmpty()) {
            assertFalse(java.nio.file.Files.exists(file), "a run stopped before its first epoch is not kept");
        } else {
            assertEquals(RunState.STOPPED, RunFiles.read(file).state());
        }
    }

    private long lastSamples() {
        List<BatchProgress> p = live.runProperty().get().progress();
        return p.isEmpty() ? 0 : p.get(p.size() - 1).samplesSeen();
    }

    @Test
    void learningRateChangedMidRunIsRecordedInTheSavedRunAndMarkedOnTheCharts(FxRobot robot) throws Exception {
        configure(robot, 500);
        robot.clickOn("#start");
        await(120, () -> live.runProperty().get() != null && !live.runProperty().get().epochs().isEmpty());

        TextField field = robot.lookup("#learningRate-field").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write("0.05").type(KeyCode.ENTER);

        await(30, () -> live.runProperty().get().changes().stream()
                .anyMatch(c -> c.name().equals("learningRate") && c.newValue() == 0.05));
        // Wait for the epoch after the change: the recorder saves after every epoch.
        int epochs = live.runProperty().get().epochs().size();
        await(60, () -> live.runProperty().get().epochs().size() > epochs + 1);
        assertFalse(window.charts().chart(RunCharts.LOSS).orElseThrow().markers().isEmpty());

        robot.clickOn("#stop");
        await(20, () -> !live.activeProperty().get());
        RunRecord saved = RunFiles.read(live.runFileProperty().get());
        HyperparameterChange change = saved.changes().stream().filter(c -> c.name().equals("learningRate"))
                .findFirst().orElseThrow();
        assertEquals(0.02, change.oldValue(), 1e-12);
        assertEquals(0.05, change.newValue(), 1e-12);
        assertTrue(change.epoch() >= 2);
    }

    @Test
    void chartExportsAsPngOfTheChosenSizeAndAsCsv(FxRobot robot) throws Exception {
        configure(robot, 2);
        robot.clickOn("#start");
        await(120, () -> live.stateProperty().get() == RunState.FINISHED && !live.activeProperty().get());

        Path png = fixture.userDir.resolve("exports").resolve("accuracy.png");
        fixture.dialogs.saveFile = png;
        robot.interact(() -> window.export().sizeProperty().set(ExportSize.FULL_HD));
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
        robot.interact(() -> window.charts().selectedChartProperty().set(RunCharts.LOSS));
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);

        await(30, () -> !fixture.dialogs.errors.isEmpty());
        String error = fixture.dialogs.errors.get(0);
        assertTrue(error.contains(target.toAbsolutePath().toString()), error);
        assertFalse(error.contains("\tat "), "no stack trace");
    }

    @Test
    void missingDataSetShowsADialogAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        robot.interact(() -> window.stage().close());
        Path missing = fixture.userDir.resolve("no-data-here");
        WindowFixture other = new WindowFixture();
        robot.interact(() -> {
            Stage stage = new Stage();
            window = other.open(stage, new org.edgeofchaos.explorer.ui.live.CoreTrainingService(missing,
                    org.edgeofchaos.explorer.experiment.DynamicsProbes.standard()));
            window.controls().apply(WindowFixture.tiny(1));
        });
        fixture = other;
        live = window.liveRun();
        robot.interact(window::start);

        await(30, () -> !other.dialogs.errors.isEmpty() && !live.activeProperty().get());
        String error = other.dialogs.errors.get(0);
        assertTrue(error.contains(missing.toAbsolutePath().toString()), error);
        assertEquals(RunState.IDLE, live.stateProperty().get());
        assertTrue(live.statusTextProperty().get().startsWith("Could not run"));
        // The window still works: settings can be changed.
        robot.interact(() -> window.controls().learningRate().submit("0.1"));
        assertEquals(0.1, window.controls().learningRate().get(), 1e-12);
    }

    @Test
    void startingAndStoppingManyTimesLeavesNoThreadsBehind(FxRobot robot) throws Exception {
        configure(robot, 500);
        cycle(robot);
        int baseline = Thread.activeCount();
        for (int i = 0; i < 10; i++) {
            cycle(robot);
        }
        await(20, () -> Thread.activeCount() <= baseline);
        assertTrue(Thread.activeCount() <= baseline, Thread.activeCount() + " threads, baseline " + baseline);
    }

    private void cycle(FxRobot robot) throws Exception {
        robot.interact(window::start);
        await(120, () -> live.stateProperty().get() == RunState.RUNNING);
        robot.interact(live::stop);
        await(30, () -> !live.activeProperty().get());
        assertEquals(RunState.STOPPED, live.stateProperty().get());
    }
}
