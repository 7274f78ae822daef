package org.edgeofchaos.explorer.ui.chaos;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.edgeofchaos.explorer.ui.charts.Painter;

/** The cobweb plot and the time series of one logistic-map orbit (the r cursor's). */
public final class OrbitPainters {

    /** Iterates drawn lightly as the transient; the rest is the orbit on its attractor. */
    static final int TRANSIENT_SHOWN = 30;

    private OrbitPainters() {
    }

    /** f(x) = r x (1 - x) against the diagonal with the orbit's staircase from x0. */
    public static Painter cobweb(double r, double[] xs) {
        return (g, width, height) -> {
            PlotFrame f = new PlotFrame(new Rectangle2D.Double(0, 0, width, height), 0, 1, 0, 1);
            f.drawAxes(g, String.format(Locale.ROOT, "Cobweb at r = %.6f", r), "x_t", "x_t+1");
            Shape old = f.clip(g);
            g.setStroke(ChartStyle.THIN);
            g.setColor(ChartStyle.MUTED);
            g.draw(new Line2D.Double(f.px(0), f.py(0), f.px(1), f.py(1)));
            Path2D parabola = new Path2D.Double();
            for (int k = 0; k <= 200; k++) {
                double x = k / 200.0;
                double y = r * x * (1 - x);
                if (k == 0) {
                    parabola.moveTo(f.px(x), f.py(y));
                } else {
                    parabola.lineTo(f.px(x), f.py(y));
                }
            }
            g.setColor(ChartStyle.ORDER);
            g.setStroke(ChartStyle.LINE);
            g.draw(parabola);
            g.setStroke(ChartStyle.THIN);
            for (int t = 0; t + 1 < xs.length; t++) {
                double x = xs[t];
                double y = xs[t + 1];
                g.setColor(t < TRANSIENT_SHOWN ? new java.awt.Color(0xff, 0x7f, 0x0e, 0x66) : ChartStyle.CHAOS);
                // Vertical to the curve, horizontal to the diagonal.
                g.draw(new Line2D.Double(f.px(x), f.py(t == 0 ? 0 : x), f.px(x), f.py(y)));
                g.draw(new Line2D.Double(f.px(x), f.py(y), f.px(y), f.py(y)));
            }
            g.setClip(old);
        };
    }

    /** x_t against t. */
    public static Painter timeSeries(double r, double[] xs) {
        return (g, width, height) -> {
            PlotFrame f = new PlotFrame(new Rectangle2D.Double(0, 0, width, height), 0, Math.max(1, xs.length - 1),
                    0, 1);
            f.drawAxes(g, String.format(Locale.ROOT, "Time series at r = %.6f", r), "t", "x_t");
            Shape old = f.clip(g);
            Path2D line = new Path2D.Double();
            for (int t = 0; t < xs.length; t++) {
                if (t == 0) {
                    line.moveTo(f.px(t), f.py(xs[t]));
                } else {
                    line.lineTo(f.px(t), f.py(xs[t]));
                }
            }
            g.setColor(ChartStyle.MUTED);
            g.setStroke(ChartStyle.THIN);
            g.draw(line);
            double dot = xs.length > 150 ? 2.5 : 4;
            for (int t = 0; t < xs.length; t++) {
                g.setColor(t < TRANSIENT_SHOWN ? ChartStyle.CURSOR : ChartStyle.CHAOS);
                g.fill(new Ellipse2D.Double(f.px(t) - dot / 2, f.py(xs[t]) - dot / 2, dot, dot));
            }
            g.setClip(old);
        };
    }
}
