package org.edgeofchaos.explorer.ui.chaos;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.edgeofchaos.explorer.ui.charts.GraphicsCanvas;

/**
 * The logistic-map companion: bifurcation diagram, lambda(r) and the stable states on one r axis (left), the cobweb
 * and the time series of the cursor's orbit (right), landmark buttons and the readout. Drag on the left charts to
 * move the r cursor; drag with Shift (or the right button) to select an r range and zoom into it.
 */
public final class LogisticMapView extends BorderPane {
    private final LogisticMapViewModel model;
    private final GraphicsCanvas diagram = new GraphicsCanvas();
    private final GraphicsCanvas cobweb = new GraphicsCanvas();
    private final GraphicsCanvas series = new GraphicsCanvas();
    private final TextField rField = new TextField();
    private double dragStart = Double.NaN;

    public LogisticMapView(LogisticMapViewModel model) {
        this.model = model;
        getStyleClass().add("logistic-map-view");
        diagram.setId("logistic-diagram");
        cobweb.setId("logistic-cobweb");
        series.setId("logistic-series");

        setTop(toolbar());
        VBox right = new VBox(6, cobweb, series);
        VBox.setVgrow(cobweb, Priority.ALWAYS);
        VBox.setVgrow(series, Priority.ALWAYS);
        SplitPane split = new SplitPane(diagram, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        setCenter(split);

        Label readout = new Label();
        readout.setId("logistic-readout");
        readout.textProperty().bind(model.readoutProperty());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("hint");
        Label hint = new Label("Drag: move r.  Shift-drag or right-drag: zoom into an r range.");
        hint.getStyleClass().add("hint");
        VBox bottom = new VBox(2, readout, new HBox(16, hint, message));
        bottom.setPadding(new Insets(6, 8, 6, 8));
        setBottom(bottom);

        model.pictureProperty().addListener((obs, o, n) -> redraw());
        model.orbitProperty().addListener((obs, o, n) -> redraw());
        redraw();

        diagram.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        diagram.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        diagram.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    private FlowPane toolbar() {
        FlowPane bar = new FlowPane(6, 6);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(new Label("Landmarks:"));
        for (LogisticMapViewModel.Landmark landmark : LogisticMapViewModel.LANDMARKS) {
            Button b = new Button(landmark.label());
            b.setTooltip(new Tooltip(landmark.tooltip()));
            b.setOnAction(e -> model.jumpTo(landmark));
            bar.getChildren().add(b);
        }
        rField.setPrefColumnCount(10);
        rField.setId("logistic-r");
        rField.setTooltip(new Tooltip("r in (0, 4]; Enter to move the cursor"));
        rField.setOnAction(e -> parse(rField.getText(), model::setCursor, "r"));
        TextField x0Field = new TextField(Double.toString(model.x0()));
        x0Field.setPrefColumnCount(5);
        x0Field.setTooltip(new Tooltip("Starting point of the cobweb and the time series, in (0, 1)"));
        x0Field.setOnAction(e -> parse(x0Field.getText(), model::setX0, "x0"));
        Button reset = new Button("Full range");
        reset.setTooltip(new Tooltip("Back to r = 2.5 .. 4"));
        reset.setOnAction(e -> model.resetZoom());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.computingProperty());
        MenuButton export = new MenuButton("Export");
        for (LogisticMapViewModel.Chart chart : LogisticMapViewModel.Chart.values()) {
            String name = switch (chart) {
                case BIFURCATION -> "Bifurcation, lambda, states";
                case COBWEB -> "Cobweb";
                case TIME_SERIES -> "Time series";
            };
            GraphicsCanvas source = switch (chart) {
                case BIFURCATION -> diagram;
                case COBWEB -> cobweb;
                case TIME_SERIES -> series;
            };
            for (boolean svg : new boolean[] {false, true}) {
                MenuItem item = new MenuItem(name + (svg ? " as SVG..." : " as PNG..."));
                item.setOnAction(e -> model.export(chart, svg, size(source.getWidth(), 900),
                        size(source.getHeight(), 600)));
                export.getItems().add(item);
            }
        }
        bar.getChildren().addAll(new Separator(Orientation.VERTICAL), new Label("r:"), rField, new Label("x0:"),
                x0Field, reset, export, busy);
        return bar;
    }

    private static int size(double shown, int fallback) {
        return shown >= 50 ? (int) Math.round(shown) : fallback;
    }

    private void parse(String text, java.util.function.DoubleConsumer target, String name) {
        try {
            target.accept(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            rField.setText(String.format(Locale.ROOT, "%.7f", model.cursor()));
        }
    }

    private void redraw() {
        LogisticPicture picture = model.pictureProperty().get();
        diagram.setPainter(new LogisticPainter(picture));
        double[] xs = model.orbitProperty().get();
        cobweb.setPainter(OrbitPainters.cobweb(model.cursor(), xs));
        series.setPainter(OrbitPainters.timeSeries(model.cursor(), xs));
        if (!rField.isFocused()) {
            rField.setText(String.format(Locale.ROOT, "%.7f", model.cursor()));
        }
    }

    private double rAt(MouseEvent e) {
        return LogisticPainter.rAt(model.pictureProperty().get(), diagram.getWidth(), diagram.getHeight(), e.getX());
    }

    private boolean zooming(MouseEvent e) {
        return e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
    }

    private void pressed(MouseEvent e) {
        if (!LogisticPainter.inPlot(model.pictureProperty().get(), diagram.getWidth(), diagram.getHeight(), e.getX(),
                e.getY())) {
            return;
        }
        if (zooming(e)) {
            dragStart = rAt(e);
        } else {
            dragStart = Double.NaN;
            model.setCursor(rAt(e));
        }
    }

    private void dragged(MouseEvent e) {
        LogisticPicture p = model.pictureProperty().get();
        double r = Math.max(p.rMin(), Math.min(p.rMax(), rAt(e)));
        if (!Double.isNaN(dragStart)) {
            model.select(dragStart, r);
        } else {
            model.setCursor(r);
        }
    }

    private void released(MouseEvent e) {
        if (!Double.isNaN(dragStart)) {
            LogisticPicture p = model.pictureProperty().get();
            double r = Math.max(p.rMin(), Math.min(p.rMax(), rAt(e)));
            double from = dragStart;
            dragStart = Double.NaN;
            model.select(Double.NaN, Double.NaN);
            if (Math.abs(r - from) > (p.rMax() - p.rMin()) / 200) {
                model.zoom(from, r);
            }
        }
    }
}
