package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.lessons.WelcomeChoice;
import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.settings.ExplorerSettings;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The welcome at the first start: its quick demo sets the classroom run and starts it; the choice is remembered. */
@ExtendWith(ApplicationExtension.class)
class WelcomeTest {
    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        fixture.welcome = true;
        window = fixture.open(stage, new SyntheticTrainingService());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void firstStartOffersFourWaysInAndRemembersTheChoice(FxRobot robot) throws Exception {
        await(10, () -> robot.lookup("#welcome-edge-demo").tryQuery().isPresent());
        for (WelcomeChoice c : WelcomeChoice.values()) {
            String id = "#welcome-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertEquals(c.title(), robot.lookup(id).queryAs(Button.class).getText());
        }
        assertTrue(robot.lookup("#welcome-show-at-start").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#welcome-show-at-start");
        robot.clickOn("#welcome-edge-demo");

        // the quick demo: 14x14, 6,000 images, a rate whose edge comes within the run, started on the curves
        await(10, () -> window.liveRun().activeProperty().get() || !window.liveModel().epochs().isEmpty());
        var request = window.controls().request();
        assertEquals(14, request.resolution());
        assertEquals(6000, request.trainSize());
        assertEquals(0.1, request.hyperparameters().learningRate(), 1e-12);
        assertEquals(16, request.hyperparameters().batchSize());
        assertTrue(window.selected() instanceof TrainingCurvesTab);

        SettingsStore store = new SettingsStore(fixture.userDir.resolve("settings.json"));
        await(10, () -> WelcomeChoice.EDGE_DEMO.name().equals(store.load().welcomeChoice()));
        ExplorerSettings saved = store.load();
        assertEquals(Boolean.FALSE, saved.showWelcome(), "unticked: not shown at the next start");

        // reachable again from Help, with the last choice as the default
        await(60, () -> !window.liveRun().activeProperty().get());
        robot.clickOn("Help").clickOn("#menu-welcome");
        await(10, () -> robot.lookup("#welcome-edge-demo").tryQuery().isPresent());
        assertTrue(robot.lookup("#welcome-edge-demo").queryAs(Button.class).isDefaultButton());
        assertFalse(robot.lookup("#welcome-show-at-start").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#welcome-phase-diagram");
        await(5, () -> window.selected() instanceof org.edgeofchaos.explorer.ui.phase.PhaseDiagram);

        // beside the map a plain sentence; its formulas one click away
        assertTrue(robot.lookup("#explain-phase").queryAs(javafx.scene.Node.class).isVisible());
        robot.clickOn("#formulas-link-phase");
        await(5, () -> robot.lookup("#formulas-phase").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }
}
