package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.stage.Stage;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.lessons.Lesson;
import org.edgeofchaos.explorer.lessons.LessonRules;
import org.edgeofchaos.explorer.lessons.LessonStep;
import org.edgeofchaos.explorer.lessons.StepAction;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab;
import org.edgeofchaos.explorer.ui.lessons.LessonViewModel;
import org.edgeofchaos.explorer.ui.phase.CellInspectorViewModel;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.sweep.SweepsTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every built-in lesson clicked through in the real window (training on generated data): after each step opens,
 * the sliders and the tab are what the step says; after Run, what it loaded, inspected or trained is on screen.
 * Also: a malformed lesson file is one message naming its line and field.
 */
@ExtendWith(ApplicationExtension.class)
class LessonsWalkThroughTest {
    private WindowFixture fixture;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage, new SyntheticTrainingService());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void everyStepOfEveryBuiltInLessonSetsWhatItSays(FxRobot robot) throws Exception {
        LessonViewModel lessons = window.lessons();
        robot.clickOn("Lessons");
        robot.clickOn("#menu-lesson-order-and-chaos");
        await(10, () -> lessons.position().isPresent());
        assertTrue(window.lessonPanel().getScene() != null, "the panel is in the window");
        int checkedSteps = 0;
        for (Lesson lesson : lessons.builtinLessons()) {
            robot.interact(() -> lessons.openBuiltin(lesson.id()));
            for (int i = 0; i < lesson.steps().size(); i++) {
                LessonStep step = lesson.steps().get(i);
                String where = lesson.id() + " step " + (i + 1) + " (" + step.title() + ")";
                await(20, () -> lessons.phaseProperty().get() != LessonViewModel.Phase.RUNNING);
                assertEquals(i, lessons.stepProperty().get(), where);
                checkSetup(step, where);
                if (lessons.phaseProperty().get() == LessonViewModel.Phase.READY) {
                    if (step.prediction().isPresent()) {
                        robot.clickOn("#lesson-choice-0");
                        await(5, () -> lessons.choiceProperty().get() == 0);
                    }
                    robot.clickOn("#lesson-run");
                    await(60, () -> lessons.phaseProperty().get() == LessonViewModel.Phase.DONE);
                }
                assertEquals("", lessons.problemProperty().get(), where);
                checkResult(step, where);
                if (step.observe() != null) {
                    assertEquals(step.observe(), lessons.observationProperty().get(), where);
                }
                checkedSteps++;
                if (i < lesson.steps().size() - 1) {
                    robot.clickOn("#lesson-next");
                }
            }
        }
        assertEquals(18, checkedSteps);
    }

    private void checkSetup(LessonStep step, String where) throws Exception {
        for (StepAction a : step.setupActions()) {
            if (a instanceof StepAction.SetControls set) {
                await(5, () -> !window.liveRun().activeProperty().get());
                for (Map.Entry<String, Double> e : set.values().entrySet()) {
                    double shown = e.getKey().equals(LessonRules.RESOLUTION)
                            ? window.controls().resolutionProperty().get()
                            : window.controls().setting(e.getKey()).orElseThrow().get();
                    assertEquals(e.getValue(), shown, 1e-12, where + ": " + e.getKey());
                }
            } else if (a instanceof StepAction.SelectTab tab && step.runActions().stream()
                    .noneMatch(r -> r instanceof StepAction.SelectTab)) {
                assertTrue(window.lessonHost().showing(tab.tab()), where + ": " + tab.tab());
            } else if (a instanceof StepAction.CloseInspector) {
                assertEquals(null, window.feature(PhaseDiagram.class).model().inspectorProperty().get(), where);
            }
        }
    }

    private void checkResult(LessonStep step, String where) {
        for (StepAction a : step.actions()) {
            if (a instanceof StepAction.SelectTab tab) {
                assertTrue(window.lessonHost().showing(tab.tab()), where + ": " + tab.tab());
            } else if (a instanceof StepAction.LoadPhaseMap) {
                assertTrue(window.feature(PhaseDiagram.class).model().showingShippedMap(), where);
            } else if (a instanceof StepAction.Inspect cell) {
                CellInspectorViewModel inspector = window.feature(PhaseDiagram.class).model().inspectorProperty()
                        .get();
                PhaseMapSpec spec = inspector.spec();
                assertEquals(spec.cell(spec.cellAt(cell.j0OverJ(), cell.oneOverJ())), inspector.cell(), where);
                assertFalse(inspector.loadingProperty().get(), where + ": the trajectories are computed");
            } else if (a instanceof StepAction.LoadSweep sweep) {
                SweepsTab tab = window.feature(SweepsTab.class);
                assertEquals(sweep.folder().shippedName(), tab.model().folderProperty().get().getFileName()
                        .toString(), where);
                assertEquals(30, window.history().selectedRunsProperty().get().size(), where + ": its runs shown");
            } else if (a instanceof StepAction.ColourSweepBy metric) {
                assertEquals(metric.metric(), window.feature(SweepsTab.class).model().metricProperty().get(), where);
            } else if (a instanceof StepAction.ShowRuns runs && runs.folder().shippedName().equals("runs-collapse")) {
                assertEquals(10, window.history().selectedRunsProperty().get().size(), where);
            } else if (a instanceof StepAction.ShowRuns) {
                Set<Double> lambdas = window.history().selectedRunsProperty().get().stream()
                        .map(RunRecord::hyperparameters).map(h -> h.weightDecay()).collect(Collectors.toSet());
                assertEquals(Set.of(0.0, 1e-4, 3.5e-4, 1e-3), lambdas, where);
            } else if (a instanceof StepAction.LogisticR r) {
                assertEquals(r.r(), window.feature(RouteToChaosTab.class).logistic().cursor(), 1e-12, where);
            } else if (a instanceof StepAction.Train) {
                assertFalse(window.liveRun().activeProperty().get(), where);
                assertEquals(window.controls().epochs().getInt(), window.liveModel().epochs().size(),
                        where + ": the run trained every epoch");
                assertTrue(window.history().selectedRunsProperty().get().isEmpty(), where + ": charts show it");
            }
        }
    }

    @Test
    void aMalformedLessonFileIsOneClearMessage(FxRobot robot) throws Exception {
        Path bad = fixture.userDir.resolve("my-lesson.json");
        Files.writeString(bad, """
                {
                  "format": "edge-of-chaos-explorer/lesson",
                  "schemaVersion": 1,
                  "id": "mine",
                  "title": "Mine",
                  "steps": [
                    { "title": "One", "text": "Go", "actions": [ { "tab": "phase" } ] }
                  ]
                }
                """);
        robot.interact(() -> window.lessons().openFile(bad));
        await(10, () -> !fixture.dialogs.errors.isEmpty());
        assertEquals("Cannot open the lesson: " + bad + " line 7, column 59: field 'steps[0].actions[0].tab': "
                + "unknown tab 'phase' (known: curves, phase-diagram, route-to-chaos/network, "
                + "route-to-chaos/logistic-map, sweeps, laws/guideline, laws/collapse, laws/weight-decay)",
                fixture.dialogs.errors.get(0));
        assertTrue(window.lessons().position().isEmpty());
    }
}
