package org.edgeofchaos.explorer.ui.lessons;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.lessons.BuiltinLessons;
import org.edgeofchaos.explorer.lessons.Lesson;
import org.edgeofchaos.explorer.lessons.LessonFile;
import org.edgeofchaos.explorer.lessons.LessonFileException;
import org.edgeofchaos.explorer.lessons.LessonRules;
import org.edgeofchaos.explorer.lessons.LessonStep;
import org.edgeofchaos.explorer.lessons.Prediction;
import org.edgeofchaos.explorer.lessons.StepAction;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * The lesson panel's state: which lesson and step are shown, and the step's rhythm. When a step opens its settings
 * and tab apply at once and the student picks a prediction; Run then does the step's loads, inspections or training
 * through the {@link LessonHost} and, once they have finished, shows what to look at beside the student's pick and
 * the expected answer. Leaving a step stops the training run it started. Nothing here touches a node.
 */
public final class LessonViewModel {
    /** Where the current step is in its rhythm. */
    public enum Phase {
        /** No lesson open: the panel lists the lessons. */
        NONE,
        /** The step is open: predict, then run. */
        READY,
        /** The step's actions are running (a training run, a load). */
        RUNNING,
        /** The result is shown with what to look at. */
        DONE
    }

    private final LessonHost host;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final LessonRules rules;
    private final LongSupplier clock;
    private final ObservableList<Lesson> builtin = FXCollections.observableArrayList();
    private boolean builtinRead;
    private final SimpleObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty step = new SimpleIntegerProperty(-1);
    private final SimpleObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.NONE);
    private final SimpleIntegerProperty choice = new SimpleIntegerProperty(-1);
    private final SimpleStringProperty counter = new SimpleStringProperty("");
    private final SimpleStringProperty observation = new SimpleStringProperty("");
    private final SimpleStringProperty answer = new SimpleStringProperty("");
    private final SimpleStringProperty problem = new SimpleStringProperty("");
    private final SimpleStringProperty timing = new SimpleStringProperty("");
    private final SimpleStringProperty runLabel = new SimpleStringProperty("Run");
    private final SimpleBooleanProperty visible = new SimpleBooleanProperty(false);
    private final BooleanBinding canRun;
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    /** The student's pick per step of the open lesson. */
    private final Map<Integer, Integer> picks = new HashMap<>();
    /** Seconds from Run to the result, per step of the open lesson (for the teacher's notes). */
    private final Map<Integer, Double> seconds = new HashMap<>();
    private String source;
    /** Bumped whenever the step changes, so a late completion of an earlier step is ignored. */
    private int generation;
    private boolean stepStartedRun;

    /**
     * @param files reads lesson files
     * @param clock nanoseconds, for the time each step takes to show its result
     */
    public LessonViewModel(LessonHost host, TaskExecutor files, DialogService dialogs, LessonRules rules,
            LongSupplier clock) {
        this.host = host;
        this.files = files;
        this.dialogs = dialogs;
        this.rules = rules;
        this.clock = clock;
        canRun = Bindings.createBooleanBinding(() -> phase.get() == Phase.READY
                && (current().flatMap(LessonStep::prediction).isEmpty() || choice.get() >= 0), phase, choice, step);
        canBack = Bindings.createBooleanBinding(() -> lesson.get() != null && step.get() > 0, lesson, step);
        canNext = Bindings.createBooleanBinding(() -> lesson.get() != null
                && step.get() < lesson.get().steps().size() - 1, lesson, step);
    }

    // ---- opening ----

    /**
     * The lessons that ship with the explorer, in order. Read the first time they are asked for (the Lessons menu or
     * panel, a lesson opened): reading the five files on cold code took 70 ms of the window's start-up.
     */
    public ObservableList<Lesson> builtinLessons() {
        if (!builtinRead) {
            builtinRead = true;
            try {
                builtin.setAll(BuiltinLessons.all(rules));
            } catch (LessonFileException e) {
                // a broken build: the list stays empty and says why
                problem.set(e.getMessage());
            }
        }
        return builtin;
    }

    /** Opens a built-in lesson at its first step. */
    public void openBuiltin(String id) {
        open(new LessonPosition(BuiltinLessons.source(id), 0));
    }

    /** Reads a teacher's lesson file (on the files executor) and opens it; a bad file is one clear message. */
    public void openFile(Path file) {
        open(new LessonPosition(file.toString(), 0));
    }

    /** Opens the lesson at {@code position.source()} at its step (clamped into the lesson). */
    public void open(LessonPosition position) {
        String src = position.source();
        if (src.startsWith(LessonFile.BUILTIN_PREFIX)) {
            String id = src.substring(LessonFile.BUILTIN_PREFIX.length());
            Optional<Lesson> found = builtinLessons().stream().filter(l -> l.id().equals(id)).findFirst();
            if (found.isEmpty()) {
                dialogs.showError("No such lesson", "There is no built-in lesson '" + id + "' (known: "
                        + String.join(", ", BuiltinLessons.IDS) + ")");
                return;
            }
            show(found.get(), src, position.step());
            return;
        }
        Path file = Path.of(src);
        files.execute(BackgroundTask.wrap(() -> LessonFile.read(file, rules))
                .onSuccess(l -> show(l, file.toString(), position.step()))
                .onFailure(e -> dialogs.showError("Cannot open the lesson", e.getMessage())));
    }

    /** Shows a lesson that is already read, at {@code stepIndex}. */
    public void show(Lesson value, String sourceName, int stepIndex) {
        leaveStep();
        step.set(-1);
        lesson.set(value);
        source = sourceName;
        picks.clear();
        seconds.clear();
        visible.set(true);
        enter(Math.max(0, Math.min(value.steps().size() - 1, stepIndex)));
    }

    /** Where the student is, for a session file; empty when no lesson is open. */
    public Optional<LessonPosition> position() {
        return lesson.get() == null ? Optional.empty() : Optional.of(new LessonPosition(source, step.get()));
    }

    /** Closes the lesson (back to the list); a run the step started is stopped. */
    public void closeLesson() {
        leaveStep();
        generation++;
        lesson.set(null);
        source = null;
        step.set(-1);
        phase.set(Phase.NONE);
        clearStepTexts();
    }

    /** Shows the panel (with the lesson list if no lesson is open). */
    public void showPanel() {
        visible.set(true);
    }

    /** Hides the panel; the open lesson and its step are kept. */
    public void hidePanel() {
        visible.set(false);
    }

    // ---- moving between steps ----

    public void next() {
        if (canNext.get()) {
            leaveStep();
            enter(step.get() + 1);
        }
    }

    public void back() {
        if (canBack.get()) {
            leaveStep();
            enter(step.get() - 1);
        }
    }

    /** Goes to a step of the open lesson (0-based, clamped). */
    public void goTo(int index) {
        Lesson l = lesson.get();
        if (l != null) {
            leaveStep();
            enter(Math.max(0, Math.min(l.steps().size() - 1, index)));
        }
    }

    private void leaveStep() {
        generation++;
        if (stepStartedRun && host.runActive()) {
            host.stopRun();
        }
        stepStartedRun = false;
    }

    private void enter(int index) {
        int gen = ++generation;
        LessonStep s = lesson.get().steps().get(index);
        step.set(index);
        counter.set("Step " + (index + 1) + " of " + lesson.get().steps().size());
        clearStepTexts();
        choice.set(picks.getOrDefault(index, -1));
        runLabel.set(s.trains() ? "Train" : s.runActions().isEmpty() ? "Show the answer" : "Run");
        phase.set(Phase.RUNNING);
        boolean moves = s.setupActions().stream().anyMatch(a -> a instanceof StepAction.SetControls);
        CompletableFuture<Void> ready = moves && host.runActive() ? host.stopRun()
                : CompletableFuture.completedFuture(null);
        for (StepAction a : s.setupActions()) {
            ready = ready.thenCompose(v -> host.perform(a));
        }
        ready.whenComplete((v, error) -> {
            if (gen != generation) {
                return;
            }
            if (error != null) {
                problem.set(message(error));
            }
            if (s.prediction().isEmpty() && s.runActions().isEmpty()) {
                finish(s, index);
            } else {
                phase.set(Phase.READY);
            }
        });
    }

    private void clearStepTexts() {
        observation.set("");
        answer.set("");
        problem.set("");
        timing.set("");
    }

    // ---- the rhythm of a step ----

    /** The student's prediction (index of the choice); may change until Run. */
    public void choose(int index) {
        Optional<Prediction> p = current().flatMap(LessonStep::prediction);
        if (phase.get() == Phase.READY && p.isPresent() && index >= 0 && index < p.get().choices().size()) {
            choice.set(index);
        }
    }

    /** Runs the step's actions after the prediction; the observation follows when they have finished. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        int gen = generation;
        int index = step.get();
        LessonStep s = lesson.get().steps().get(index);
        if (choice.get() >= 0) {
            picks.put(index, choice.get());
        }
        phase.set(Phase.RUNNING);
        problem.set("");
        long started = clock.getAsLong();
        CompletableFuture<Void> done = s.trains() && host.runActive() ? host.stopRun()
                : CompletableFuture.completedFuture(null);
        for (StepAction a : s.runActions()) {
            done = done.thenCompose(v -> {
                if (a instanceof StepAction.Train && gen == generation) {
                    stepStartedRun = true;
                }
                return host.perform(a);
            });
        }
        done.whenComplete((v, error) -> {
            if (gen != generation) {
                return;
            }
            stepStartedRun = false;
            if (error != null) {
                problem.set(message(error));
            }
            double took = (clock.getAsLong() - started) / 1e9;
            seconds.put(index, took);
            timing.set(String.format(Locale.ROOT, took < 10 ? "Result after %.1f s" : "Result after %.0f s", took));
            finish(s, index);
        });
    }

    private void finish(LessonStep s, int index) {
        observation.set(s.observe() == null ? "" : s.observe());
        s.prediction().ifPresent(p -> {
            Integer pick = picks.get(index);
            String yours = pick == null ? "You did not predict." : "You predicted: " + p.choices().get(pick) + ".";
            if (p.hasAnswer()) {
                boolean right = pick != null && pick == p.answer();
                answer.set(yours + " Expected: " + p.choices().get(p.answer()) + "." + (right ? " Well done!" : ""));
            } else {
                answer.set(yours);
            }
        });
        phase.set(Phase.DONE);
    }

    private static String message(Throwable error) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    // ---- for the view ----

    public Optional<LessonStep> current() {
        Lesson l = lesson.get();
        int i = step.get();
        return l == null || i < 0 || i >= l.steps().size() ? Optional.empty() : Optional.of(l.steps().get(i));
    }

    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson;
    }

    public ReadOnlyIntegerProperty stepProperty() {
        return step;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** The student's pick for this step, -1 for none yet. */
    public ReadOnlyIntegerProperty choiceProperty() {
        return choice;
    }

    /** "Step 2 of 4". */
    public ReadOnlyStringProperty counterProperty() {
        return counter;
    }

    /** What to look at, once the step's actions have finished. */
    public ReadOnlyStringProperty observationProperty() {
        return observation;
    }

    /** The student's pick beside the expected answer, once the step's actions have finished. */
    public ReadOnlyStringProperty answerProperty() {
        return answer;
    }

    /** Why an action could not be done (e.g. a shipped folder missing), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** How long the step took to show its result. */
    public ReadOnlyStringProperty timingProperty() {
        return timing;
    }

    /** "Train", "Run" or "Show the answer". */
    public ReadOnlyStringProperty runLabelProperty() {
        return runLabel;
    }

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    /** Seconds from Run to result for the steps run so far, by step index. */
    public Map<Integer, Double> stepSeconds() {
        return Map.copyOf(seconds);
    }

    /** The student's picks so far, by step index. */
    public Map<Integer, Integer> picks() {
        return Map.copyOf(picks);
    }

    /** The choices of the current step's prediction (empty if it asks none). */
    public List<String> choices() {
        return current().flatMap(LessonStep::prediction).map(Prediction::choices).orElse(List.of());
    }
}
