package org.edgeofchaos.explorer.ui.runs;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.experiment.RunRecord;

/**
 * The list of saved runs. Select one to see its curves, Ctrl+click a second to overlay it; unreadable files are
 * greyed with the reason in the tooltip.
 */
public final class RunHistoryView extends VBox {
    private final ListView<RunListItem> list = new ListView<>();

    /** @param useSettings receives a run whose settings the user wants in the controls panel */
    /**
     * @param useSettings puts a run's settings into the panel
     * @param continueRun continues a stopped or interrupted run (extends a finished one) from its checkpoint
     */
    public RunHistoryView(RunHistoryViewModel model, java.util.function.Consumer<RunRecord> useSettings,
            java.util.function.BiConsumer<RunRecord, java.nio.file.Path> continueRun) {
        getStyleClass().add("history-panel");
        setSpacing(4);
        setPadding(new Insets(6));
        Label title = new Label("Saved runs");
        title.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("↻");
        refresh.setTooltip(new Tooltip("Refresh the list (F5)"));
        refresh.setOnAction(e -> model.refresh());
        HBox header = new HBox(6, title, spacer, summary, refresh);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        list.setId("history-list");
        list.setItems(model.items());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label("No saved runs yet.\nEvery run is saved as it goes."));
        list.setCellFactory(v -> new RunCell());
        list.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<RunListItem>) c -> {
                    if (!reflecting) {
                        model.select(selected());
                    }
                });
        // Runs shown by other means (a session, a refresh of the rows) are selected in the list as well.
        model.selectedFilesProperty().addListener((obs, o, n) -> reflect(model));
        model.items().addListener((javafx.collections.ListChangeListener<RunListItem>) c -> reflect(model));
        Tooltip.install(list, new Tooltip("Click a run to see its curves; Ctrl+click more runs to overlay them "
                + "(A, B, C, ...)."));

        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(e -> model.delete(selected()));
        MenuItem use = new MenuItem("Use these settings");
        use.setOnAction(e -> selected().stream().filter(i -> !i.corrupt()).findFirst()
                .ifPresent(i -> useSettings.accept(i.run())));
        MenuItem reload = new MenuItem("Refresh");
        reload.setOnAction(e -> model.refresh());
        MenuItem resume = new MenuItem("Continue this run");
        resume.setId("history-continue");
        resume.setOnAction(e -> selected().stream().filter(i -> !i.corrupt()).findFirst()
                .ifPresent(i -> continueRun.accept(i.run(), i.file())));
        ContextMenu menu = new ContextMenu(resume, use, delete, reload);
        menu.setOnShowing(e -> {
            RunListItem first = selected().stream().filter(i -> !i.corrupt()).findFirst().orElse(null);
            resume.setDisable(first == null || !first.canContinue());
            resume.setText(first == null ? "Continue this run" : first.continueLabel());
        });
        list.setContextMenu(menu);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.delete(selected());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label hint = new Label("Ctrl+click to overlay runs · Delete deletes");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        getChildren().addAll(header, list, hint);
    }

    private boolean reflecting;

    private void reflect(RunHistoryViewModel model) {
        List<java.nio.file.Path> files = model.selectedFilesProperty().get().stream()
                .map(p -> p.toAbsolutePath().normalize()).toList();
        List<java.nio.file.Path> shown = selected().stream().map(i -> i.file().toAbsolutePath().normalize()).toList();
        if (files.equals(shown) && !model.replacingItems()) {
            return;
        }
        reflecting = true;
        try {
            list.getSelectionModel().clearSelection();
            for (int i = 0; i < list.getItems().size(); i++) {
                if (files.contains(list.getItems().get(i).file().toAbsolutePath().normalize())) {
                    list.getSelectionModel().select(i);
                }
            }
        } finally {
            reflecting = false;
        }
    }

    private List<RunListItem> selected() {
        return List.copyOf(list.getSelectionModel().getSelectedItems());
    }

    public ListView<RunListItem> list() {
        return list;
    }

    /** The live run whose last save failed (its row is marked), or null. */
    private String notSavedId;

    /** Marks the row of the run whose saves fail (null: none). */
    public void markNotSaved(String runId) {
        notSavedId = runId;
        list.refresh();
    }

    /**
     * A row: when, state and accuracy over the hyperparameters. Its labels are made once, when the cell first shows a
     * run, and then only their text changes with the row's run. Why: the history is re-read every few seconds while a
     * run trains; new labels, box and tooltip on every update meant styling and laying out new nodes on the FX thread
     * each time. And when the number of rows changes, the list makes a cell for every row its height could show (19
     * at 1366x768, measured), nearly all of them empty: an empty cell makes nothing.
     */
    private final class RunCell extends ListCell<RunListItem> {
        /**
         * The height of an empty cell. Why: a list fills the space below its last row with empty cells of that
         * height; at a row's height that was 18 cells at 1366x768, each made, styled and laid out when the first
         * run appeared after its first epoch (the list's CSS and layout: 27 ms with them, 20 ms without, warm). An
         * empty cell draws nothing, so one tall one looks the same.
         */
        private static final double EMPTY_FILLER_HEIGHT = 4000;

        private Label first;
        private Label second;
        private VBox box;
        private Tooltip tooltip;

        RunCell() {
            setPrefWidth(0);
        }

        private void build() {
            first = new Label();
            second = new Label();
            first.getStyleClass().add("run-title");
            second.getStyleClass().add("run-details");
            // Wrap to the list's width instead of running off its right edge.
            for (Label l : List.of(first, second)) {
                l.setWrapText(true);
                l.prefWidthProperty().bind(list.widthProperty().subtract(28));
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            box = new VBox(1, first, second);
            tooltip = new Tooltip();
        }

        @Override
        protected void updateItem(RunListItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("corrupt-run");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                // One empty cell as tall as the screen fills the list below its rows, instead of one per row height
                setPrefHeight(EMPTY_FILLER_HEIGHT);
                return;
            }
            setPrefHeight(USE_COMPUTED_SIZE);
            if (box == null) {
                build();
            }
            boolean notSaved = !item.corrupt() && item.run().id().equals(notSavedId);
            first.setText(item.title() + (notSaved ? "  ·  NOT SAVED" : ""));
            second.setText(item.details());
            setGraphic(box);
            setText(null);
            tooltip.setText(item.tooltip());
            setTooltip(tooltip);
            if (item.corrupt()) {
                getStyleClass().add("corrupt-run");
            }
        }
    }
}
