package org.edgeofchaos.explorer.ui.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.SegmentedButton;

import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.SpecChart;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;

/**
 * The four charts (loss, accuracy, λmax, J) in a 2 x 2 grid, with the x-axis switch and the smoothing of the
 * training curves. Click a chart to select it for Ctrl+E; each has a context menu for PNG, SVG and CSV export.
 * Hover a chart for its values; zoom it with the wheel or a dragged box (see {@link #HINT}).
 */
public final class LiveChartsView extends VBox {
    /** What a chart's export action receives: the chart's key, its size on screen and its zoom (null: none). */
    public interface Exporter {
        void export(String key, double width, double height, ViewRange view);
    }

    /** The line under the charts: how to read and zoom them. */
    static final String HINT = "Hover: values · wheel: zoom at the pointer · drag: zoom to a box · Ctrl+drag: pan · "
            + "double-click or Esc: whole chart · right-click: export";

    private static final List<Double> SMOOTHING = List.of(0.0, 0.6, 0.8, 0.9, 0.95);

    private final Map<String, SpecChart> charts = new LinkedHashMap<>();
    private final Map<String, StackPane> cards = new LinkedHashMap<>();
    private final Map<String, ChartSpec> shown = new HashMap<>();
    private final ChartsViewModel model;

    public LiveChartsView(ChartsViewModel model, Exporter exportPng, Exporter exportSvg, Consumer<String> exportCsv) {
        this.model = model;
        getStyleClass().add("charts-panel");
        // Focusable, so that Space (pause/resume) works after clicking a chart or starting a run.
        setFocusTraversable(true);
        setSpacing(4);
        setPadding(new Insets(6));

        ToggleButton epochs = new ToggleButton(XAxisMode.EPOCHS.title());
        epochs.setId("axis-epochs");
        epochs.setTooltip(new Tooltip("x = epochs (Ctrl+1)"));
        ToggleButton scaled = new ToggleButton(XAxisMode.SCALED_TIME.title());
        scaled.setId("axis-scaled");
        scaled.setTooltip(new Tooltip("x = epoch · η/((1−α)B), integrated over changes: runs with different "
                + "settings collapse onto one curve in the ordered phase (Ctrl+2)"));
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        epochs.setToggleGroup(group);
        scaled.setToggleGroup(group);
        SegmentedButton axis = new SegmentedButton(epochs, scaled);
        axis.setToggleGroup(group);
        Runnable syncAxis = () -> group.selectToggle(
                model.xAxisModeProperty().get() == XAxisMode.EPOCHS ? epochs : scaled);
        syncAxis.run();
        model.xAxisModeProperty().addListener((obs, o, n) -> syncAxis.run());
        group.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                syncAxis.run();
            } else {
                model.xAxisModeProperty().set(n == epochs ? XAxisMode.EPOCHS : XAxisMode.SCALED_TIME);
            }
        });

        ComboBox<Double> smoothing = new ComboBox<>();
        smoothing.setId("smoothing");
        smoothing.getItems().setAll(SMOOTHING);
        smoothing.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null || v == 0 ? "off" : String.valueOf(v);
            }

            @Override
            public Double fromString(String s) {
                return "off".equals(s) ? 0.0 : Double.valueOf(s);
            }
        });
        smoothing.setValue(model.smoothingProperty().get());
        smoothing.valueProperty().addListener((obs, o, n) -> model.smoothingProperty().set(n == null ? 0 : n));
        smoothing.setTooltip(new Tooltip("Exponential moving average of the training loss and accuracy (weight on "
                + "the past); the per-epoch test values are never smoothed"));

        Label source = new Label();
        source.setId("chart-source");
        source.textProperty().bind(model.sourceTextProperty());
        source.getStyleClass().add("chart-source");
        source.setMinWidth(Region.USE_PREF_SIZE);
        Button live = new Button("Show live run");
        live.setId("show-live");
        live.setOnAction(e -> model.showLive());
        live.visibleProperty().bind(model.sourceTextProperty().isNotEqualTo("Live run"));
        live.managedProperty().bind(live.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("x axis"), axis, new Label("smoothing"), smoothing, spacer, source, live);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("curves-toolbar");
        getChildren().add(bar);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
        int index = 0;
        for (String key : RunCharts.KEYS) {
            SpecChart chart = new SpecChart();
            chart.setId(key + "-chart");
            StackPane card = new StackPane(chart, whatItShows(key));
            card.getStyleClass().add("chart-card");
            card.setMinSize(0, 0);
            card.setOnMousePressed(e -> {
                model.selectedChartProperty().set(key);
                requestFocus();
            });
            MenuItem png = new MenuItem("Export as PNG…");
            png.setOnAction(e -> exportPng.export(key, chart.getWidth(), chart.getHeight(), chart.view()));
            MenuItem svg = new MenuItem("Export as SVG (vector)…");
            svg.setOnAction(e -> exportSvg.export(key, chart.getWidth(), chart.getHeight(), chart.view()));
            MenuItem csv = new MenuItem("Export data as CSV…");
            csv.setOnAction(e -> exportCsv.accept(key));
            MenuItem resetZoom = new MenuItem("Reset zoom");
            resetZoom.setOnAction(e -> chart.zoom().reset());
            ContextMenu menu = new ContextMenu(png, svg, csv, new SeparatorMenuItem(), resetZoom);
            menu.setOnShowing(e -> resetZoom.setDisable(!chart.zoom().isZoomed()));
            chart.setOnContextMenuRequested(e -> {
                model.selectedChartProperty().set(key);
                menu.show(chart, e.getScreenX(), e.getScreenY());
            });
            grid.add(card, index % 2, index / 2);
            charts.put(key, chart);
            cards.put(key, card);
            index++;
        }
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().add(grid);
        Label hint = new Label(HINT);
        hint.setId("charts-hint");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        getChildren().add(hint);
        // Esc shows the whole selected chart again when it is zoomed; otherwise it goes on to the window (Stop).
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            SpecChart selected = charts.get(model.selectedChartProperty().get());
            if (e.getCode() == KeyCode.ESCAPE && selected != null && selected.zoom().isZoomed()) {
                selected.zoom().reset();
                e.consume();
            }
        });
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
            // λmax and J change once an epoch: redraw only the charts whose data changed.
            if (chart != null && !spec.equals(shown.get(spec.key()))) {
                chart.show(spec);
                shown.put(spec.key(), spec);
            }
        }
    }

    public SpecChart chart(String key) {
        return charts.get(key);
    }

    /** A "?" in the chart's corner: what the chart shows and what to look for, in plain words. */
    private static Label whatItShows(String key) {
        String text = switch (key) {
            case RunCharts.LOSS -> "Loss: how wrong the network's answers are (lower is better). Train: pictures it "
                    + "learns from; test: 10,000 pictures it never sees. When test loss stops falling, more "
                    + "training no longer helps.";
            case RunCharts.ACCURACY -> "Accuracy: the share of pictures sorted into the right one of 10 classes. "
                    + "The paper reaches about 90 % near the edge of chaos.";
            case RunCharts.LAMBDA -> "λmax, the largest Lyapunov exponent of the hidden map x → tanh(Wx): below 0, "
                    + "two nearly equal states merge (order); above 0, they drift apart (chaos). Look for it "
                    + "reaching 0, the edge of chaos.";
            default -> "J, the spread of the hidden weights (their standard deviation × √N). Below 1 the hidden "
                    + "map is ordered, above 1 it is past the edge. Look for the epoch where it passes 1.";
        };
        Label help = new Label("?");
        help.setId(key + "-chart-help");
        help.getStyleClass().add("chart-help");
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        tip.setShowDelay(javafx.util.Duration.millis(150));
        help.setTooltip(tip);
        StackPane.setAlignment(help, Pos.TOP_RIGHT);
        StackPane.setMargin(help, new javafx.geometry.Insets(4, 6, 0, 0));
        return help;
    }
}
