package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.sweep.CellState;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.sweep.NewSweepViewModel;
import org.testfx.api.FxToolkit;
import org.edgeofchaos.explorer.ui.phase.PathLayer;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.phase.PhasePicture;
import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.sweep.SweepsTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Sweeps tab in the real window: hover a cell of the shipped sweep, click it, Ctrl+click another. */
@ExtendWith(ApplicationExtension.class)
class SweepsTabTest {
    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void clickingCellsLoadsTheirRunsAndSettings(FxRobot robot) throws Exception {
        SweepsTab tab = window.feature(SweepsTab.class);
        robot.interact(() -> window.select(tab));
        await(20, () -> tab.model().mapProperty().get() != null);
        SweepSpec spec = tab.model().statusProperty().get().spec();
        robot.interact(() -> { });

        Point2D cell = tab.mapView().cellCentreOnScreen(3, 2);
        robot.moveTo(cell);
        await(5, () -> tab.model().readoutProperty().get().contains(spec.x().parameter().format(spec.x().value(3))));

        robot.clickOn(cell);
        await(5, () -> window.history().selectedRunsProperty().get().size() == 1);
        assertEquals(spec.x().value(3), window.controls().request().hyperparameters().learningRate(), 1e-12);
        assertEquals((int) spec.y().value(2), window.controls().request().hyperparameters().batchSize());
        assertTrue(window.feature(TrainingCurvesTab.class).charts().sourceTextProperty().get()
                .startsWith("Saved run"), window.feature(TrainingCurvesTab.class).charts().sourceTextProperty().get());
        // its path is on the phase diagram, point for point
        RunRecord clicked = window.history().selectedRunsProperty().get().get(0);
        PhaseDiagram phase = window.feature(PhaseDiagram.class);
        await(20, () -> pathOf(phase, clicked.id()) != null);
        assertEquals(TrainingPath.of(clicked), pathOf(phase, clicked.id()).points());
        assertEquals(clicked.hyperparameters().seed(), window.controls().request().hyperparameters().seed(),
                "the sliders hold the run's own seed");

        robot.press(KeyCode.CONTROL).clickOn(tab.mapView().cellCentreOnScreen(0, 4)).release(KeyCode.CONTROL);
        await(5, () -> window.history().selectedRunsProperty().get().size() == 2);
        assertEquals(spec.x().value(0), window.controls().request().hyperparameters().learningRate(), 1e-12);
        // both paths on the phase diagram
        RunRecord added = window.history().selectedRunsProperty().get().get(1);
        await(5, () -> pathOf(phase, clicked.id()) != null && pathOf(phase, added.id()) != null);
    }

    @Test
    void closingTheWindowCancelsARunningSweepAndKeepsItsEpochs(FxRobot robot) throws Exception {
        SweepsTab tab = window.feature(SweepsTab.class);
        Path folder = fixture.userDir.resolve("sweeps").resolve("closed");
        robot.interact(() -> {
            window.controls().apply(WindowFixture.tiny(30));
            window.select(tab);
            NewSweepViewModel form = tab.newSweepForm();
            form.twoAxesProperty().set(false);
            form.x().countProperty().set("2");
            form.folderProperty().set(folder.toString());
            NewSweepViewModel.Plan plan = form.result().orElseThrow();
            tab.runModel().start(plan.spec(), plan.folder(), plan.parallel());
        });
        // an epoch of a run lands on the map, then the window closes
        await(60, () -> folder.toAbsolutePath().normalize().equals(tab.model().folderProperty().get())
                && tab.model().statusProperty().get().cells().stream().anyMatch(c -> c.progress() > 0));
        FxToolkit.setupFixture(() -> window.stage().close());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        // nothing is shown once the window is gone (a dialog then would keep the application alive)
        assertEquals(List.of(), fixture.dialogs.errors);

        SweepStatus after = SweepStatus.read(new SweepFolder(folder));
        assertEquals(0, after.count(CellState.RUNNING), "every run stopped and let go of its lock");
        assertTrue(after.count(CellState.INTERRUPTED) >= 1, "stopped part-way, to be resumed: " + after.rows()
                .stream().map(r -> r.state() + "/" + r.summary().epochsDone()).toList());
        for (SweepStatus.Row r : after.rows()) {
            if (r.state() == CellState.INTERRUPTED) {
                assertTrue(r.record().epochs().size() >= 1 && r.record().epochs().size() < 30);
                assertEquals(RunState.STOPPED, r.record().state(), "saved as stopped when the window closed");
            }
        }
    }

    private static PathLayer pathOf(PhaseDiagram phase, String id) {
        PhasePicture picture = phase.model().pictureProperty().get();
        return picture == null ? null : picture.paths().stream().filter(p -> p.name().equals(id)).findFirst()
                .orElse(null);
    }

    @Test
    void aNewSweepDefinedInTheDialogTrainsAndFillsTheMap(FxRobot robot) throws Exception {
        SweepsTab tab = window.feature(SweepsTab.class);
        robot.interact(() -> {
            window.controls().apply(WindowFixture.tiny(2));
            window.select(tab);
        });
        await(20, () -> tab.model().mapProperty().get() != null);
        Path folder = fixture.userDir.resolve("sweeps").resolve("from-the-window");

        robot.clickOn("#sweep-new");
        await(5, () -> robot.lookup("#new-sweep-start").tryQuery().isPresent());
        robot.clickOn("#new-sweep-use-y"); // one axis: a row of cells
        TextField count = robot.lookup("#new-sweep-x-count").queryAs(TextField.class);
        TextField target = robot.lookup("#new-sweep-folder").queryAs(TextField.class);
        robot.interact(() -> {
            count.setText("2");
            target.setText(folder.toString());
        });
        Label preview = robot.lookup("#new-sweep-preview").queryAs(Label.class);
        assertTrue(preview.getText().startsWith("2 cells: 2 runs of 2 epochs"), preview.getText());
        robot.clickOn("#new-sweep-start");

        await(120, () -> tab.runModel().outcomeProperty().get() != null);
        await(20, () -> tab.model().statusProperty().get() != null
                && tab.model().statusProperty().get().isComplete()
                && folder.toAbsolutePath().normalize().equals(tab.model().folderProperty().get()));
        assertEquals(2, tab.runModel().outcomeProperty().get().result().trained());
        assertTrue(tab.runModel().progressTextProperty().get().startsWith("Done: 2 of 2 runs done"),
                tab.runModel().progressTextProperty().get());
        assertTrue(Files.isRegularFile(folder.resolve("sweep.json")));
        assertEquals(List.of(), fixture.dialogs.errors);
        // the training worker is free again: a single run starts
        robot.interact(() -> assertTrue(window.liveRun().start()));
        await(60, () -> !window.liveRun().activeProperty().get());
    }
}
