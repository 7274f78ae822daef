package org.edgeofchaos.explorer.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * The hyperparameter panel: a slider and a value field per setting (with the reason a typed value was refused
 * right under it), the live derived quantities, presets and the run buttons. Thin: every decision is in
 * {@link ControlsViewModel}; the run buttons call the actions given to {@link #setRunActions}.
 */
public final class ControlsView extends VBox {
    private final ControlsViewModel model;
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button stop = new Button("Stop");
    private final Button reset = new Button("Reset");
    private final MenuButton presets = new MenuButton("Presets");
    private final java.util.List<Group> groups = new java.util.ArrayList<>();

    /**
     * A part of the panel that presentation mode can hide: a stable id, a plain name and its nodes.
     *
     * @param id e.g. {@code setting-learningRate}, {@code run-buttons}
     */
    public record Group(String id, String name, java.util.List<javafx.scene.Node> nodes) {
        public Group {
            nodes = java.util.List.copyOf(nodes);
        }
    }

    public ControlsView(ControlsViewModel model) {
        this.model = model;
        getStyleClass().add("controls-panel");
        setSpacing(6);
        setPadding(new Insets(10));

        for (Preset p : Preset.values()) {
            MenuItem item = new MenuItem(p.title());
            item.setId("preset-" + p.name());
            item.setOnAction(e -> model.apply(p));
            presets.getItems().add(item);
        }
        presets.setId("presets");
        presets.setTooltip(new Tooltip("Paper defaults · Fast classroom demo (14×14, 6,000 images) · "
                + "Strong weight decay · Chaotic start"));
        presets.disableProperty().bind(model.runningProperty());
        presets.setMaxWidth(Double.MAX_VALUE);

        GridPane training = grid();
        int row = 0;
        for (NumericSetting s : model.trainingSettings()) {
            row = addRow(training, row, s, true);
        }
        Label scaled = new Label();
        scaled.setId("scaled-rate");
        scaled.textProperty().bind(model.scaledRateTextProperty());
        scaled.getStyleClass().add("derived");
        Label edge = new Label();
        edge.setId("edge-prediction");
        edge.textProperty().bind(model.edgeTextProperty());
        edge.setWrapText(true);
        edge.getStyleClass().add("derived");
        // Room for three lines whatever the prediction says, so the rows below do not jump as it changes.
        edge.setMinHeight(50);
        edge.setPrefHeight(50);
        edge.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Label wdHint = new Label();
        wdHint.textProperty().bind(model.weightDecayHintProperty());
        wdHint.setWrapText(true);
        wdHint.getStyleClass().add("hint");
        wdHint.setMinHeight(30);
        wdHint.setPrefHeight(30);
        wdHint.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Tooltip.install(edge, new Tooltip("Scaling law (science.md §4): J² grows by k·η/((1−α)B) per epoch,\n"
                + "k measured by our own runs: ≈ 11.3·S/60000 at 28×28, ≈ 78·S/60000 at 14×14, a little more when the\n"
                + "edge is near (the first epoch's jump of J²); e* solves (1 − J(0)²) = k(e*)·e*·η/((1−α)B).\n"
                + "Weight decay shrinks J² by 4ηλS/((1−α)B)·J² per epoch."));

        GridPane setup = grid();
        row = 0;
        for (NumericSetting s : model.setupSettings()) {
            row = addRow(setup, row, s, !"seed".equals(s.id()));
        }
        ComboBox<Integer> resolution = new ComboBox<>();
        resolution.setId("resolution");
        resolution.getItems().setAll(ControlsViewModel.RESOLUTIONS);
        resolution.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v + " × " + v + (v == 14 ? "  (196 inputs)" : "  (784 inputs)");
            }

            @Override
            public Integer fromString(String s) {
                return s.startsWith("14") ? 14 : 28;
            }
        });
        resolution.setValue(model.resolutionProperty().get());
        resolution.valueProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.setResolution(n);
            }
        });
        model.resolutionProperty().addListener((obs, o, n) -> resolution.setValue(n.intValue()));
        resolution.disableProperty().bind(model.runningProperty());
        resolution.setTooltip(new Tooltip("Input resolution: 28×28 as in the paper, or 14×14 (4× fewer inputs, "
                + "about 16× faster)."));
        Label resolutionLabel = new Label("Resolution");
        followFontSize(resolutionLabel, edge, wdHint);
        setup.add(resolutionLabel, 0, row);
        setup.add(resolution, 1, row, 2, 1);

        start.setId("start");
        pause.setId("pause");
        stop.setId("stop");
        reset.setId("reset");
        start.setTooltip(new Tooltip("Start a run with these settings (Ctrl+Enter)"));
        pause.setTooltip(new Tooltip("Pause or resume the run (Space or Ctrl+P)"));
        stop.setTooltip(new Tooltip("Stop the run after the current mini-batch; finished epochs are kept (Esc)"));
        reset.setTooltip(new Tooltip("Stop and clear the live charts (Ctrl+R)"));
        start.getStyleClass().add("accent");
        for (Button b : new Button[] {start, pause, stop, reset}) {
            b.setFocusTraversable(false);
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        HBox buttons = new HBox(6, start, pause, stop, reset);
        buttons.setAlignment(Pos.CENTER);

        getChildren().addAll(buttons, presets, section("Training — may change during a run"),
                explained(org.edgeofchaos.explorer.ui.common.Explanation.TRAINING_CONTROLS), training, scaled,
                edge, wdHint, new Separator(), section("Setup — fixed for a run"),
                explained(org.edgeofchaos.explorer.ui.common.Explanation.SETUP_CONTROLS), setup);
        groups.add(0, new Group("run-buttons", "Start, Pause, Stop and Reset buttons", java.util.List.of(buttons)));
        groups.add(1, new Group("presets", "Presets button", java.util.List.of(presets)));
        groups.add(2, new Group("derived", "derived values (η/((1−α)B), edge prediction, weight-decay hint)",
                java.util.List.of(scaled, edge, wdHint)));
        groups.add(new Group("resolution", "Resolution", java.util.List.of(resolutionLabel, resolution)));
    }

    /** The parts of the panel presentation mode can hide, in panel order. */
    public java.util.List<Group> groups() {
        return java.util.List.copyOf(groups);
    }

    /**
     * Wires the run buttons.
     *
     * @param active true from Start until the run's task ends
     * @param paused true while the run is paused
     */
    public void setRunActions(Runnable onStart, Runnable onPause, Runnable onStop, Runnable onReset,
            javafx.beans.value.ObservableBooleanValue active, javafx.beans.value.ObservableBooleanValue paused) {
        start.setOnAction(e -> onStart.run());
        pause.setOnAction(e -> onPause.run());
        stop.setOnAction(e -> onStop.run());
        reset.setOnAction(e -> onReset.run());
        start.disableProperty().bind(Bindings.createBooleanBinding(active::get, active));
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> !active.get(), active));
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !active.get(), active));
        pause.textProperty().bind(Bindings.createStringBinding(() -> paused.get() ? "Resume" : "Pause", paused));
    }

    private static org.edgeofchaos.explorer.ui.common.ExplanationBar explained(
            org.edgeofchaos.explorer.ui.common.Explanation e) {
        org.edgeofchaos.explorer.ui.common.ExplanationBar bar = new org.edgeofchaos.explorer.ui.common.ExplanationBar(e);
        bar.setPadding(javafx.geometry.Insets.EMPTY);
        return bar;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private final java.util.List<ColumnConstraints> labelColumns = new java.util.ArrayList<>();
    private final java.util.List<ColumnConstraints> fieldColumns = new java.util.ArrayList<>();

    private GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(1);
        ColumnConstraints label = new ColumnConstraints(112);
        ColumnConstraints slider = new ColumnConstraints(90, 160, Double.MAX_VALUE);
        slider.setHgrow(Priority.ALWAYS);
        ColumnConstraints field = new ColumnConstraints(72);
        g.getColumnConstraints().addAll(label, slider, field);
        labelColumns.add(label);
        fieldColumns.add(field);
        return g;
    }

    /**
     * The label and value columns are sized for the desk's 12 px text; with larger text (presentation mode) they
     * grow in proportion, the same in both sections so the sliders stay aligned.
     */
    private void followFontSize(Label probe, Label edge, Label hint) {
        probe.fontProperty().addListener((obs, o, n) -> {
            double k = Math.max(1, n.getSize() / 12);
            // room for three lines of the prediction and two of the hint, whatever the text size
            edge.setMinHeight(50 * k);
            edge.setPrefHeight(50 * k);
            hint.setMinHeight(k > 1 ? 45 * k : 30); // three lines when the panel is relatively narrower
            hint.setPrefHeight(k > 1 ? 45 * k : 30);
            for (ColumnConstraints c : labelColumns) {
                c.setMinWidth(112 * k);
                c.setPrefWidth(112 * k);
                c.setMaxWidth(112 * k);
            }
            for (ColumnConstraints c : fieldColumns) {
                c.setMinWidth(72 * k);
                c.setPrefWidth(72 * k);
                c.setMaxWidth(72 * k);
            }
        });
    }

    private final org.controlsfx.validation.ValidationSupport validation =
            new org.controlsfx.validation.ValidationSupport();

    private int addRow(GridPane grid, int row, NumericSetting s, boolean withSlider) {
        Label label = new Label(s.label());
        label.setTooltip(new Tooltip(s.help()));
        TextField field = new TextField(s.textProperty().get());
        field.setId(s.id() + "-field");
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip(s.help() + "\n" + s.rangeText() + ". Type a value and press Enter."));
        s.textProperty().addListener((obs, o, n) -> field.setText(n));
        field.setOnAction(e -> {
            s.submit(field.getText());
            field.setText(s.textProperty().get());
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !field.getText().equals(s.textProperty().get())) {
                s.submit(field.getText());
                field.setText(s.textProperty().get());
            }
        });
        field.disableProperty().bind(s.editableProperty().not());
        Label error = new Label();
        error.setId(s.id() + "-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(s.errorProperty());
        error.setWrapText(true);
        error.managedProperty().bind(s.errorProperty().isNotEmpty());
        error.visibleProperty().bind(s.errorProperty().isNotEmpty());
        // ControlsFX decoration on the field, from the same refusal the label shows
        validation.registerValidator(field, false, (javafx.scene.control.Control c, String text) ->
                org.controlsfx.validation.ValidationResult.fromErrorIf(c, s.errorProperty().get(),
                        !s.errorProperty().get().isEmpty()));
        s.errorProperty().addListener((obs, o, n) -> {
            validation.revalidate();
            if (n.isEmpty()) {
                field.getStyleClass().remove("invalid");
            } else if (!field.getStyleClass().contains("invalid")) {
                field.getStyleClass().add("invalid");
            }
        });
        grid.add(label, 0, row);
        grid.add(field, 2, row);
        java.util.List<javafx.scene.Node> nodes = new java.util.ArrayList<>(java.util.List.of(label, field));
        if (withSlider) {
            Slider slider = slider(s);
            grid.add(slider, 1, row);
            nodes.add(slider);
        }
        groups.add(new Group("setting-" + s.id(), s.label(), nodes));
        grid.add(error, 0, row + 1, 3, 1);
        return row + 2;
    }

    private Slider slider(NumericSetting s) {
        Slider slider = new Slider(s.sliderMin(), s.sliderMax(), s.position());
        slider.setId(s.id() + "-slider");
        slider.setTooltip(new Tooltip(s.help()));
        slider.disableProperty().bind(s.editableProperty().not());
        boolean[] updating = {false};
        switch (s.scale()) {
            case POWER_OF_TWO -> {
                slider.setMajorTickUnit(1);
                slider.setMinorTickCount(0);
                slider.setSnapToTicks(true);
                slider.setShowTickMarks(true);
                slider.setBlockIncrement(1);
            }
            case LOG, LOG_WITH_ZERO, LOG_INTEGER -> {
                slider.setMajorTickUnit(1);
                slider.setMinorTickCount(0);
                slider.setShowTickMarks(true);
                slider.setBlockIncrement(0.1);
            }
            default -> slider.setBlockIncrement((s.max() - s.min()) / 50);
        }
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double p) {
                return switch (s.scale()) {
                    case POWER_OF_TWO -> Integer.toString((int) Math.round(Math.pow(2, p)));
                    case LOG, LOG_INTEGER -> Formats.number(Math.pow(10, p));
                    case LOG_WITH_ZERO -> p <= s.sliderMin() + 0.01 ? "0" : Formats.number(Math.pow(10, p));
                    default -> Formats.number(p);
                };
            }

            @Override
            public Double fromString(String t) {
                return 0.0;
            }
        });
        slider.valueProperty().addListener((obs, o, n) -> {
            if (!updating[0]) {
                updating[0] = true;
                try {
                    s.setFromPosition(n.doubleValue());
                } finally {
                    updating[0] = false;
                }
            }
        });
        s.valueProperty().addListener((obs, o, n) -> {
            if (!updating[0]) {
                updating[0] = true;
                try {
                    slider.setValue(s.position());
                } finally {
                    updating[0] = false;
                }
            }
        });
        slider.valueChangingProperty().addListener((obs, o, n) -> model.setAdjusting(n));
        return slider;
    }
}
