package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.runs.RunHistoryView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window as the application opens it ({@link MainWindow.StartupPlan}): the phase tab in front and the only one built
 * into the first frame, the side panels standing in empty until the phase map is drawn, the other tabs built after
 * that; and a tab needed before its turn is built at once.
 */
@ExtendWith(ApplicationExtension.class)
class StartupPlanTest {
    private WindowFixture fixture;
    private MainWindow window;
    private List<Node> itemsWhenBuilt;
    private boolean curvesAttachedWhenBuilt;
    private boolean phaseAttachedWhenBuilt;
    private List<String> builtWhenBuilt;
    private final List<String> builtAtEndOfStartUp = new java.util.ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage, new MainWindow.StartupPlan(PhaseDiagram.ID, true));
        // still inside the FX event that built the window: no frame has been drawn yet
        itemsWhenBuilt = window.workAreaItems();
        curvesAttachedWhenBuilt = window.viewAttached(TrainingCurvesTab.ID);
        phaseAttachedWhenBuilt = window.viewAttached(PhaseDiagram.ID);
        builtWhenBuilt = built();
        window.afterStartUp(() -> builtAtEndOfStartUp.addAll(built()));
    }

    private List<String> built() {
        return MainWindow.STANDARD_TABS.stream().map(FeatureTab.Entry::id).filter(window::featureBuilt).toList();
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void thePhaseTabComesFirstAndTheSidePanelsJoinAfterTheFirstFrame(FxRobot robot) throws Exception {
        assertEquals(List.of(PhaseDiagram.ID), builtWhenBuilt, "only the tab in front is built with the window");
        // the other tabs are built after the side panels joined, before what waits for the end of the start-up
        WindowFixture.await(10, () -> !builtAtEndOfStartUp.isEmpty());
        assertEquals(MainWindow.STANDARD_TABS.stream().map(FeatureTab.Entry::id).toList(), builtAtEndOfStartUp);
        assertSame(window.feature(PhaseDiagram.class), window.selected());
        assertTrue(phaseAttachedWhenBuilt, "the phase tab's view is in the first frame");
        assertFalse(curvesAttachedWhenBuilt, "the curves tab, not in front, is not built into the first frame");
        assertEquals(3, itemsWhenBuilt.size());
        assertTrue(itemsWhenBuilt.get(0).getStyleClass().contains("panel-stand-in"), itemsWhenBuilt.toString());
        assertTrue(itemsWhenBuilt.get(2).getStyleClass().contains("panel-stand-in"), itemsWhenBuilt.toString());

        WindowFixture.await(10, () -> window.workAreaItems().get(0) instanceof ScrollPane);
        List<Node> items = window.workAreaItems();
        assertEquals(3, items.size());
        assertTrue(items.get(2) instanceof RunHistoryView, items.toString());
        assertTrue(robot.lookup(".panel-stand-in").queryAll().isEmpty());
        // the panels have their room: the hyperparameter panel at least its minimum width
        WindowFixture.await(10, () -> items.get(0).getLayoutBounds().getWidth() >= 279);
        // the curves view joins when its tab is chosen
        robot.clickOn("Training curves");
        WindowFixture.await(10, () -> window.viewAttached(TrainingCurvesTab.ID));
    }
}
