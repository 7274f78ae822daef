package org.edgeofchaos.explorer.ui.chaos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.edgeofchaos.explorer.ui.charts.Painter;

/** The trained network's charts: spectrum with the unit circle, return map, and the evolution over epochs. */
public final class NetworkPainters {

    static final Color WEIGHTS_OUTSIDE = new Color(0xff, 0x7f, 0x0e);

    private NetworkPainters() {
    }

    /** Colour of an attractor kind, shared by the charts and the legend. */
    static Color colorOf(String kind) {
        if (kind == null) {
            return ChartStyle.MUTED;
        }
        return switch (kind) {
            case "fixed-point" -> ChartStyle.ORDER;
            case "periodic" -> new Color(0x2c, 0xa0, 0x2c);
            case "quasi-periodic" -> new Color(0x94, 0x67, 0xbd);
            case "chaotic" -> ChartStyle.CHAOS;
            default -> ChartStyle.MUTED;
        };
    }

    /**
     * The complex plane, square, with the unit circle (the edge: an eigenvalue of D* outside it is an unstable
     * direction), the circle of radius J (where a random W's eigenvalues would end), W's eigenvalues as grey rings
     * and D*'s as green dots (red outside the unit circle).
     */
    public static Painter spectrum(NetworkPictures.Spectrum s) {
        return (g, width, height) -> {
            double radius = 1.15;
            for (int k = 0; k < s.weightRe().length; k++) {
                radius = Math.max(radius, 1.05 * Math.hypot(s.weightRe()[k], s.weightIm()[k]));
            }
            for (int k = 0; k < s.jacobianRe().length; k++) {
                radius = Math.max(radius, 1.05 * Math.hypot(s.jacobianRe()[k], s.jacobianIm()[k]));
            }
            if (Double.isFinite(s.j())) {
                radius = Math.max(radius, 1.05 * s.j());
            }
            // Square plot area: fit the larger of the two spans into the smaller side.
            String[] labels = {"W", "W outside", "D*", "D* outside", "|mu| = 1", "|mu| = J"};
            Color[] colors = {ChartStyle.WEIGHTS, WEIGHTS_OUTSIDE, ChartStyle.JACOBIAN, ChartStyle.CHAOS,
                ChartStyle.UNIT_CIRCLE, ChartStyle.MUTED};
            // The legend wraps when the square is narrow: reserve its lines before sizing the square.
            // A narrower square may need another line: settle in a few rounds (the line count only grows).
            double bottom = PlotFrame.BOTTOM + LEGEND_ROW;
            double side = 0;
            for (int round = 0; round < 3; round++) {
                side = Math.min(width - PlotFrame.LEFT - PlotFrame.RIGHT, height - PlotFrame.TOP - bottom);
                bottom = PlotFrame.BOTTOM + LEGEND_ROW + 13 * (legendLines(g, labels, side + PlotFrame.RIGHT) - 1);
            }
            side = Math.min(width - PlotFrame.LEFT - PlotFrame.RIGHT, height - PlotFrame.TOP - bottom);
            double ox = (width - PlotFrame.LEFT - PlotFrame.RIGHT - side) / 2;
            double oy = (height - PlotFrame.TOP - bottom - side) / 2;
            PlotFrame f = new PlotFrame(new Rectangle2D.Double(ox, oy, side + PlotFrame.LEFT + PlotFrame.RIGHT,
                    side + PlotFrame.TOP + bottom), -radius, radius, -radius, radius, bottom);
            f.drawAxes(g, s.title(), "Re", "Im");
            Shape old = f.clip(g);
            g.setStroke(ChartStyle.THIN);
            g.setColor(ChartStyle.GRID.darker());
            g.draw(new Line2D.Double(f.px(-radius), f.py(0), f.px(radius), f.py(0)));
            g.draw(new Line2D.Double(f.px(0), f.py(-radius), f.px(0), f.py(radius)));
            if (Double.isFinite(s.j()) && s.j() > 0) {
                g.setColor(ChartStyle.MUTED);
                g.setStroke(ChartStyle.DASHED);
                g.draw(circle(f, s.j()));
            }
            g.setColor(ChartStyle.UNIT_CIRCLE);
            g.setStroke(ChartStyle.LINE);
            g.draw(circle(f, 1));
            g.setStroke(ChartStyle.THIN);
            double ring = 5;
            for (int k = 0; k < s.weightRe().length; k++) {
                // W's eigenvalues outside the unit circle in orange: the pair that leaves it is the Neimark-Sacker
                // signature (x = 0 loses stability to an oscillation).
                boolean out = Math.hypot(s.weightRe()[k], s.weightIm()[k]) > 1;
                g.setColor(out ? WEIGHTS_OUTSIDE : ChartStyle.WEIGHTS);
                g.setStroke(out ? ChartStyle.LINE : ChartStyle.THIN);
                double d = out ? ring + 2 : ring;
                g.draw(new Ellipse2D.Double(f.px(s.weightRe()[k]) - d / 2, f.py(s.weightIm()[k]) - d / 2, d, d));
            }
            g.setStroke(ChartStyle.THIN);
            double dot = 4.5;
            for (int k = 0; k < s.jacobianRe().length; k++) {
                double re = s.jacobianRe()[k];
                double im = s.jacobianIm()[k];
                g.setColor(Math.hypot(re, im) > 1 ? ChartStyle.CHAOS : ChartStyle.JACOBIAN);
                g.fill(new Ellipse2D.Double(f.px(re) - dot / 2, f.py(im) - dot / 2, dot, dot));
            }
            g.setClip(old);
            legendRow(g, f, f.area().getMaxY() + PlotFrame.BOTTOM + 10, labels, colors);
            if (s.empty()) {
                note(g, f, "No eigenvalues stored");
            }
        };
    }

    private static Ellipse2D circle(PlotFrame f, double r) {
        return new Ellipse2D.Double(f.px(-r), f.py(r), f.px(r) - f.px(-r), f.py(-r) - f.py(r));
    }

    /** Height reserved under a plot for one legend row. */
    static final double LEGEND_ROW = 20;

    /** Lines {@link #legendRow} needs for these labels in {@code width}. */
    private static int legendLines(Graphics2D g, String[] labels, double width) {
        java.awt.FontMetrics fm = g.getFontMetrics(ChartStyle.TICK);
        int lines = 1;
        double x = 0;
        for (String label : labels) {
            int w = fm.stringWidth(label) + 22;
            if (x + w > width && x > 0) {
                lines++;
                x = 0;
            }
            x += w;
        }
        return lines;
    }

    /** Legend entries in a row (wrapping) starting at the plot's left edge, baseline {@code y}. */
    private static void legendRow(Graphics2D g, PlotFrame f, double y, String[] labels, Color[] colors) {
        g.setFont(ChartStyle.TICK);
        double x = f.area().getX();
        double line = y;
        for (int k = 0; k < labels.length; k++) {
            int w = g.getFontMetrics().stringWidth(labels[k]) + 22;
            if (x + w > f.area().getMaxX() + PlotFrame.RIGHT && x > f.area().getX()) {
                x = f.area().getX();
                line += 13;
            }
            g.setColor(colors[k]);
            g.fill(new Rectangle2D.Double(x, line - 7, 10, 5));
            g.setColor(ChartStyle.TEXT);
            g.drawString(labels[k], (float) (x + 14), (float) line);
            x += w;
        }
    }

    private static void note(Graphics2D g, PlotFrame f, String text) {
        g.setFont(ChartStyle.LABEL);
        g.setColor(ChartStyle.MUTED);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (f.area().getCenterX() - w / 2.0), (float) f.area().getCenterY());
    }

    /** m_{t+1} against m_t with the diagonal; later points darker. */
    public static Painter returnMap(NetworkPictures.ReturnMap r) {
        return (g, width, height) -> {
            float[] m = r.meanActivity();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (float v : m) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (!(hi >= lo)) {
                lo = -0.1;
                hi = 0.1;
            }
            double pad = Math.max(0.1 * (hi - lo), 1e-3);
            lo -= pad;
            hi += pad;
            double side = Math.min(width - PlotFrame.LEFT - PlotFrame.RIGHT, height - PlotFrame.TOP - PlotFrame.BOTTOM);
            double ox = (width - PlotFrame.LEFT - PlotFrame.RIGHT - side) / 2;
            PlotFrame f = new PlotFrame(new Rectangle2D.Double(ox, 0, side + PlotFrame.LEFT + PlotFrame.RIGHT,
                    side + PlotFrame.TOP + PlotFrame.BOTTOM), lo, hi, lo, hi);
            f.drawAxes(g, r.title(), "m_t", "m_t+1");
            Shape old = f.clip(g);
            g.setColor(ChartStyle.MUTED);
            g.setStroke(ChartStyle.DASHED);
            g.draw(new Line2D.Double(f.px(lo), f.py(lo), f.px(hi), f.py(hi)));
            double dot = 3.5;
            for (int t = 0; t + 1 < m.length; t++) {
                float shade = 0.25f + 0.75f * t / Math.max(1, m.length - 2);
                g.setColor(new Color(0x94 / 255f, 0x67 / 255f, 0xbd / 255f, shade));
                g.fill(new Ellipse2D.Double(f.px(m[t]) - dot / 2, f.py(m[t + 1]) - dot / 2, dot, dot));
            }
            g.setClip(old);
            if (m.length < 2) {
                note(g, f, "No return map stored");
            }
        };
    }

    /**
     * Two panels over the epochs: lambda_max with its 3-sigma bar, coloured by attractor kind; the Jacobian norm
     * ||D*||_F / sqrt(N), J and the leading |eigenvalue| of W against the edge at 1. The selected epoch is marked.
     */
    public static Painter evolution(NetworkPictures.Evolution e) {
        return (g, width, height) -> {
            int n = e.size();
            double xMin = n == 0 ? 0 : e.epochs()[0] - 0.5;
            double xMax = n == 0 ? 1 : e.epochs()[n - 1] + 0.5;
            double half = Math.round(height / 2);
            double lMin = -0.05;
            double lMax = 0.05;
            double top = 1.2;
            for (int k = 0; k < n; k++) {
                if (Double.isFinite(e.lambda()[k])) {
                    lMin = Math.min(lMin, e.lambda()[k]);
                    lMax = Math.max(lMax, e.lambda()[k]);
                }
                for (double v : new double[] {e.jacobianNorm()[k], e.leadingWeight()[k], e.j()[k]}) {
                    if (Double.isFinite(v)) {
                        top = Math.max(top, v * 1.05);
                    }
                }
            }
            // Wide area: the two panels side by side; otherwise stacked.
            boolean wide = width > 1.6 * height;
            double panelWidth = wide ? Math.round(width / 2) : width;
            Rectangle2D first = wide ? new Rectangle2D.Double(0, 0, panelWidth, height)
                    : new Rectangle2D.Double(0, 0, width, half);
            Rectangle2D second = wide ? new Rectangle2D.Double(panelWidth, 0, width - panelWidth, height)
                    : new Rectangle2D.Double(0, half, width, height - half);
            PlotFrame fl = new PlotFrame(first, xMin, xMax, lMin * 1.1, lMax * 1.1,
                    (wide ? PlotFrame.BOTTOM : 22) + LEGEND_ROW + (panelWidth < 420 ? 13 : 0));
            fl.drawAxes(g, "lambda_max +- 3 SE, by attractor", wide ? "epoch" : "", "lambda_max");
            Shape old = fl.clip(g);
            g.setColor(ChartStyle.AXIS);
            g.draw(new Line2D.Double(fl.area().getX(), fl.py(0), fl.area().getMaxX(), fl.py(0)));
            mark(g, fl, e);
            for (int k = 0; k < n; k++) {
                double x = fl.px(e.epochs()[k]);
                double l = e.lambda()[k];
                if (!Double.isFinite(l)) {
                    continue;
                }
                double err = Double.isFinite(e.lambdaError()[k]) ? 3 * e.lambdaError()[k] : 0;
                g.setColor(colorOf(e.kinds()[k]));
                g.draw(new Line2D.Double(x, fl.py(l - err), x, fl.py(l + err)));
                g.fill(new Ellipse2D.Double(x - 3.5, fl.py(l) - 3.5, 7, 7));
            }
            g.setClip(old);
            kindsLegend(g, fl, fl.area().getMaxY() + (wide ? PlotFrame.BOTTOM + 6 : 30));

            PlotFrame fj = new PlotFrame(second, xMin, xMax, 0, top, PlotFrame.BOTTOM + LEGEND_ROW);
            fj.drawAxes(g, "The edge at 1", "epoch", "");
            old = fj.clip(g);
            g.setColor(ChartStyle.AXIS);
            g.setStroke(ChartStyle.DASHED);
            g.draw(new Line2D.Double(fj.area().getX(), fj.py(1), fj.area().getMaxX(), fj.py(1)));
            g.setStroke(ChartStyle.THIN);
            mark(g, fj, e);
            line(g, fj, e.epochs(), e.j(), ChartStyle.MUTED);
            line(g, fj, e.epochs(), e.leadingWeight(), new Color(0xff, 0x7f, 0x0e));
            line(g, fj, e.epochs(), e.jacobianNorm(), ChartStyle.JACOBIAN);
            g.setClip(old);
            legendRow(g, fj, fj.area().getMaxY() + PlotFrame.BOTTOM + 6, new String[] {"||D*||_F / sqrt(N)",
                "|mu_1(W)|", "J"},
                    new Color[] {ChartStyle.JACOBIAN, new Color(0xff, 0x7f, 0x0e), ChartStyle.MUTED});
        };
    }

    private static void kindsLegend(Graphics2D g, PlotFrame f, double y) {
        String[] kinds = {"fixed-point", "periodic", "quasi-periodic", "chaotic"};
        Color[] colors = new Color[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            colors[k] = colorOf(kinds[k]);
        }
        legendRow(g, f, y, kinds, colors);
    }

    private static void mark(Graphics2D g, PlotFrame f, NetworkPictures.Evolution e) {
        if (e.selected() >= 0 && e.selected() < e.size()) {
            double x = f.px(e.epochs()[e.selected()]);
            g.setColor(ChartStyle.SELECTION);
            g.fill(new Rectangle2D.Double(x - 5, f.area().getY(), 10, f.area().getHeight()));
        }
    }

    private static void line(Graphics2D g, PlotFrame f, int[] xs, double[] ys, Color color) {
        Path2D path = new Path2D.Double();
        boolean started = false;
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(ys[k])) {
                started = false;
                continue;
            }
            if (!started) {
                path.moveTo(f.px(xs[k]), f.py(ys[k]));
                started = true;
            } else {
                path.lineTo(f.px(xs[k]), f.py(ys[k]));
            }
        }
        g.setColor(color);
        g.setStroke(ChartStyle.LINE);
        g.draw(path);
        g.setStroke(ChartStyle.THIN);
        for (int k = 0; k < xs.length; k++) {
            if (Double.isFinite(ys[k])) {
                g.fill(new Ellipse2D.Double(f.px(xs[k]) - 2.5, f.py(ys[k]) - 2.5, 5, 5));
            }
        }
    }
}
