package org.edgeofchaos.explorer.ui.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.edgeofchaos.explorer.lessons.LessonRules;
import org.edgeofchaos.explorer.lessons.LessonTab;
import org.edgeofchaos.explorer.lessons.StepAction;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rhythm of a step (setup, predict, run, observe) against a fake window; no robot. */
class LessonViewModelTest {

    /** Records what the lesson asked of the window; a training run ends when the test says so. */
    static final class FakeHost implements LessonHost {
        final List<StepAction> performed = new ArrayList<>();
        CompletableFuture<Void> training;
        boolean active;
        int stops;
        RuntimeException failure;

        @Override
        public CompletableFuture<Void> perform(StepAction action) {
            performed.add(action);
            if (failure != null && !action.immediate()) {
                return CompletableFuture.failedFuture(failure);
            }
            if (action instanceof StepAction.Train) {
                active = true;
                training = new CompletableFuture<>();
                return training;
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean runActive() {
            return active;
        }

        @Override
        public CompletableFuture<Void> stopRun() {
            stops++;
            finishRun();
            return CompletableFuture.completedFuture(null);
        }

        void finishRun() {
            active = false;
            if (training != null) {
                training.complete(null);
            }
        }
    }

    private final FakeHost host = new FakeHost();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private long now;
    private final LessonViewModel model = new LessonViewModel(host, new CurrentThreadTaskExecutor(), dialogs,
            LessonRules.core(), () -> now);

    @Test
    void aTrainingStepSetsUpAsksRunsAndThenSaysWhatToLookAt() {
        assertEquals(5, model.builtinLessons().size());
        model.openBuiltin("training-to-the-edge");
        assertEquals(Optional.of(new LessonPosition("builtin:training-to-the-edge", 0)), model.position());
        assertEquals("Step 1 of 3", model.counterProperty().get());
        // the settings and the tab apply when the step opens; training waits for the prediction
        assertEquals(2, host.performed.size());
        StepAction.SetControls set = (StepAction.SetControls) host.performed.get(0);
        assertEquals(14.0, set.values().get("resolution"));
        assertEquals(new StepAction.SelectTab(LessonTab.CURVES), host.performed.get(1));
        assertEquals(LessonViewModel.Phase.READY, model.phaseProperty().get());
        assertFalse(model.canRunProperty().get(), "Run waits for a prediction");
        assertEquals("Train", model.runLabelProperty().get());

        model.choose(2);
        assertTrue(model.canRunProperty().get());
        model.run();
        assertEquals(new StepAction.Train(), host.performed.get(2));
        assertEquals(LessonViewModel.Phase.RUNNING, model.phaseProperty().get());
        assertEquals("", model.observationProperty().get(), "nothing to look at before the run has ended");

        now = 21_400_000_000L;
        host.finishRun();
        assertEquals(LessonViewModel.Phase.DONE, model.phaseProperty().get());
        assertTrue(model.observationProperty().get().startsWith("J (bottom right chart) grows"));
        assertEquals("You predicted: It grows towards 1 and beyond. Expected: It grows towards 1 and beyond. "
                + "Well done!", model.answerProperty().get());
        assertEquals("Result after 21 s", model.timingProperty().get());
        assertEquals(21.4, model.stepSeconds().get(0), 1e-9);
    }

    @Test
    void leavingAStepStopsItsRunAndALateResultIsIgnored() {
        model.openBuiltin("training-to-the-edge");
        model.choose(0);
        model.run();
        assertTrue(host.active);
        model.next();
        assertEquals(1, host.stops, "the step's own run is stopped when the student moves on");
        assertEquals(1, model.stepProperty().get());
        assertEquals("", model.observationProperty().get(), "the first step's observation does not appear here");
        assertEquals(LessonViewModel.Phase.READY, model.phaseProperty().get());
        // back: the pick is remembered
        model.back();
        assertEquals(0, model.choiceProperty().get());
        assertEquals(0, model.picks().get(0));
    }

    @Test
    void aStepWithoutQuestionOrRunShowsItsObservationAtOnce() {
        model.open(new LessonPosition("builtin:weight-decay", 2));
        assertEquals(new StepAction.SelectTab(LessonTab.GUIDELINE), host.performed.get(0));
        assertEquals(LessonViewModel.Phase.DONE, model.phaseProperty().get());
        assertTrue(model.observationProperty().get().startsWith("This is the paper's guideline"));
        assertFalse(model.canNextProperty().get());
        assertTrue(model.canBackProperty().get());
    }

    @Test
    void aFailedLoadIsShownAndTheStepStillEnds() {
        host.failure = new IllegalStateException("The shipped folder assets/sweep-classroom was not found");
        model.openBuiltin("one-number");
        model.choose(2);
        model.run();
        assertEquals(LessonViewModel.Phase.DONE, model.phaseProperty().get());
        assertEquals("The shipped folder assets/sweep-classroom was not found", model.problemProperty().get());
    }

    @Test
    void movingTheSlidersDuringSomeoneElsesRunStopsItFirst() {
        host.active = true; // the user's own run
        model.openBuiltin("route-to-chaos");
        assertEquals(0, host.stops, "a step that only selects a tab leaves the run alone");
        model.goTo(4);
        assertEquals(1, host.stops, "a step that sets the sliders stops the run first");
        assertTrue(host.performed.get(host.performed.size() - 2) instanceof StepAction.SetControls);
    }

    @Test
    void aMalformedFileIsOneMessageAndAGoodOneOpensAtTheSavedStep(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"edge-of-chaos-explorer/lesson\",\n  \"schemaVersion\": 1,\n"
                + "  \"id\": \"x\", \"title\": \"X\",\n  \"steps\": [ { \"title\": \"a\", \"text\": \"b\", "
                + "\"actions\": [ { \"set\": { \"momentum\": 1.5 } } ] } ]\n}\n");
        model.openFile(bad);
        assertEquals(List.of("Cannot open the lesson: " + bad + " line 5, column 79: field "
                + "'steps[0].actions[0].set.momentum': momentum must be in [0, 1), got 1.5"), dialogs.errors);
        assertTrue(model.position().isEmpty());

        Path good = dir.resolve("good.json");
        Files.writeString(good, "{\"format\": \"edge-of-chaos-explorer/lesson\", \"schemaVersion\": 1, \"id\": \"g\","
                + " \"title\": \"G\", \"steps\": [ {\"title\": \"a\", \"text\": \"b\"}, {\"title\": \"c\", \"text\": "
                + "\"d\", \"actions\": [ {\"tab\": \"sweeps\"} ], \"observe\": \"e\"} ] }");
        model.open(new LessonPosition(good.toString(), 7));
        assertEquals(Optional.of(new LessonPosition(good.toString(), 1)), model.position(), "clamped to the last");
        assertEquals("e", model.observationProperty().get());
        model.closeLesson();
        assertTrue(model.position().isEmpty());
        assertEquals(LessonViewModel.Phase.NONE, model.phaseProperty().get());
    }
}
