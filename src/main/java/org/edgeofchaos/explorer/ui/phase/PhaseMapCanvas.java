package org.edgeofchaos.explorer.ui.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.edgeofchaos.explorer.ui.common.CanvasRegion;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;

/**
 * The phase diagram drawn on one {@link Canvas}: the heatmap (one pixel per cell, scaled without smoothing), axes
 * with ticks, the colour bar, the mean-field edge, training paths and the hovered / selected cell.
 *
 * <p>Setters only record state and mark the canvas dirty; the drawing happens in {@link #layoutChildren()}, which
 * JavaFX runs at most once per pulse, so many updates (cells arriving from the workers, epochs) cost one redraw.
 * Used in the window and offscreen for PNG export.
 */
public final class PhaseMapCanvas extends CanvasRegion {
    static final double LEFT = 64;
    static final double RIGHT = 118;
    static final double TOP = 34;
    static final double BOTTOM = 50;
    private static final double ACCURACY_LOW = 0.5;
    private static final double ACCURACY_HIGH = 0.9;

    private PhaseMap.Snapshot snapshot;
    private PhaseMap.Quantity quantity = PhaseMap.Quantity.LAMBDA_MAX;
    private double[][] edge = new double[0][];
    private List<PathLayer> paths = List.of();
    private String title = "";
    private String currentLabel = "";
    private int hoverCell = -1;
    private int selectedCell = -1;
    private WritableImage heatmap;
    private long heatmapVersion = -1;
    private PhaseMap.Quantity heatmapQuantity;
    private PhaseMapSpec heatmapSpec;
    private long redraws;
    private boolean drewMap;

    public PhaseMapCanvas() {
        getStyleClass().add("phase-map-canvas");
        setMinSize(300, 220);
        setPrefSize(760, 560);
    }

    // ---- state ----

    public void setSnapshot(PhaseMap.Snapshot value) {
        snapshot = value;
        markDirty();
    }

    public void setQuantity(PhaseMap.Quantity value) {
        quantity = value;
        markDirty();
    }

    /** The mean-field edge as {x, y} points in data coordinates (NaN y breaks the line). */
    public void setEdge(double[][] points) {
        edge = points;
        markDirty();
    }

    public void setPaths(List<PathLayer> value) {
        paths = List.copyOf(value);
        markDirty();
    }

    public void setTitle(String value) {
        title = value;
        markDirty();
    }

    /** Text next to the live run's current point (its lambda_max and the map's value there). */
    public void setCurrentLabel(String value) {
        currentLabel = value == null ? "" : value;
        markDirty();
    }

    public void setHoverCell(int index) {
        if (hoverCell != index) {
            hoverCell = index;
            markDirty();
        }
    }

    public void setSelectedCell(int index) {
        selectedCell = index;
        markDirty();
    }

    /** Whether a map (not the loading placeholder) has been drawn. */
    public boolean hasDrawnMap() {
        return drewMap;
    }

    /** Number of redraws so far (tests check that updates are coalesced). */
    public long redraws() {
        return redraws;
    }

    // ---- geometry ----

    /** The plot area (heatmap) in local coordinates. */
    public Rectangle2D plotArea() {
        double w = Math.max(10, getWidth() - LEFT - RIGHT);
        double h = Math.max(10, getHeight() - TOP - BOTTOM);
        return new Rectangle2D(LEFT, TOP, w, h);
    }

    /** Data coordinates (x = J0/J, y = 1/J) at a local point, or null outside the plot area. */
    public double[] dataAt(double localX, double localY) {
        if (snapshot == null) {
            return null;
        }
        Rectangle2D p = plotArea();
        if (!p.contains(localX, localY)) {
            return null;
        }
        PhaseMapSpec s = snapshot.spec();
        double x = s.xMin() + (localX - p.getMinX()) / p.getWidth() * (s.xMax() - s.xMin());
        double y = s.yMax() - (localY - p.getMinY()) / p.getHeight() * (s.yMax() - s.yMin());
        return new double[] {x, y};
    }

    /** Local coordinates of a data point. */
    public double[] screenOf(double x, double y) {
        PhaseMapSpec s = snapshot.spec();
        Rectangle2D p = plotArea();
        return new double[] {p.getMinX() + (x - s.xMin()) / (s.xMax() - s.xMin()) * p.getWidth(),
            p.getMinY() + (s.yMax() - y) / (s.yMax() - s.yMin()) * p.getHeight()};
    }

    // ---- drawing ----

    /** Label boxes placed in this paint: a label that would overprint one is left out (no blobs of labels). */
    private final List<javafx.geometry.Rectangle2D> placedLabels = new ArrayList<>();
    private double[] edgeLabelAt;

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        redraws++;
        placedLabels.clear();
        edgeLabelAt = null;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (snapshot == null || w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            g.setFill(Color.GRAY);
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Loading the phase map…", w / 2, h / 2);
            return;
        }
        Rectangle2D p = plotArea();
        drawHeatmap(g, p);
        drewMap = true;
        g.save();
        g.beginPath();
        g.rect(p.getMinX(), p.getMinY(), p.getWidth(), p.getHeight());
        g.clip();
        drawEdge(g);
        drawRegionLabels(g, p);
        for (PathLayer layer : paths) {
            if (!layer.live()) {
                drawPath(g, layer);
            }
        }
        for (PathLayer layer : paths) {
            if (layer.live()) {
                drawPath(g, layer);
            }
        }
        if (edgeLabelAt != null) {
            // on top of the paths: an overlaid path must not run through the edge's label
            drawLabelBox(g, EDGE_LABEL, edgeLabelAt[0], edgeLabelAt[1], TextAlignment.LEFT, Color.rgb(15, 15, 15));
        }
        drawCellOutline(g, hoverCell, Color.rgb(20, 20, 20, 0.8), 1.2);
        drawCellOutline(g, selectedCell, Color.BLACK, 2.5);
        g.restore();
        drawCurrentLabel(g, p);
        drawAxes(g, p);
        drawColorBar(g, p);
        drawAccuracyLegend(g, p);
        g.setFill(Color.rgb(30, 30, 30));
        Font titleFont = Font.font(null, FontWeight.BOLD, 13);
        g.setFont(titleFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        // On a narrow canvas (inspector open) the title drops its details part by part rather than run off.
        String shown = title;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(titleFont);
        while (shown.contains(" · ")) {
            probe.setText(shown);
            if (probe.getLayoutBounds().getWidth() <= getWidth() - LEFT - 8) {
                break;
            }
            shown = shown.substring(0, shown.lastIndexOf(" · "));
        }
        g.fillText(shown, LEFT, TOP - 12);
    }

    private void drawHeatmap(GraphicsContext g, Rectangle2D p) {
        PhaseMapSpec s = snapshot.spec();
        if (heatmap == null || heatmapVersion != snapshot.version() || heatmapQuantity != quantity
                || !s.equals(heatmapSpec)) {
            heatmap = renderCells(snapshot, quantity);
            heatmapVersion = snapshot.version();
            heatmapQuantity = quantity;
            heatmapSpec = s;
        }
        g.setImageSmoothing(false);
        g.drawImage(heatmap, p.getMinX(), p.getMinY(), p.getWidth(), p.getHeight());
        g.setStroke(Color.rgb(60, 60, 60));
        g.setLineWidth(1);
        g.strokeRect(p.getMinX() + 0.5, p.getMinY() + 0.5, p.getWidth() - 1, p.getHeight() - 1);
    }

    /**
     * One pixel per cell, top row = largest 1/J. A cell not computed yet shows its coarse-pass stand-in (the cell
     * at the start of its 2^k block that is computed first), so a map being computed looks like a blurred preview.
     */
    static WritableImage renderCells(PhaseMap.Snapshot snapshot, PhaseMap.Quantity quantity) {
        PhaseMapSpec s = snapshot.spec();
        ColorScale scale = new ColorScale(quantity, s.n());
        double[] values = snapshot.values(quantity);
        double[] lambda = snapshot.lambdaMax();
        WritableImage image = new WritableImage(s.columns(), s.rows());
        PixelWriter writer = image.getPixelWriter();
        for (int row = 0; row < s.rows(); row++) {
            for (int column = 0; column < s.columns(); column++) {
                int index = row * s.columns() + column;
                double v = values[index];
                if (Double.isNaN(lambda[index])) {
                    v = Double.NaN;
                    for (int stride = 2; stride <= 16 && Double.isNaN(v); stride *= 2) {
                        int c = column - column % stride;
                        int r = row - row % stride;
                        if (PhaseMapComputer.passStride(c, r) >= stride) {
                            v = Double.isNaN(lambda[r * s.columns() + c]) ? Double.NaN : values[r * s.columns() + c];
                        }
                    }
                }
                writer.setColor(column, s.rows() - 1 - row, scale.color(v));
            }
        }
        return image;
    }

    private void drawEdge(GraphicsContext g) {
        if (edge.length < 2) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            g.setStroke(pass == 0 ? Color.rgb(255, 255, 255, 0.85) : Color.rgb(15, 15, 15));
            g.setLineWidth(pass == 0 ? 4.5 : 2);
            g.setLineDashes(pass == 0 ? null : new double[] {8, 5});
            g.setLineCap(StrokeLineCap.ROUND);
            g.beginPath();
            boolean pen = false;
            for (double[] point : edge) {
                if (Double.isNaN(point[1])) {
                    pen = false;
                    continue;
                }
                double[] sc = screenOf(point[0], point[1]);
                if (pen) {
                    g.lineTo(sc[0], sc[1]);
                } else {
                    g.moveTo(sc[0], sc[1]);
                    pen = true;
                }
            }
            g.stroke();
        }
        g.setLineDashes(null);
        // Label on the flat part of the curve (J = 1 for |J0/J| < 1).
        double[] at = screenOf(Math.max(snapshot.spec().xMin(), -0.95), 1.0);
        edgeLabelAt = new double[] {at[0] + 4, at[1] - 8};
        reserve(EDGE_LABEL, edgeLabelAt[0], edgeLabelAt[1], TextAlignment.LEFT); // drawn after the paths
    }

    private void drawRegionLabels(GraphicsContext g, Rectangle2D p) {
        g.setFont(Font.font(null, FontWeight.BOLD, 15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        PhaseMapSpec s = snapshot.spec();
        if (s.yMax() > 1.3 && s.xMin() < 0) {
            double[] order = screenOf(Math.max(s.xMin(), -0.2) + 0.1, Math.min(s.yMax(), 1.6));
            g.setFill(Color.rgb(255, 255, 255, 0.9));
            g.fillText("ORDER", order[0], order[1]);
            placedLabels.add(new javafx.geometry.Rectangle2D(order[0] - 30, order[1] - 11, 60, 22));
        }
        if (s.yMin() < 0.5 && s.xMin() < 0) {
            double[] chaos = screenOf(Math.max(s.xMin(), -0.2) + 0.1, 0.45);
            g.setFill(Color.rgb(255, 255, 255, 0.9));
            g.fillText("CHAOS", chaos[0], chaos[1]);
            placedLabels.add(new javafx.geometry.Rectangle2D(chaos[0] - 30, chaos[1] - 11, 60, 22));
        }
    }

    private void drawPath(GraphicsContext g, PathLayer layer) {
        List<double[]> pts = new ArrayList<>();
        for (TrainingPath.Point point : layer.points()) {
            pts.add(screenOf(point.ratio(), point.inverseJ()));
        }
        if (pts.isEmpty()) {
            return;
        }
        Color line = layer.live() ? Color.rgb(10, 10, 10) : Color.rgb(70, 70, 70, 0.9);
        double width = layer.live() ? 2.2 : 1.5;
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        if (pts.size() > 1) {
            g.setStroke(Color.rgb(255, 255, 255, 0.8));
            g.setLineWidth(width + 2.5);
            strokePolyline(g, pts);
            g.setStroke(line);
            g.setLineWidth(width);
            if (!layer.live()) {
                g.setLineDashes(5, 3);
            }
            strokePolyline(g, pts);
            g.setLineDashes(null);
            drawArrowHead(g, pts, line, layer.live() ? 13 : 10);
        }
        int count = pts.size();
        int every = Math.max(1, (int) Math.ceil(count / 8.0));
        for (int i = 0; i < count; i++) {
            TrainingPath.Point point = layer.points().get(i);
            double[] sc = pts.get(i);
            double r = layer.live() ? 4.5 : 3.5;
            g.setFill(Double.isNaN(point.testAccuracy()) ? Color.WHITE : accuracyColor(point.testAccuracy()));
            g.fillOval(sc[0] - r, sc[1] - r, 2 * r, 2 * r);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1);
            g.strokeOval(sc[0] - r, sc[1] - r, 2 * r, 2 * r);
            boolean label = i == 0 || i == count - 1 || point.epoch() % every == 0;
            if (label) {
                String text = point.epoch() == 0 ? "start" : "e" + point.epoch();
                // above right, else below right; left out if both would overprint another label
                if (!tryLabelBox(g, text, sc[0] + 7, sc[1] - 7) && (i == 0 || i == count - 1)) {
                    tryLabelBox(g, text, sc[0] + 7, sc[1] + 9);
                }
            }
        }
        if (!layer.live() && count > 0) {
            double[] first = pts.get(0);
            if (!tryLabelBox(g, layer.name(), first[0] + 7, first[1] + 14)) {
                tryLabelBox(g, layer.name(), first[0] + 7, first[1] - 20);
            }
        }
        if (layer.live()) {
            double[] last = pts.get(count - 1);
            g.setStroke(Color.rgb(255, 215, 0));
            g.setLineWidth(3);
            g.strokeOval(last[0] - 10, last[1] - 10, 20, 20);
            g.setStroke(Color.BLACK);
            g.setLineWidth(1.2);
            g.strokeOval(last[0] - 12, last[1] - 12, 24, 24);
        }
    }

    private void drawCurrentLabel(GraphicsContext g, Rectangle2D p) {
        if (currentLabel.isEmpty()) {
            return;
        }
        for (PathLayer layer : paths) {
            if (layer.live() && !layer.points().isEmpty()) {
                TrainingPath.Point last = layer.points().get(layer.points().size() - 1);
                double[] sc = screenOf(last.ratio(), last.inverseJ());
                double x = Math.min(Math.max(sc[0] + 16, p.getMinX() + 4), p.getMaxX() - 230);
                double y = Math.min(Math.max(sc[1] + 26, p.getMinY() + 14), p.getMaxY() - 30);
                labelBox(g, currentLabel, x, y, TextAlignment.LEFT, Color.rgb(0, 0, 0));
            }
        }
    }

    private static void strokePolyline(GraphicsContext g, List<double[]> pts) {
        g.beginPath();
        g.moveTo(pts.get(0)[0], pts.get(0)[1]);
        for (int i = 1; i < pts.size(); i++) {
            g.lineTo(pts.get(i)[0], pts.get(i)[1]);
        }
        g.stroke();
    }

    private static void drawArrowHead(GraphicsContext g, List<double[]> pts, Color color, double size) {
        double[] b = pts.get(pts.size() - 1);
        double[] a = null;
        for (int i = pts.size() - 2; i >= 0; i--) {
            if (Math.hypot(b[0] - pts.get(i)[0], b[1] - pts.get(i)[1]) > 2) {
                a = pts.get(i);
                break;
            }
        }
        if (a == null) {
            return;
        }
        double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
        // The tip sits just outside the last point's marker.
        double tipX = b[0] - 5 * Math.cos(angle);
        double tipY = b[1] - 5 * Math.sin(angle);
        double[] xs = {tipX, tipX - size * Math.cos(angle - 0.4), tipX - size * Math.cos(angle + 0.4)};
        double[] ys = {tipY, tipY - size * Math.sin(angle - 0.4), tipY - size * Math.sin(angle + 0.4)};
        g.setFill(color);
        g.fillPolygon(xs, ys, 3);
        g.setStroke(Color.WHITE);
        g.setLineWidth(0.8);
        g.strokePolygon(xs, ys, 3);
    }

    private void drawCellOutline(GraphicsContext g, int index, Color color, double width) {
        if (index < 0 || index >= snapshot.spec().cellCount()) {
            return;
        }
        PhaseMapSpec s = snapshot.spec();
        PhaseMapSpec.Cell c = s.cell(index);
        double[] a = screenOf(c.ratio() - s.cellWidth() / 2, c.inverseJ() + s.cellHeight() / 2);
        double[] b = screenOf(c.ratio() + s.cellWidth() / 2, c.inverseJ() - s.cellHeight() / 2);
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeRect(a[0], a[1], Math.max(3, b[0] - a[0]), Math.max(3, b[1] - a[1]));
    }

    private void drawAxes(GraphicsContext g, Rectangle2D p) {
        PhaseMapSpec s = snapshot.spec();
        g.setStroke(Color.rgb(40, 40, 40));
        g.setFill(Color.rgb(40, 40, 40));
        g.setLineWidth(1);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double x : ticks(s.xMin(), s.xMax())) {
            double sx = screenOf(x, s.yMin())[0];
            g.strokeLine(sx, p.getMaxY(), sx, p.getMaxY() + 5);
            g.fillText(tick(x), sx, p.getMaxY() + 7);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double y : ticks(s.yMin(), s.yMax())) {
            double sy = screenOf(s.xMin(), y)[1];
            g.strokeLine(p.getMinX() - 5, sy, p.getMinX(), sy);
            g.fillText(tick(y), p.getMinX() - 7, sy);
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 12.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("J0 / J   (mean coupling relative to spread)", p.getMinX() + p.getWidth() / 2, getHeight() - 8);
        g.save();
        g.translate(16, p.getMinY() + p.getHeight() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("1 / J   (inverse weight spread)", 0, 0);
        g.restore();
    }

    private void drawColorBar(GraphicsContext g, Rectangle2D p) {
        ColorScale scale = new ColorScale(quantity, snapshot.spec().n());
        double x = p.getMaxX() + 22;
        double barW = 16;
        double top = p.getMinY() + 16;
        double bottom = p.getMaxY() - 16;
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            double pos = 1 - 2.0 * i / 20; // top = chaos
            stops.add(new Stop(i / 20.0, ColorScale.colorAt(pos)));
        }
        g.setFill(new LinearGradient(0, top, 0, bottom, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(x, top, barW, bottom - top);
        g.setStroke(Color.rgb(60, 60, 60));
        g.setLineWidth(1);
        g.strokeRect(x, top, barW, bottom - top);
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font(10.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (double v : scale.ticks()) {
            double pos = scale.position(v);
            double y = top + (1 - pos) / 2 * (bottom - top);
            g.strokeLine(x + barW, y, x + barW + 4, y);
            g.fillText(tick(v), x + barW + 6, y);
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(scale.highLabel(), x + barW / 2, top - 2);
        g.setTextBaseline(VPos.TOP);
        g.fillText(scale.lowLabel(), x + barW / 2, bottom + 2);
        g.save();
        g.translate(x + barW + 62, p.getMinY() + p.getHeight() / 2);
        g.rotate(90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(scale.title(), 0, 0);
        g.restore();
    }

    private void drawAccuracyLegend(GraphicsContext g, Rectangle2D p) {
        if (paths.isEmpty()) {
            return;
        }
        // Inside the plot's lower-left corner (strongly chaotic, J0 < 0: training paths do not go there), on a
        // white box, so that it never collides with the title however narrow the window.
        double x = p.getMinX() + 10;
        double y = p.getMaxY() - 38;
        g.setFill(Color.rgb(255, 255, 255, 0.88));
        g.fillRoundRect(x - 6, y - 6, 196, 36, 6, 6);
        g.setStroke(Color.rgb(120, 120, 120));
        g.setLineWidth(0.8);
        g.strokeRoundRect(x - 6, y - 6, 196, 36, 6, 6);
        g.setFont(Font.font(10.5));
        g.setFill(Color.rgb(40, 40, 40));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("test accuracy", x, y + 6);
        double bx = x + 80;
        for (int i = 0; i < 5; i++) {
            double acc = ACCURACY_LOW + (ACCURACY_HIGH - ACCURACY_LOW) * i / 4;
            g.setFill(accuracyColor(acc));
            g.fillOval(bx + i * 20, y, 12, 12);
            g.setStroke(Color.BLACK);
            g.strokeOval(bx + i * 20, y, 12, 12);
        }
        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(Font.font(9.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("50%", bx + 6, y + 20);
        g.fillText("90%", bx + 86, y + 20);
    }

    /** Viridis-like ramp (purple - teal - yellow) over test accuracy 50 %..90 %. */
    static Color accuracyColor(double accuracy) {
        double t = Math.max(0, Math.min(1, (accuracy - ACCURACY_LOW) / (ACCURACY_HIGH - ACCURACY_LOW)));
        Color a = Color.rgb(68, 1, 84);
        Color b = Color.rgb(33, 145, 140);
        Color c = Color.rgb(253, 231, 37);
        return t < 0.5 ? a.interpolate(b, t * 2) : b.interpolate(c, (t - 0.5) * 2);
    }

    private static final String EDGE_LABEL = "mean-field edge of chaos (J = 1 for |J0/J| < 1)";

    private static javafx.geometry.Rectangle2D boxOf(String text, double x, double y, TextAlignment align) {
        double width = text.length() * 5.9 + 6;
        double left = align == TextAlignment.LEFT ? x - 3 : x - width / 2;
        return new javafx.geometry.Rectangle2D(left, y - 8, width, 16);
    }

    private void reserve(String text, double x, double y, TextAlignment align) {
        placedLabels.add(boxOf(text, x, y, align));
    }

    /** Draws a path label unless it would overprint a label already placed; returns whether it was drawn. */
    private boolean tryLabelBox(GraphicsContext g, String text, double x, double y) {
        javafx.geometry.Rectangle2D box = boxOf(text, x, y, TextAlignment.LEFT);
        Rectangle2D plot = plotArea();
        boolean inside = box.getMinY() >= plot.getMinY() && box.getMaxY() <= plot.getMaxY()
                && box.getMaxX() <= plot.getMaxX();
        if (!inside || placedLabels.stream().anyMatch(box::intersects)) {
            return false;
        }
        placedLabels.add(box);
        drawLabelBox(g, text, x, y, TextAlignment.LEFT, Color.rgb(20, 20, 20));
        return true;
    }

    private void labelBox(GraphicsContext g, String text, double x, double y, TextAlignment align, Color color) {
        reserve(text, x, y, align);
        drawLabelBox(g, text, x, y, align, color);
    }

    private static void drawLabelBox(GraphicsContext g, String text, double x, double y, TextAlignment align,
            Color color) {
        g.setFont(Font.font(null, FontWeight.NORMAL, 11));
        g.setTextAlign(align);
        g.setTextBaseline(VPos.CENTER);
        double width = text.length() * 5.9 + 6;
        double left = align == TextAlignment.LEFT ? x - 3 : x - width / 2;
        g.setFill(Color.rgb(255, 255, 255, 0.82));
        g.fillRoundRect(left, y - 8, width, 16, 4, 4);
        g.setFill(color);
        g.fillText(text, x, y);
    }

    static List<Double> ticks(double min, double max) {
        double range = max - min;
        double step = range > 4 ? 1 : range > 1.5 ? 0.5 : range > 0.6 ? 0.2 : 0.1;
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + 1e-9; t += step) {
            ticks.add(Math.abs(t) < 1e-12 ? 0 : t);
        }
        return ticks;
    }

    static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 0.01 && a < 1000) {
            String s = String.format(Locale.ROOT, "%.2f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
