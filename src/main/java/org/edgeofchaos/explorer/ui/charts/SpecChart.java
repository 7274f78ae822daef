package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.edgeofchaos.explorer.ui.common.CanvasRegion;

/**
 * A chart of a {@link ChartSpec} drawn on a canvas (ChartFX style): title, axes with ticks, grid, the series
 * decimated to the plot's pixel width (min/max per pixel column), dots for per-epoch series, horizontal reference
 * lines, vertical change markers and a legend.
 *
 * <p>Why a canvas: a stock LineChart lays out a node per path element and re-creates its tick labels on every
 * update; with a thousand points per curve that took 40-90 ms of the FX thread per live update (measured with
 * JavaFX's pulse logger). Here {@link #show(ChartSpec)} only marks the chart dirty, and the next pulse repaints it
 * once, in a few milliseconds.
 */
public final class SpecChart extends CanvasRegion {
    /** Distinct, colour-blind-friendly series colours (Tableau 10). */
    static final Color[] PALETTE = {
        Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
        Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f")
    };
    private static final double LEFT = 62;
    private static final double RIGHT = 16;
    private static final double TOP = 30;
    private static final double BOTTOM = 58;
    private static final Font TITLE_FONT = Font.font(null, FontWeight.BOLD, 13);
    private static final Font LABEL_FONT = Font.font(12);
    private static final Font TICK_FONT = Font.font(11);
    private static final Font SMALL_FONT = Font.font(10.5);

    private ChartSpec spec;
    private final List<Integer> drawnPoints = new ArrayList<>();

    public SpecChart() {
        getStyleClass().add("spec-chart");
        setPrefSize(640, 260);
        setMinSize(200, 150);
    }

    public ChartSpec spec() {
        return spec;
    }

    /** Shows a new spec; the chart repaints once in the next pulse however often this is called. */
    public void show(ChartSpec newSpec) {
        spec = newSpec;
        markDirty();
    }

    /**
     * Points drawn for a series in the last paint (after decimation; 0 if the series does not exist). Lets tests
     * see what reached the screen.
     */
    public int drawnPoints(int series) {
        return series < drawnPoints.size() ? drawnPoints.get(series) : 0;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        drawnPoints.clear();
        if (spec == null) {
            return;
        }
        g.setFill(Color.rgb(30, 30, 30));
        g.setFont(TITLE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(spec.title(), w / 2, 6);

        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw < 40 || ph < 30) {
            return;
        }
        double[] xr = range(true);
        double[] yr = range(false);
        // A margin above and below, so that a reference line at the data's edge (J = 1) is not drawn on the frame.
        double margin = 0.05 * (yr[1] - yr[0]);
        Axis xAxis = Axis.of(xr[0], xr[1], Math.max(2, (int) (pw / 70)));
        Axis yAxis = Axis.of(yr[0] - margin, yr[1] + margin, Math.max(2, (int) (ph / 40)));

        drawGridAndAxes(g, xAxis, yAxis, pw, ph);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, pw, ph);
        g.clip();
        drawReferences(g, yAxis, pw, ph);
        drawMarkers(g, xAxis, pw, ph);
        drawSeries(g, xAxis, yAxis, pw, ph);
        g.restore();
        drawLegend(g, w, h);
    }

    /** Data range of all series (and, for y, the reference lines, which frame the order-chaos boundary). */
    private double[] range(boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSpec.SeriesSpec s : spec.series()) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!x) {
            for (ChartSpec.ReferenceLine r : spec.references()) {
                min = Math.min(min, r.y());
                max = Math.max(max, r.y());
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (max - min < 1e-12) {
            double pad = Math.max(1e-3, Math.abs(max) * 0.05);
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    private void drawGridAndAxes(GraphicsContext g, Axis xAxis, Axis yAxis, double pw, double ph) {
        g.setFill(Color.rgb(247, 247, 247));
        g.fillRect(LEFT, TOP, pw, ph);
        g.setLineWidth(1);
        g.setFont(TICK_FONT);
        g.setFill(Color.rgb(60, 60, 60));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : xAxis.ticks()) {
            double px = Math.round(LEFT + xAxis.fraction(t) * pw) + 0.5;
            g.setStroke(Color.rgb(222, 222, 222));
            g.strokeLine(px, TOP, px, TOP + ph);
            g.setStroke(Color.rgb(120, 120, 120));
            g.strokeLine(px, TOP + ph, px, TOP + ph + 4);
            g.fillText(xAxis.label(t), px, TOP + ph + 6);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (double t : yAxis.ticks()) {
            double py = Math.round(TOP + (1 - yAxis.fraction(t)) * ph) + 0.5;
            g.setStroke(Color.rgb(222, 222, 222));
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.setStroke(Color.rgb(120, 120, 120));
            g.strokeLine(LEFT - 4, py, LEFT, py);
            g.fillText(yAxis.label(t), LEFT - 6, py);
        }
        g.setStroke(Color.rgb(120, 120, 120));
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw - 1, ph - 1);

        g.setFill(Color.rgb(40, 40, 40));
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(spec.xLabel(), LEFT + pw / 2, TOP + ph + 22);
        g.save();
        g.translate(14, TOP + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(spec.yLabel(), 0, 0);
        g.restore();
    }

    private void drawReferences(GraphicsContext g, Axis yAxis, double pw, double ph) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        for (ChartSpec.ReferenceLine r : spec.references()) {
            double py = Math.round(TOP + (1 - yAxis.fraction(r.y())) * ph) + 0.5;
            g.setStroke(Color.rgb(70, 70, 70));
            g.setLineWidth(1.2);
            g.setLineDashes(7, 4);
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.setLineDashes();
            g.setFill(Color.rgb(50, 50, 50));
            g.fillText(r.label(), LEFT + pw - 4, py - 2);
        }
    }

    private void drawMarkers(GraphicsContext g, Axis xAxis, double pw, double ph) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        double lastLabelX = Double.NEGATIVE_INFINITY;
        int row = 0;
        for (ChartSpec.Marker m : spec.markers()) {
            double px = Math.round(LEFT + xAxis.fraction(m.x()) * pw) + 0.5;
            boolean diverged = m.label().contains("diverged");
            g.setStroke(diverged ? Color.rgb(200, 30, 30) : Color.rgb(110, 80, 170));
            g.setLineWidth(diverged ? 2 : 1.2);
            g.setLineDashes(diverged ? new double[0] : new double[] {4, 3});
            g.strokeLine(px, TOP, px, TOP + ph);
            g.setLineDashes();
            // Labels of nearby markers step down in rows so that they do not overprint.
            row = px - lastLabelX < 90 ? (row + 1) % 4 : 0;
            lastLabelX = px;
            double textWidth = textWidth(m.label(), SMALL_FONT);
            double tx = Math.min(px + 3, LEFT + pw - textWidth - 2);
            g.setFill(Color.rgb(255, 255, 255, 0.8));
            g.fillRect(tx - 1, TOP + 3 + row * 13, textWidth + 2, 12);
            g.setFill(diverged ? Color.rgb(170, 20, 20) : Color.rgb(80, 50, 140));
            g.fillText(m.label(), tx, TOP + 3 + row * 13);
        }
    }

    private void drawSeries(GraphicsContext g, Axis xAxis, Axis yAxis, double pw, double ph) {
        int index = 0;
        for (ChartSpec.SeriesSpec s : spec.series()) {
            Color color = PALETTE[index % PALETTE.length];
            double[][] xy = s.symbols() ? new double[][] {s.x(), s.y()}
                    : Decimator.minMax(s.x(), s.y(), Math.max(50, (int) pw));
            double[] xs = xy[0];
            double[] ys = xy[1];
            drawnPoints.add(xs.length);
            g.setStroke(color);
            g.setLineWidth(s.symbols() ? 1.6 : 1.4);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.beginPath();
            boolean pen = false;
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    pen = false;
                    continue;
                }
                double px = LEFT + xAxis.fraction(xs[i]) * pw;
                double py = TOP + (1 - yAxis.fraction(ys[i])) * ph;
                if (pen) {
                    g.lineTo(px, py);
                } else {
                    g.moveTo(px, py);
                    pen = true;
                }
            }
            g.stroke();
            if (s.symbols()) {
                g.setFill(color);
                g.setStroke(Color.WHITE);
                g.setLineWidth(1);
                for (int i = 0; i < xs.length; i++) {
                    if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                        double px = LEFT + xAxis.fraction(xs[i]) * pw;
                        double py = TOP + (1 - yAxis.fraction(ys[i])) * ph;
                        g.fillOval(px - 3.5, py - 3.5, 7, 7);
                        g.strokeOval(px - 3.5, py - 3.5, 7, 7);
                    }
                }
            }
            index++;
        }
    }

    private void drawLegend(GraphicsContext g, double w, double h) {
        g.setFont(SMALL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double total = 0;
        List<Double> widths = new ArrayList<>();
        for (ChartSpec.SeriesSpec s : spec.series()) {
            double width = 22 + textWidth(s.name(), SMALL_FONT) + 16;
            widths.add(width);
            total += width;
        }
        double x = Math.max(4, (w - total) / 2);
        double y = h - 10;
        int index = 0;
        for (ChartSpec.SeriesSpec s : spec.series()) {
            Color color = PALETTE[index % PALETTE.length];
            g.setStroke(color);
            g.setLineWidth(2);
            g.strokeLine(x, y, x + 16, y);
            if (s.symbols()) {
                g.setFill(color);
                g.fillOval(x + 4.5, y - 3.5, 7, 7);
            }
            g.setFill(Color.rgb(40, 40, 40));
            g.fillText(s.name(), x + 22, y);
            x += widths.get(index);
            index++;
        }
    }

    private static double textWidth(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** A linear axis with "nice" ticks (1, 2, 5 times a power of ten) covering a data range. */
    record Axis(double min, double max, double step) {
        static Axis of(double dataMin, double dataMax, int targetTicks) {
            double span = dataMax - dataMin;
            double raw = span / targetTicks;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
            double step = nice * magnitude;
            return new Axis(Math.floor(dataMin / step) * step, Math.ceil(dataMax / step) * step, step);
        }

        double fraction(double v) {
            return (v - min) / (max - min);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double t = min; t <= max + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }

        String label(double v) {
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
    }
}
