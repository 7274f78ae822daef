package org.edgeofchaos.explorer.ui.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.SpecChart;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;

/**
 * The three charts (loss, accuracy, dynamics) with the x-axis switch. Click a chart to select it for Ctrl+E; each
 * has a context menu for PNG and CSV export.
 */
public final class LiveChartsView extends VBox {
    private final Map<String, SpecChart> charts = new LinkedHashMap<>();
    private final Map<String, StackPane> cards = new LinkedHashMap<>();
    private final ChartsViewModel model;

    /**
     * @param exportPng receives the key of a chart to export as PNG
     * @param exportCsv receives the key of a chart to export as CSV
     */
    public LiveChartsView(ChartsViewModel model, Consumer<String> exportPng, Consumer<String> exportCsv) {
        this.model = model;
        getStyleClass().add("charts-panel");
        // Focusable, so that Space (pause/resume) works after clicking a chart or starting a run.
        setFocusTraversable(true);
        setSpacing(4);
        setPadding(new Insets(6));

        ToggleGroup axis = new ToggleGroup();
        ToggleButton epochs = new ToggleButton(XAxisMode.EPOCHS.title());
        epochs.setId("axis-epochs");
        ToggleButton scaled = new ToggleButton(XAxisMode.SCALED_TIME.title());
        scaled.setId("axis-scaled");
        scaled.setTooltip(new Tooltip("x = epoch · η/((1−α)B), integrated over changes: runs with different "
                + "settings collapse onto one curve in the ordered phase (Ctrl+2)"));
        epochs.setTooltip(new Tooltip("x = epochs (Ctrl+1)"));
        epochs.setToggleGroup(axis);
        scaled.setToggleGroup(axis);
        Runnable syncAxis = () -> axis.selectToggle(model.xAxisModeProperty().get() == XAxisMode.EPOCHS ? epochs
                : scaled);
        syncAxis.run();
        model.xAxisModeProperty().addListener((obs, o, n) -> syncAxis.run());
        axis.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                syncAxis.run();
            } else {
                model.xAxisModeProperty().set(n == epochs ? XAxisMode.EPOCHS : XAxisMode.SCALED_TIME);
            }
        });
        Label source = new Label();
        source.setId("chart-source");
        source.textProperty().bind(model.sourceTextProperty());
        source.getStyleClass().add("chart-source");
        Button live = new Button("Show live run");
        live.setId("show-live");
        live.setOnAction(e -> model.showLive());
        live.visibleProperty().bind(model.sourceTextProperty().isNotEqualTo("Live run"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, new Label("x axis:"), epochs, scaled, spacer, source, live);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(bar);

        for (String key : RunCharts.KEYS) {
            SpecChart chart = new SpecChart();
            chart.setId(key + "-chart");
            chart.setMinHeight(150);
            StackPane card = new StackPane(chart);
            card.getStyleClass().add("chart-card");
            card.setOnMousePressed(e -> {
                model.selectedChartProperty().set(key);
                requestFocus();
            });
            MenuItem png = new MenuItem("Export as PNG…");
            png.setOnAction(e -> exportPng.accept(key));
            MenuItem csv = new MenuItem("Export data as CSV…");
            csv.setOnAction(e -> exportCsv.accept(key));
            ContextMenu menu = new ContextMenu(png, csv);
            chart.setOnContextMenuRequested(e -> {
                model.selectedChartProperty().set(key);
                menu.show(chart, e.getScreenX(), e.getScreenY());
            });
            VBox.setVgrow(card, Priority.ALWAYS);
            charts.put(key, chart);
            cards.put(key, card);
            getChildren().add(card);
        }
        model.selectedChartProperty().addListener((obs, o, n) -> highlight(n));
        highlight(model.selectedChartProperty().get());
        model.chartsProperty().addListener((obs, o, n) -> show(n));
        show(model.chartsProperty().get());
    }

    private void highlight(String key) {
        cards.forEach((k, card) -> {
            card.getStyleClass().remove("selected");
            if (k.equals(key)) {
                card.getStyleClass().add("selected");
            }
        });
    }

    private void show(List<ChartSpec> specs) {
        for (ChartSpec spec : specs) {
            SpecChart chart = charts.get(spec.key());
            // The dynamics chart changes once an epoch: redraw only the charts whose data changed.
            if (chart != null && !spec.equals(shown.get(spec.key()))) {
                chart.show(spec);
                shown.put(spec.key(), spec);
            }
        }
    }

    private final java.util.Map<String, ChartSpec> shown = new java.util.HashMap<>();

    public SpecChart chart(String key) {
        return charts.get(key);
    }
}
