package org.edgeofchaos.explorer.ui.lessons;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.lessons.Lesson;
import org.edgeofchaos.explorer.lessons.LessonStep;

/**
 * The lesson panel, docked at the right of the window in place of the saved runs while it is open: the list of
 * lessons, or the current step (its text, the prediction's choices, Run, and after the run what to look at), with
 * Back and Next. Thin: every decision is in {@link LessonViewModel}.
 */
public final class LessonPanel extends VBox {
    private final LessonViewModel model;
    private final Runnable chooseFile;
    private final VBox list = new VBox(8);
    private final VBox stepBox = new VBox(8);
    private final Label heading = new Label();
    private final Label stepTitle = new Label();
    private final Label stepText = new Label();
    private final Label question = new Label();
    private final VBox choices = new VBox(4);
    private final ToggleGroup choiceGroup = new ToggleGroup();
    private final VBox result = new VBox(6);

    /**
     * @param chooseFile asks for a lesson file and opens it (the window's file chooser)
     * @param onClose    hides the panel
     */
    public LessonPanel(LessonViewModel model, Runnable chooseFile, Runnable onClose) {
        this.model = model;
        this.chooseFile = chooseFile;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(6);
        setPadding(new Insets(10));
        setMinWidth(240);
        setPrefWidth(320);

        heading.getStyleClass().add("lesson-heading");
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(heading, Priority.ALWAYS);
        Button close = new Button("×");
        close.setId("lesson-close");
        close.setTooltip(new Tooltip("Hide the lesson panel (the lesson stays where it is: Lessons > Show lesson "
                + "panel)"));
        close.setFocusTraversable(false);
        close.setOnAction(e -> onClose.run());
        HBox top = new HBox(6, heading, close);
        top.setAlignment(Pos.TOP_LEFT);

        // The list of built-in lessons when the panel first joins a window: reading them is not start-up work.
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                    javafx.scene.Scene was, javafx.scene.Scene now) {
                if (now != null) {
                    sceneProperty().removeListener(this);
                    buildList();
                }
            }
        });
        buildStep();
        ScrollPane scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(top, new Separator(), scroll);

        Runnable refresh = () -> {
            Lesson lesson = model.lessonProperty().get();
            heading.setText(lesson == null ? "Lessons" : lesson.title());
            scroll.setContent(lesson == null ? list : stepBox);
            showStep();
        };
        model.lessonProperty().addListener((o, a, b) -> refresh.run());
        model.stepProperty().addListener((o, a, b) -> showStep());
        refresh.run();
    }

    private void buildList() {
        Label intro = new Label("Short guided lessons. Each step sets the sliders and the view, asks you to predict "
                + "what will happen, runs it (always under a minute), and then says what to look at.");
        intro.setWrapText(true);
        intro.getStyleClass().add("hint");
        list.getChildren().add(intro);
        for (Lesson lesson : model.builtinLessons()) {
            Button open = new Button(lesson.title());
            open.setId("lesson-open-" + lesson.id());
            open.setWrapText(true);
            open.setMaxWidth(Double.MAX_VALUE);
            open.setAlignment(Pos.CENTER_LEFT);
            open.setOnAction(e -> model.openBuiltin(lesson.id()));
            Label summary = new Label(lesson.summary() + (lesson.minutes() > 0 ? " About " + lesson.minutes()
                    + " minutes." : ""));
            summary.setWrapText(true);
            summary.getStyleClass().add("hint");
            list.getChildren().add(new VBox(2, open, summary));
        }
        Button file = new Button("Open lesson file…");
        file.setId("lesson-open-file");
        file.setTooltip(new Tooltip("A lesson written as a JSON file (see docs/lessons-format.md)"));
        file.setOnAction(e -> chooseFile.run());
        list.getChildren().addAll(new Separator(), file);
    }

    private void buildStep() {
        Label counter = new Label();
        counter.setId("lesson-counter");
        counter.getStyleClass().add("hint");
        counter.textProperty().bind(model.counterProperty());
        stepTitle.setId("lesson-step-title");
        stepTitle.getStyleClass().add("section-title");
        stepTitle.setWrapText(true);
        stepText.setId("lesson-step-text");
        stepText.setWrapText(true);
        question.setId("lesson-question");
        question.setWrapText(true);
        question.getStyleClass().add("lesson-question");

        Button run = new Button();
        run.setId("lesson-run");
        run.getStyleClass().add("accent");
        run.textProperty().bind(model.runLabelProperty());
        run.disableProperty().bind(model.canRunProperty().not());
        run.setOnAction(e -> model.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(Bindings.equal(model.phaseProperty(), LessonViewModel.Phase.RUNNING));
        Label waiting = new Label();
        waiting.getStyleClass().add("hint");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> model.phaseProperty().get()
                == LessonViewModel.Phase.RUNNING ? (model.current().map(LessonStep::trains).orElse(false)
                        ? "Training… watch the charts" : "Working…") : "", model.phaseProperty()));
        HBox runRow = new HBox(8, run, busy, waiting);
        runRow.setAlignment(Pos.CENTER_LEFT);

        Label answer = new Label();
        answer.setId("lesson-answer");
        answer.setWrapText(true);
        answer.getStyleClass().add("derived");
        answer.textProperty().bind(model.answerProperty());
        Label observe = new Label();
        observe.setId("lesson-observe");
        observe.setWrapText(true);
        observe.textProperty().bind(model.observationProperty());
        Label timing = new Label();
        timing.setId("lesson-timing");
        timing.getStyleClass().add("hint");
        timing.textProperty().bind(model.timingProperty());
        Label look = new Label("What to look at");
        look.getStyleClass().add("section-title");
        result.getChildren().addAll(look, answer, observe, timing);
        result.getStyleClass().add("lesson-result");
        result.visibleProperty().bind(Bindings.equal(model.phaseProperty(), LessonViewModel.Phase.DONE)
                .and(model.observationProperty().isNotEmpty().or(model.answerProperty().isNotEmpty())));
        result.managedProperty().bind(result.visibleProperty());

        Label problem = new Label();
        problem.setId("lesson-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button back = new Button("◀ Back");
        back.setId("lesson-back");
        back.disableProperty().bind(model.canBackProperty().not());
        back.setOnAction(e -> model.back());
        Button next = new Button("Next ▶");
        next.setId("lesson-next");
        next.disableProperty().bind(model.canNextProperty().not());
        next.setOnAction(e -> model.next());
        Button all = new Button("All lessons");
        all.setId("lesson-list");
        all.setOnAction(e -> model.closeLesson());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(6, back, next, spacer, all);
        nav.setAlignment(Pos.CENTER_LEFT);

        choices.visibleProperty().bind(question.textProperty().isNotEmpty());
        choices.managedProperty().bind(choices.visibleProperty());
        question.visibleProperty().bind(question.textProperty().isNotEmpty());
        question.managedProperty().bind(question.visibleProperty());
        stepBox.getChildren().addAll(counter, stepTitle, stepText, question, choices, runRow, problem, result,
                new Separator(), nav);
        choiceGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.choose((Integer) b.getUserData());
            }
        });
        model.choiceProperty().addListener((o, a, b) -> selectChoice(b.intValue()));
        model.phaseProperty().addListener((o, a, b) -> choices.setDisable(b != LessonViewModel.Phase.READY));
    }

    private void showStep() {
        LessonStep step = model.current().orElse(null);
        choices.getChildren().clear();
        choiceGroup.getToggles().clear();
        if (step == null) {
            stepTitle.setText("");
            stepText.setText("");
            question.setText("");
            return;
        }
        stepTitle.setText(step.title());
        stepText.setText(step.text());
        question.setText(step.prediction().map(p -> "Predict: " + p.question()).orElse(""));
        List<String> texts = model.choices();
        for (int i = 0; i < texts.size(); i++) {
            RadioButton r = new RadioButton(texts.get(i));
            r.setId("lesson-choice-" + i);
            r.setWrapText(true);
            r.setUserData(i);
            r.setToggleGroup(choiceGroup);
            choices.getChildren().add(r);
        }
        selectChoice(model.choiceProperty().get());
        choices.setDisable(model.phaseProperty().get() != LessonViewModel.Phase.READY);
    }

    private void selectChoice(int index) {
        if (index >= 0 && index < choiceGroup.getToggles().size()) {
            choiceGroup.selectToggle(choiceGroup.getToggles().get(index));
        } else {
            choiceGroup.selectToggle(null);
        }
    }

    /** For the window: a supplier-free way to reach the model in tests. */
    public LessonViewModel model() {
        return model;
    }

}
