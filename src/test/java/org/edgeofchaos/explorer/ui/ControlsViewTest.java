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
    void typedValidLearningRateMovesTheSliderAndTheDerivedQuantities(FxRobot robot) {
        typeInto(robot, "learningRate", "0.1");

        assertEquals(0.1, controls.learningRate().get(), 1e-12);
        assertEquals(-1.0, robot.lookup("#learningRate-slider").queryAs(Slider.class).getValue(), 1e-9);
        assertEquals("", error(robot, "learningRate"));
        // eta / ((1 - alpha) B) = 0.1 / (0.5 * 32)
        assertTrue(robot.lookup("#scaled-rate").queryAs(Label.class).getText().endsWith("0.00625"));
    }

    @Test
    void batchSizeAcceptsOnlyPowersOfTwo(FxRobot robot) {
        typeInto(robot, "batchSize", "48");
        assertTrue(error(robot, "batchSize").contains("not a power of two"), error(robot, "batchSize"));
        assertEquals(32, controls.batchSize().getInt());

        typeInto(robot, "batchSize", "1024");
        assertTrue(error(robot, "batchSize").contains("out of range"), error(robot, "batchSize"));

        typeInto(robot, "batchSize", "128");
        assertEquals(128, controls.batchSize().getInt());
        assertEquals("", error(robot, "batchSize"));
    }

    @Test
    void textThatIsNotANumberIsRefused(FxRobot robot) {
        typeInto(robot, "momentum", "abc");
        assertTrue(error(robot, "momentum").contains("not a number"), error(robot, "momentum"));
        assertEquals(0.5, controls.momentum().get(), 1e-12);
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
    void weightDecaySliderHasAnExplicitZeroAtTheLeft(FxRobot robot) {
        Slider slider = robot.lookup("#weightDecay-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(-4));
        assertEquals(1e-4, controls.weightDecay().get(), 1e-12);
        robot.interact(() -> slider.setValue(slider.getMin()));
        assertEquals(0.0, controls.weightDecay().get());
        typeInto(robot, "weightDecay", "1e-7");
        assertTrue(error(robot, "weightDecay").contains("allowed 0, or 1e-6 to 0.01"), error(robot, "weightDecay"));
        assertEquals(0.0, controls.weightDecay().get());
    }

    @Test
    void edgePredictionFollowsTheScalingLaw(FxRobot robot) {
        // Paper defaults: e* = (1 - 0.25) * 0.5 * 32 / (11 * 0.02) = 54.5 epochs
        String text = robot.lookup("#edge-prediction").queryAs(Label.class).getText();
        assertTrue(text.contains("≈ 55 epochs"), text);

        typeInto(robot, "initJ", "1.5");
        assertTrue(robot.lookup("#edge-prediction").queryAs(Label.class).getText().startsWith("Already chaotic"));

        typeInto(robot, "initJ", "0.5");
        typeInto(robot, "weightDecay", "0.001");
        assertTrue(robot.lookup("#edge-prediction").queryAs(Label.class).getText().startsWith("Stays ordered"));
    }

    @Test
    void classroomPresetSetsSmallFastData(FxRobot robot) {
        robot.clickOn("#presets").clickOn("Fast classroom demo");
        assertEquals(14, controls.resolutionProperty().get());
        assertEquals(6000, controls.trainSize().getInt());
        assertEquals(16, controls.request().hyperparameters().batchSize());
    }
}
