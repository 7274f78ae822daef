package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ControlsViewTest {
    private WindowFixture fixture;
    private ControlsViewModel controls;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        controls = fixture.open(stage).controls();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private void typeInto(FxRobot robot, String id, String text) {
        TextField field = robot.lookup("#" + id + "-field").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text).type(KeyCode.ENTER);
    }

    private String error(FxRobot robot, String id) {
        return robot.lookup("#" + id + "-error").queryAs(Label.class).getText();
    }

    @Test
    void typedLearningRateOutOfRangeIsRefusedWithTheReasonAndTheOldValueStays(FxRobot robot) {
        typeInto(robot, "learningRate", "5");

        assertTrue(error(robot, "learningRate").contains("out of range"), error(robot, "learningRate"));
        assertTrue(error(robot, "learningRate").contains("0.0001 to 1"), error(robot, "learningRate"));
        assertEquals(0.02, controls.learningRate().get(), 1e-12);
        assertEquals("0.02", robot.lookup("#learningRate-field").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#learningRate-error").queryAs(Label.class).isVisible());
    }

    @Test
    void batchSizeSliderStepsThroughPowersOfTwo(FxRobot robot) {
        robot.clickOn("#batchSize-slider");
        robot.interact(() -> robot.lookup("#batchSize-slider").queryAs(Slider.class).setValue(5));
        assertEquals(32, controls.batchSize().getInt());
        robot.type(KeyCode.RIGHT);
        assertEquals(64, controls.batchSize().getInt());
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        assertEquals(16, controls.batchSize().getInt());
        assertEquals("16", robot.lookup("#batchSize-field").queryAs(TextField.class).getText());
    }

    @Test
    void classroomPresetSetsSmallFastData(FxRobot robot) {
        robot.clickOn("#presets").clickOn("Fast classroom demo");
        assertEquals(14, controls.resolutionProperty().get());
        assertEquals(6000, controls.trainSize().getInt());
        assertEquals(16, controls.request().hyperparameters().batchSize());
    }
}
