package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.laws.LawsTab;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.presentation.HideableControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A staged window ({@link MainWindow.StartupPlan#staged()}) asked for a tab before its turn, in the same event that
 * built it: the tab is built at once, and a session taken then has every tab, as in a window built all at once; so
 * do the controls a teacher can hide.
 */
@ExtendWith(ApplicationExtension.class)
class StagedStartupOnDemandTest {
    private WindowFixture fixture;
    private MainWindow window;
    private boolean lawsBuiltBefore;
    private boolean lawsBuiltAfterAsking;
    private boolean allBuiltAfterCapture;
    private Set<String> hideableAfterCapture;
    private List<String> groupsAfterCapture;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage, new MainWindow.StartupPlan(PhaseDiagram.ID, true));
        lawsBuiltBefore = window.featureBuilt(LawsTab.ID);
        window.session().capture();
        allBuiltAfterCapture = MainWindow.STANDARD_TABS.stream().allMatch(e -> window.featureBuilt(e.id()));
        lawsBuiltAfterAsking = window.feature(LawsTab.class) != null && window.featureBuilt(LawsTab.ID);
        hideableAfterCapture = ids(window.presentation().controls());
        groupsAfterCapture = window.presentation().controls().stream().map(HideableControl::group).toList();
    }

    private static Set<String> ids(List<HideableControl> controls) {
        return controls.stream().map(HideableControl::id).collect(Collectors.toSet());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void aTabAskedForEarlyIsBuiltAtOnceAndTheSessionHasEveryTab() throws Exception {
        assertFalse(lawsBuiltBefore, "the laws tab is not in front: not built with the window");
        assertTrue(lawsBuiltAfterAsking);
        assertTrue(allBuiltAfterCapture, "a session taken during start-up builds every tab first");
        // every tab's own hideable controls are listed, as in a window built at once
        Set<String> expected = new java.util.HashSet<>();
        for (FeatureTab.Entry entry : MainWindow.STANDARD_TABS) {
            expected.add("tab-" + entry.id());
        }
        expected.addAll(ids(window.feature(PhaseDiagram.class).hideableControls()));
        expected.addAll(ids(window.feature(LawsTab.class).hideableControls()));
        expected.addAll(ids(window.feature(org.edgeofchaos.explorer.ui.live.TrainingCurvesTab.class)
                .hideableControls()));
        assertTrue(hideableAfterCapture.containsAll(expected), "missing: " + expected.stream()
                .filter(id -> !hideableAfterCapture.contains(id)).toList());
        // the hyperparameter panel, built after the start-up too, has its groups in the list: run buttons, sliders
        assertTrue(hideableAfterCapture.contains("run-buttons"), hideableAfterCapture.toString());
        assertTrue(hideableAfterCapture.contains("setting-learningRate")
                || hideableAfterCapture.stream().anyMatch(id -> id.startsWith("setting-")), hideableAfterCapture.toString());
        // listed in the window's order (window, panel, then the tabs from left to right), whatever was built first
        List<String> order = new java.util.ArrayList<>(List.of("Window", "Hyperparameter panel"));
        MainWindow.STANDARD_TABS.forEach(e -> order.add(e.title()));
        List<String> distinct = groupsAfterCapture.stream().distinct().toList();
        assertEquals(order, distinct, "groups in the order of the window: " + groupsAfterCapture);
    }
}
