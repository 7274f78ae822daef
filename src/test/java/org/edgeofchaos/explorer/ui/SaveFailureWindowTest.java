package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.controlsfx.control.NotificationPane;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A data folder that cannot be written: the window says why, marks the run not saved, and keeps training. */
@ExtendWith(ApplicationExtension.class)
class SaveFailureWindowTest {
    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        // a file where the runs folder should be: every save fails, as on a read-only or full disk
        Files.writeString(fixture.userDir.resolve("runs"), "not a folder");
        window = fixture.open(stage, new SyntheticTrainingService());
        window.controls().apply(WindowFixture.tiny(2));
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aFailedSaveShowsTheRealReasonOutsideThePulseAndMarksTheRunNotSaved(FxRobot robot) throws Exception {
        robot.interact(window::start);
        await(60, () -> !window.liveRun().activeProperty().get());

        assertTrue(window.liveModel().stateProperty().get() == RunState.FINISHED, "training went on");
        NotificationPane notice = robot.lookup("#notifications").queryAs(NotificationPane.class);
        await(10, notice::isShowing);
        assertTrue(notice.getText().contains("not saved") && notice.getText().contains("cannot write"),
                notice.getText());
        assertFalse(notice.getText().contains("showAndWait"), "no bogus animation error");
        assertTrue(robot.lookup("#not-saved").queryAs(Label.class).isVisible());
        assertTrue(fixture.dialogs.errors.isEmpty(), "a notice, not an error dialog: " + fixture.dialogs.errors);
    }
}
