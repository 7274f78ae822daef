package org.edgeofchaos.explorer.ui.phase;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The inspector of one cell: its numbers, the separation of two nearby trajectories against time (log scale) and
 * the return map of the mean activity, with "Train from here", export and close buttons.
 */
public final class CellInspectorView extends VBox {
    private final CellInspectorViewModel model;
    private final MiniPlot separation = new MiniPlot();
    private final MiniPlot returnMap = new MiniPlot();
    private final Button exportButton = new Button("Export PNG…");
    private final Button closeButton = new Button("✕");

    public CellInspectorView(CellInspectorViewModel model) {
        this(model, true);
    }

    /** @param interactive false for an exported image (no buttons) */
    public CellInspectorView(CellInspectorViewModel model, boolean interactive) {
        super(6);
        this.model = model;
        setId("cell-inspector");
        getStyleClass().add("cell-inspector");
        setPadding(new Insets(8));
        setStyle("-fx-background-color: -color-bg-default;");
        setPrefWidth(360);
        if (!interactive) {
            // a file: light like paper, whatever the window's theme
            separation.setLight(true);
            returnMap.setLight(true);
        }

        Label title = new Label();
        title.setId("inspector-title");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        closeButton.setId("inspector-close");
        closeButton.setTooltip(new Tooltip("Close the inspector"));
        HBox header = interactive ? new HBox(6, title, spacer, closeButton) : new HBox(6, title);

        GridPane numbers = new GridPane();
        numbers.setHgap(8);
        numbers.setVgap(3);
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        numbers.getColumnConstraints().addAll(keys, values);
        row(numbers, 0, "Couplings", "inspector-couplings", model.couplingsTextProperty());
        row(numbers, 1, "λmax (map)", "inspector-lambda", model.lambdaTextProperty());
        row(numbers, 2, "Distance (map)", "inspector-distance", model.distanceTextProperty());
        row(numbers, 3, "Mean field", "inspector-mean-field", model.meanFieldTextProperty());
        row(numbers, 4, "Dynamics", "inspector-dynamics", model.dynamicsTextProperty());

        separation.setLabels("Separation of two nearby trajectories", "step t", "‖x_t − x′_t‖");
        returnMap.setLabels("Return map of the mean activity", "m_t", "m_t+1");
        separation.setId("inspector-separation");
        returnMap.setId("inspector-return-map");
        model.separationProperty().addListener((obs, o, n) -> update());
        model.meanActivityProperty().addListener((obs, o, n) -> update());
        update();

        getChildren().addAll(header, numbers, separation, returnMap);
        VBox.setVgrow(separation, Priority.ALWAYS);
        VBox.setVgrow(returnMap, Priority.ALWAYS);
        if (interactive) {
            Button train = new Button("Train from here");
            train.setId("inspector-train");
            train.getStyleClass().add("accent");
            train.setTooltip(new Tooltip("Start a run whose hidden weights start at this cell's J and J0, "
                    + "with the panel's other settings"));
            train.setOnAction(e -> model.trainFromHere());
            exportButton.setId("inspector-export");
            getChildren().add(new HBox(8, train, exportButton));
        }
    }

    private void update() {
        double[] sep = model.separationProperty().get();
        double[] m = model.meanActivityProperty().get();
        if (sep == null || m == null) {
            separation.clear("computing…");
            returnMap.clear("computing…");
            return;
        }
        separation.showSeries(sep, true);
        double[] x = new double[m.length - 1];
        double[] y = new double[m.length - 1];
        for (int t = 0; t + 1 < m.length; t++) {
            x[t] = m[t];
            y[t] = m[t + 1];
        }
        returnMap.showScatter(x, y);
    }

    private static void row(GridPane grid, int row, String name, String id,
            javafx.beans.value.ObservableValue<String> value) {
        Label key = new Label(name);
        key.getStyleClass().add("hint");
        Label text = new Label();
        text.setId(id);
        text.setWrapText(true);
        text.textProperty().bind(value);
        // wraps within the inspector's width and grows in height instead of ending in "..."
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(key, 0, row);
        grid.add(text, 1, row);
    }

    public CellInspectorViewModel model() {
        return model;
    }

    public Button exportButton() {
        return exportButton;
    }

    public Button closeButton() {
        return closeButton;
    }

    /** Draws the plots now (offscreen export). */
    void drawNow() {
        separation.drawNow();
        returnMap.drawNow();
    }
}
