package org.edgeofchaos.explorer.ui.phase;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.common.CanvasRegion;
import org.edgeofchaos.explorer.ui.common.Theme;

/**
 * A small chart on a canvas for the cell inspector: a line against an index (optionally with a log-scale y axis), or
 * a scatter of (x, y) pairs with the diagonal y = x (a return map). Redrawn at most once per pulse, in the colours
 * of the window's theme (the charts' light or dark style), or always light for a file ({@link #setLight}).
 */
public final class MiniPlot extends CanvasRegion {
    private static final double LEFT = 56;
    private static final double RIGHT = 10;
    private static final double TOP = 22;
    private static final double BOTTOM = 34;

    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private double[] xs;
    private double[] ys;
    private boolean logY;
    private boolean scatter;
    private String placeholder = "computing…";
    private boolean alwaysLight;

    public MiniPlot() {
        setMinSize(200, 150);
        setPrefSize(340, 210);
        Theme.currentProperty().addListener((obs, o, n) -> markDirty());
    }

    /** Draws in the light style whatever the window's theme (exports, which are light like paper). */
    public void setLight(boolean light) {
        alwaysLight = light;
        markDirty();
    }

    private ChartPainter.Style style() {
        return alwaysLight ? ChartPainter.Style.LIGHT : org.edgeofchaos.explorer.ui.charts.SpecChart.screenStyle();
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    public void setLabels(String newTitle, String newXLabel, String newYLabel) {
        title = newTitle;
        xLabel = newXLabel;
        yLabel = newYLabel;
        markDirty();
    }

    /** y against t = 0, 1, 2, ... */
    public void showSeries(double[] values, boolean logScale) {
        ys = values;
        xs = null;
        logY = logScale;
        scatter = false;
        markDirty();
    }

    /** Points (x_i, y_i) with the diagonal. */
    public void showScatter(double[] x, double[] y) {
        xs = x;
        ys = y;
        logY = false;
        scatter = true;
        markDirty();
    }

    public void clear(String text) {
        xs = null;
        ys = null;
        placeholder = text;
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        ChartPainter.Style style = style();
        boolean dark = style == ChartPainter.Style.DARK;
        g.setFill(fx(style.background()));
        g.fillRect(0, 0, w, h);
        g.setFill(fx(style.text()));
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 6, 4);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (ys == null || ys.length == 0 || pw < 20 || ph < 20) {
            g.setFont(Font.font(11));
            g.setFill(fx(style.mutedText()));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(placeholder, w / 2, h / 2);
            return;
        }
        double[] x = xs;
        if (x == null) {
            x = new double[ys.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
        }
        double[] y = new double[ys.length];
        double floor = Double.POSITIVE_INFINITY;
        for (double v : ys) {
            if (v > 0) {
                floor = Math.min(floor, v);
            }
        }
        // log scale: exact zeros (a state collapsed onto 0) sit at the bottom of the axis
        double zeroAt = Double.isFinite(floor) ? Math.log10(floor) - 0.5 : -30;
        for (int i = 0; i < y.length; i++) {
            y[i] = logY ? (ys[i] > 0 ? Math.log10(ys[i]) : zeroAt) : ys[i];
        }
        double[] xr = range(x);
        double[] yr = range(y);
        if (scatter) {
            double lo = Math.min(xr[0], yr[0]);
            double hi = Math.max(xr[1], yr[1]);
            xr = new double[] {lo, hi};
            yr = new double[] {lo, hi};
        }
        double[] xRange = xr;
        double[] yRange = yr;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v - xRange[0]) / (xRange[1] - xRange[0]) * pw;
        java.util.function.DoubleUnaryOperator sy = v -> TOP + ph - (v - yRange[0]) / (yRange[1] - yRange[0]) * ph;

        g.setFill(fx(style.plot()));
        g.fillRect(LEFT, TOP, pw, ph);
        g.setStroke(fx(style.grid()));
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, pw, ph);
        if (scatter) {
            g.setStroke(fx(style.frame()));
            g.setLineDashes(4, 3);
            g.strokeLine(sx.applyAsDouble(xRange[0]), sy.applyAsDouble(xRange[0]), sx.applyAsDouble(xRange[1]),
                    sy.applyAsDouble(xRange[1]));
            g.setLineDashes(null);
            int start = Math.max(0, x.length - 400);
            for (int i = 0; i < x.length; i++) {
                boolean late = i >= start;
                g.setFill(late ? (dark ? Color.rgb(255, 123, 114, 0.85) : Color.rgb(178, 24, 43, 0.75))
                        : (dark ? Color.rgb(160, 170, 180, 0.4) : Color.rgb(120, 120, 120, 0.35)));
                double r = late ? 2.2 : 1.6;
                g.fillOval(sx.applyAsDouble(x[i]) - r, sy.applyAsDouble(y[i]) - r, 2 * r, 2 * r);
            }
        } else {
            g.setStroke(fx(style.series(0)));
            g.setLineWidth(1.4);
            g.beginPath();
            for (int i = 0; i < x.length; i++) {
                double px = sx.applyAsDouble(x[i]);
                double py = sy.applyAsDouble(y[i]);
                if (i == 0) {
                    g.moveTo(px, py);
                } else {
                    g.lineTo(px, py);
                }
            }
            g.stroke();
        }
        // ticks
        g.setFill(fx(style.text()));
        g.setStroke(fx(style.frame()));
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : niceTicks(xRange[0], xRange[1])) {
            double px = sx.applyAsDouble(t);
            g.strokeLine(px, TOP + ph, px, TOP + ph + 3);
            g.fillText(format(t), px, TOP + ph + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double[] yTicks = logY ? decades(yRange[0], yRange[1]) : niceTicks(yRange[0], yRange[1]);
        for (double t : yTicks) {
            double py = sy.applyAsDouble(t);
            g.strokeLine(LEFT - 3, py, LEFT, py);
            g.fillText(logY ? "1e" + Math.round(t) : format(t), LEFT - 5, py);
        }
        g.setFont(Font.font(10.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, LEFT + pw / 2, h - 2);
        g.save();
        g.translate(10, TOP + ph / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(yLabel + (logY ? " (log)" : ""), 0, 0);
        g.restore();
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 1};
        }
        if (hi - lo < 1e-9) {
            double pad = Math.max(1e-3, Math.abs(lo) * 0.1);
            return new double[] {lo - pad, hi + pad};
        }
        double pad = (hi - lo) * 0.05;
        return new double[] {lo - pad, hi + pad};
    }

    private static double[] niceTicks(double lo, double hi) {
        double span = hi - lo;
        double step = Math.pow(10, Math.floor(Math.log10(span / 4)));
        if (span / step > 8) {
            step *= span / step > 16 ? 5 : 2;
        }
        int count = (int) Math.floor(hi / step) - (int) Math.ceil(lo / step) + 1;
        double[] ticks = new double[Math.max(0, Math.min(count, 12))];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (Math.ceil(lo / step) + i) * step;
        }
        return ticks;
    }

    private static double[] decades(double lo, double hi) {
        int a = (int) Math.ceil(lo);
        int b = (int) Math.floor(hi);
        int every = Math.max(1, (b - a + 1) / 6);
        int count = Math.max(0, (b - a) / every + 1);
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = a + i * every;
        }
        return ticks;
    }

    private static String format(double v) {
        if (Math.abs(v) < 1e-12) {
            return "0";
        }
        String s = String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
