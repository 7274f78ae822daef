package org.edgeofchaos.explorer.ui.chaos;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot's data-to-pixel mapping inside a rectangle of the drawing, with axes, ticks at "nice" values, grid and
 * labels. Immutable; the painters build one per panel each time they paint.
 */
final class PlotFrame {
    static final double LEFT = 58;
    static final double RIGHT = 14;
    static final double TOP = 24;
    static final double BOTTOM = 38;

    private final Rectangle2D area;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /** {@code outer} is the panel; the plot area leaves the standard margins for ticks and labels. */
    PlotFrame(Rectangle2D outer, double xMin, double xMax, double yMin, double yMax) {
        this(outer, xMin, xMax, yMin, yMax, BOTTOM);
    }

    PlotFrame(Rectangle2D outer, double xMin, double xMax, double yMin, double yMax, double bottom) {
        this.area = new Rectangle2D.Double(outer.getX() + LEFT, outer.getY() + TOP,
                Math.max(1, outer.getWidth() - LEFT - RIGHT), Math.max(1, outer.getHeight() - TOP - bottom));
        this.xMin = xMin;
        this.xMax = xMax > xMin ? xMax : xMin + 1;
        this.yMin = yMin;
        this.yMax = yMax > yMin ? yMax : yMin + 1;
    }

    Rectangle2D area() {
        return area;
    }

    double xMin() {
        return xMin;
    }

    double xMax() {
        return xMax;
    }

    double px(double x) {
        return area.getX() + (x - xMin) / (xMax - xMin) * area.getWidth();
    }

    double py(double y) {
        return area.getMaxY() - (y - yMin) / (yMax - yMin) * area.getHeight();
    }

    /** Data x at pixel column {@code px}. */
    double xAt(double px) {
        return xMin + (px - area.getX()) / area.getWidth() * (xMax - xMin);
    }

    boolean containsPixel(double px, double py) {
        return area.contains(px, py);
    }

    /** Background, grid, axis box, tick labels and axis labels; {@code xLabel} null hides the x tick labels. */
    void drawAxes(Graphics2D g, String title, String xLabel, String yLabel) {
        drawAxes(g, title, xLabel, yLabel, null, null);
    }

    /** As above with given y ticks and their labels (e.g. 1, 2, 4 ... on a log2 axis). */
    void drawAxes(Graphics2D g, String title, String xLabel, String yLabel, double[] yTicks, String[] yTickLabels) {
        g.setColor(ChartStyle.BACKGROUND);
        g.fill(area);
        g.setStroke(ChartStyle.THIN);
        g.setFont(ChartStyle.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (double t : ticks(xMin, xMax, Math.max(2, (int) (area.getWidth() / 80)))) {
            double x = px(t);
            g.setColor(ChartStyle.GRID);
            g.draw(new Line2D.Double(x, area.getY(), x, area.getMaxY()));
            if (xLabel != null) {
                String s = format(t, xMax - xMin);
                g.setColor(ChartStyle.TEXT);
                g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (area.getMaxY() + fm.getAscent() + 3));
            }
        }
        List<Double> yt = new ArrayList<>();
        if (yTicks == null) {
            yt = ticks(yMin, yMax, Math.max(2, (int) (area.getHeight() / 40)));
        } else {
            for (double t : yTicks) {
                yt.add(t);
            }
        }
        for (int k = 0; k < yt.size(); k++) {
            double t = yt.get(k);
            double y = py(t);
            g.setColor(ChartStyle.GRID);
            g.draw(new Line2D.Double(area.getX(), y, area.getMaxX(), y));
            String s = yTickLabels != null ? yTickLabels[k] : format(t, yMax - yMin);
            g.setColor(ChartStyle.TEXT);
            g.drawString(s, (float) (area.getX() - fm.stringWidth(s) - 5), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        g.setColor(ChartStyle.AXIS);
        g.draw(area);
        if (title != null) {
            g.setFont(ChartStyle.TITLE);
            g.setColor(ChartStyle.TEXT);
            g.drawString(title, (float) area.getX(), (float) (area.getY() - 7));
        }
        g.setFont(ChartStyle.LABEL);
        g.setColor(ChartStyle.TEXT);
        FontMetrics lm = g.getFontMetrics();
        if (xLabel != null && !xLabel.isEmpty()) {
            g.drawString(xLabel, (float) (area.getCenterX() - lm.stringWidth(xLabel) / 2.0),
                    (float) (area.getMaxY() + fm.getHeight() + lm.getAscent() + 4));
        }
        if (yLabel != null && !yLabel.isEmpty()) {
            AffineTransform saved = g.getTransform();
            g.translate(area.getX() - LEFT + lm.getAscent() + 2, area.getCenterY() + lm.stringWidth(yLabel) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, 0f, 0f);
            g.setTransform(saved);
        }
    }

    /** Clips drawing to the plot area; returns the previous clip to restore. */
    Shape clip(Graphics2D g) {
        Shape old = g.getClip();
        g.clip(area);
        return old;
    }

    /** About {@code target} round tick values covering [min, max] (1, 2, 5 times a power of ten). */
    static List<Double> ticks(double min, double max, int target) {
        List<Double> out = new ArrayList<>();
        double span = max - min;
        if (!(span > 0) || !Double.isFinite(span)) {
            return out;
        }
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] nice = {0.2, 0.5, 1, 2, 5, 10};
        int k = 2;
        while (k < nice.length - 1 && nice[k] * magnitude < raw) {
            k++;
        }
        // At least three ticks: a narrow axis would otherwise show a single label.
        while (k > 0 && span / (nice[k] * magnitude) < 2) {
            k--;
        }
        double step = nice[k] * magnitude;
        double first = Math.ceil(min / step - 1e-9) * step;
        for (double t = first; t <= max + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** Enough decimals to tell ticks of a span apart. */
    static String format(double value, double span) {
        int decimals = (int) Math.max(0, Math.min(8, Math.ceil(-Math.log10(span / 10))));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
