package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.charts.ChartScale;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.edgeofchaos.explorer.ui.presentation.HideableControl;
import org.edgeofchaos.explorer.ui.sweep.SweepsTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Presentation mode hides what the teacher chose, and only while it is on; leaving puts everything back. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    private static final List<String> HIDDEN = List.of("history", "run-buttons", "setting-seed", "status-bar",
            "tab-" + SweepsTab.ID, "phase-toolbar");

    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.presentation().leave();
            Theme.LIGHT.apply(window.scene());
        });
        fixture.close();
    }

    private static boolean shown(Node n) {
        if (n.getScene() == null || !n.isManaged()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Node node(FxRobot robot, String css) {
        return robot.lookup(css).query();
    }

    private List<String> tabIds(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(t -> t.getTabs().stream().anyMatch(tab -> "phase-diagram-tab".equals(tab.getId())))
                .findFirst().orElseThrow().getTabs().stream().map(Tab::getId).toList();
    }

    private SplitPane split(FxRobot robot) {
        return robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(s -> s.getItems().size() >= 2 && s.getItems().stream().anyMatch(TabPane.class::isInstance))
                .findFirst().orElseThrow();
    }

    @Test
    void hidesTheChosenControlsOnlyWhileOnAndRestoresThemOnLeaving(FxRobot robot) throws Exception {
        List<String> ids = window.presentation().controls().stream().map(HideableControl::id).toList();
        assertTrue(ids.containsAll(HIDDEN), "every control has a stable id: " + ids);
        assertTrue(ids.contains("setting-learningRate") && ids.contains("controls-panel") && ids.contains("menu-bar"),
                ids.toString());
        List<String> tabsBefore = tabIds(robot);
        int panelsBefore = split(robot).getItems().size();

        robot.interact(() -> assertEquals(List.of(), window.presentation().setHidden(HIDDEN)));
        // chosen, but presentation mode is off: nothing is hidden yet
        assertTrue(shown(node(robot, "#start")));
        assertTrue(shown(node(robot, "#history-list")));
        assertEquals(tabsBefore, tabIds(robot));

        robot.interact(() -> window.presentation().enter());
        assertTrue(window.presentation().isActive());
        assertTrue(window.stage().isFullScreen(), "full screen");
        assertTrue(Theme.current().projector(), "the projector variant of the look");
        assertTrue(ChartScale.get() >= 1.3, "charts draw larger: " + ChartScale.get());
        assertTrue(window.scene().getRoot().getStyle().contains("-fx-font-size"), "larger text");
        assertFalse(shown(node(robot, "#start")), "the run buttons are hidden");
        assertFalse(node(robot, "#start").getParent().isManaged(), "and out of the layout");
        Node phaseToolbar = window.feature(org.edgeofchaos.explorer.ui.phase.PhaseDiagram.class).view()
                .lookup("#phase-toolbar");
        assertFalse(phaseToolbar.isVisible() || phaseToolbar.isManaged(), "a tab's toolbar");
        assertFalse(shown(node(robot, "#seed-field")));
        assertTrue(shown(node(robot, "#learningRate-field")), "what was not chosen stays");
        assertTrue(robot.lookup("#history-list").tryQuery().map(n -> !shown(n)).orElse(true),
                "the saved runs are gone");
        assertEquals(panelsBefore - 1, split(robot).getItems().size());
        assertFalse(tabIds(robot).contains(SweepsTab.ID), "the Sweeps tab is hidden");
        assertFalse(shown(node(robot, "#run-state")), "status bar hidden");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        await(10, () -> !window.presentation().isActive());
        assertFalse(window.stage().isFullScreen());
        assertEquals(Theme.LIGHT, Theme.current(), "back to the desk look");
        assertEquals(1, ChartScale.get());
        assertTrue(shown(node(robot, "#start")));
        assertTrue(shown(node(robot, "#seed-field")));
        assertTrue(shown(node(robot, "#history-list")));
        assertTrue(shown(node(robot, "#run-state")));
        assertTrue(phaseToolbar.isVisible() && phaseToolbar.isManaged());
        assertEquals(tabsBefore, tabIds(robot), "every tab back, in order");
        assertEquals(panelsBefore, split(robot).getItems().size());
        assertEquals(HIDDEN.stream().sorted().toList(), window.presentation().hidden().stream().sorted().toList(),
                "the choice is remembered");

        // F11 toggles
        robot.press(KeyCode.F11).release(KeyCode.F11);
        await(10, () -> window.presentation().isActive());
        assertFalse(shown(node(robot, "#start")));
        robot.press(KeyCode.F11).release(KeyCode.F11);
        await(10, () -> !window.presentation().isActive());
        assertTrue(shown(node(robot, "#start")));
    }

    @Test
    void unknownControlIdsFromAnotherVersionAreReturnedNotHidden(FxRobot robot) {
        robot.interact(() -> assertEquals(List.of("no-such-control"),
                window.presentation().setHidden(List.of("history", "no-such-control"))));
        assertEquals(List.of("history"), window.presentation().hidden());
    }
}
