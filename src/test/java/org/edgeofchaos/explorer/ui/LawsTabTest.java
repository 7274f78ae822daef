package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.laws.Proposal;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.laws.LawsTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LawsTabTest {
    private WindowFixture fixture;
    private MainWindow window;
    private ControlsViewModel controls;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
        controls = window.controls();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void theCollapseChartIsExportedAsPng(FxRobot robot) throws Exception {
        robot.clickOn("Laws").clickOn("Scaling collapse");
        java.nio.file.Path file = fixture.userDir.resolve("collapse.png");
        fixture.dialogs.saveFile = file;
        robot.interact(() -> window.feature(LawsTab.class).exportFigure());
        WindowFixture.await(20, () -> java.nio.file.Files.exists(file));
        byte[] head = java.nio.file.Files.readAllBytes(file);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
    }

    @Test
    void applyingAProposalSetsTheSliders(FxRobot robot) {
        robot.clickOn("Laws");
        TextField budget = robot.lookup("#laws-epochs").queryAs(TextField.class);
        robot.interact(budget::clear);
        robot.clickOn(budget).write("12").type(KeyCode.ENTER);
        robot.interact(() -> controls.weightDecay().set(1e-3));
        Proposal p = window.feature(LawsTab.class).guideline().proposals().get(1);
        assertNotEquals(p.lr(), controls.learningRate().get());

        robot.clickOn("#apply-proposal-1");

        assertEquals(p.lr(), controls.learningRate().get(), 1e-12);
        assertEquals(p.momentum(), controls.momentum().get(), 1e-12);
        assertEquals(p.batch(), controls.batchSize().getInt());
        assertEquals(0.0, controls.weightDecay().get(), 0);
        assertEquals(controls.learningRate().position(),
                robot.lookup("#learningRate-slider").queryAs(Slider.class).getValue(), 1e-9);
        assertEquals(controls.batchSize().position(),
                robot.lookup("#batchSize-slider").queryAs(Slider.class).getValue(), 1e-9);
        assertEquals(String.valueOf(p.batch()), robot.lookup("#batchSize-field").queryAs(TextField.class).getText());
        String applied = robot.lookup("#laws-applied").queryAs(Label.class).getText();
        assertTrue(applied.contains("at epoch " + p.weightDecayFromEpoch()), applied);
    }
}
