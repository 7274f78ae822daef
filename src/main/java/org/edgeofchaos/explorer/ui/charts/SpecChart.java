package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * A stock {@link LineChart} (animation off, no per-point nodes for dense series) that shows a {@link ChartSpec}:
 * series decimated to the plot's pixel width, horizontal reference lines and vertical markers drawn in the plot
 * area. {@link #show(ChartSpec)} replaces everything in one go, so one update costs one layout.
 */
public final class SpecChart extends LineChart<Number, Number> {
    private final List<Line> referenceLines = new ArrayList<>();
    private final List<Text> referenceLabels = new ArrayList<>();
    private final List<Line> markerLines = new ArrayList<>();
    private final List<Text> markerLabels = new ArrayList<>();
    private ChartSpec spec;
    private int decimatedFor = -1;

    public SpecChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(false);
        getStyleClass().add("spec-chart");
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        getXAxis().setAnimated(false);
        getYAxis().setAnimated(false);
        widthProperty().addListener((obs, o, n) -> {
            if (spec != null && Math.abs(buckets() - decimatedFor) > 50) {
                show(spec);
            }
        });
    }

    public ChartSpec spec() {
        return spec;
    }

    public void show(ChartSpec newSpec) {
        this.spec = newSpec;
        setTitle(newSpec.title());
        getXAxis().setLabel(newSpec.xLabel());
        getYAxis().setLabel(newSpec.yLabel());
        int buckets = buckets();
        decimatedFor = buckets;
        boolean sameSeries = getData().size() == newSpec.series().size();
        for (int i = 0; sameSeries && i < getData().size(); i++) {
            sameSeries = getData().get(i).getName().equals(newSpec.series().get(i).name());
        }
        ObservableList<XYChart.Series<Number, Number>> all = FXCollections.observableArrayList();
        int index = 0;
        for (ChartSpec.SeriesSpec s : newSpec.series()) {
            double[][] xy = s.symbols() ? new double[][] {s.x(), s.y()} : Decimator.minMax(s.x(), s.y(), buckets);
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(xy[0].length);
            for (int i = 0; i < xy[0].length; i++) {
                XYChart.Data<Number, Number> d = new XYChart.Data<>(xy[0][i], xy[1][i]);
                if (s.symbols()) {
                    Circle dot = new Circle(3.5);
                    dot.getStyleClass().addAll("chart-line-symbol", "series" + index, "default-color" + (index % 8),
                            "spec-symbol");
                    d.setNode(dot);
                }
                points.add(d);
            }
            if (sameSeries) {
                // Same curves, more points: replace each series' data in one change (no legend rebuild).
                getData().get(index).getData().setAll(points);
            } else {
                all.add(new XYChart.Series<>(s.name(), FXCollections.observableList(points)));
            }
            index++;
        }
        if (!sameSeries) {
            setData(all);
        }
        rebuildDecorations();
    }

    /** Number of x buckets for decimation: about the plot's width in pixels. */
    private int buckets() {
        double w = getWidth() > 0 ? getWidth() : getPrefWidth() > 0 ? getPrefWidth() : 600;
        return Math.max(100, (int) w);
    }

    private void rebuildDecorations() {
        getPlotChildren().removeAll(referenceLines);
        getPlotChildren().removeAll(referenceLabels);
        getPlotChildren().removeAll(markerLines);
        getPlotChildren().removeAll(markerLabels);
        referenceLines.clear();
        referenceLabels.clear();
        markerLines.clear();
        markerLabels.clear();
        for (ChartSpec.ReferenceLine r : spec.references()) {
            Line line = new Line();
            line.getStyleClass().add("reference-line");
            Text label = new Text(r.label());
            label.getStyleClass().add("reference-label");
            referenceLines.add(line);
            referenceLabels.add(label);
        }
        for (ChartSpec.Marker m : spec.markers()) {
            Line line = new Line();
            line.getStyleClass().add(m.label().contains("diverged") ? "diverged-marker" : "change-marker");
            Text label = new Text(m.label());
            label.getStyleClass().add("marker-label");
            markerLines.add(line);
            markerLabels.add(label);
        }
        List<Node> decorations = new ArrayList<>();
        decorations.addAll(referenceLines);
        decorations.addAll(markerLines);
        decorations.addAll(referenceLabels);
        decorations.addAll(markerLabels);
        getPlotChildren().addAll(decorations);
        for (Node n : decorations) {
            n.setManaged(false);
            n.setMouseTransparent(true);
        }
        requestChartLayout();
    }

    @Override
    protected void updateAxisRange() {
        super.updateAxisRange();
        // Keep the reference lines in view: J = 1 and lambda = 0 frame the order-chaos boundary.
        if (spec != null && !spec.references().isEmpty() && getYAxis().isAutoRanging()
                && getData().stream().anyMatch(s -> !s.getData().isEmpty())) {
            List<Number> ys = new ArrayList<>();
            for (XYChart.Series<Number, Number> s : getData()) {
                for (XYChart.Data<Number, Number> d : s.getData()) {
                    ys.add(d.getYValue());
                }
            }
            for (ChartSpec.ReferenceLine r : spec.references()) {
                ys.add(r.y());
            }
            getYAxis().invalidateRange(ys);
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        if (spec == null) {
            return;
        }
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double width = x.getWidth();
        double height = y.getHeight();
        for (int i = 0; i < referenceLines.size(); i++) {
            double py = y.getDisplayPosition(spec.references().get(i).y());
            boolean inside = py >= 0 && py <= height;
            Line line = referenceLines.get(i);
            line.setVisible(inside);
            referenceLabels.get(i).setVisible(inside);
            line.setStartX(0);
            line.setEndX(width);
            line.setStartY(py);
            line.setEndY(py);
            Text label = referenceLabels.get(i);
            label.setX(width - label.getLayoutBounds().getWidth() - 4);
            label.setY(py - 4);
        }
        double lastLabelX = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (int i = 0; i < markerLines.size(); i++) {
            double px = x.getDisplayPosition(spec.markers().get(i).x());
            boolean inside = px >= 0 && px <= width;
            Line line = markerLines.get(i);
            line.setVisible(inside);
            line.setStartX(px);
            line.setEndX(px);
            line.setStartY(0);
            line.setEndY(height);
            Text label = markerLabels.get(i);
            label.setVisible(inside);
            row = px - lastLabelX < 90 ? (row + 1) % 4 : 0;
            lastLabelX = px;
            label.setX(Math.min(px + 3, Math.max(0, width - label.getLayoutBounds().getWidth())));
            label.setY(12 + row * 12);
        }
    }
}
