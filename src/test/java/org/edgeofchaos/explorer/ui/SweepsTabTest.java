package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.sweep.SweepSpec;
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

        robot.press(KeyCode.CONTROL).clickOn(tab.mapView().cellCentreOnScreen(0, 4)).release(KeyCode.CONTROL);
        await(5, () -> window.history().selectedRunsProperty().get().size() == 2);
        assertEquals(spec.x().value(0), window.controls().request().hyperparameters().learningRate(), 1e-12);
    }
}
