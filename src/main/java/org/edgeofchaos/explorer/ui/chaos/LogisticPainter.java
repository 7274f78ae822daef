package org.edgeofchaos.explorer.ui.chaos;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.edgeofchaos.explorer.ui.charts.Painter;

/**
 * Three panels on one r axis: the bifurcation diagram (density of attractor points; columns with lambda > 0 in
 * red), lambda(r) (positive part red) and the number of distinct stable states on a log2 axis; one orange r cursor
 * through all three and the zoom selection being dragged.
 */
public final class LogisticPainter implements Painter {
    /** Lowest lambda drawn: superstable orbits go to -infinity. */
    static final double LAMBDA_FLOOR = -2.0;

    private final LogisticPicture picture;

    public LogisticPainter(LogisticPicture picture) {
        this.picture = picture;
    }

    /** The three panels' frames for a drawing of this size (also used to map mouse positions to r). */
    static PlotFrame[] frames(LogisticPicture p, double width, double height) {
        double h1 = Math.round(height * 0.5);
        double h2 = Math.round(height * 0.25);
        double h3 = height - h1 - h2;
        double lambdaMin = LAMBDA_FLOOR;
        double lambdaMax = 0.8;
        PlotFrame bifurcation = new PlotFrame(new Rectangle2D.Double(0, 0, width, h1), p.rMin(), p.rMax(), 0, 1, 22);
        PlotFrame lambda = new PlotFrame(new Rectangle2D.Double(0, h1, width, h2), p.rMin(), p.rMax(), lambdaMin,
                lambdaMax, 22);
        PlotFrame states = new PlotFrame(new Rectangle2D.Double(0, h1 + h2, width, h3), p.rMin(), p.rMax(), 0,
                log2(p.maxStates()) + 0.4);
        return new PlotFrame[] {bifurcation, lambda, states};
    }

    /** r under the pixel column {@code px}. */
    public static double rAt(LogisticPicture p, double width, double height, double px) {
        return frames(p, width, height)[0].xAt(px);
    }

    /** Whether the pixel lies in any of the three plot areas. */
    public static boolean inPlot(LogisticPicture p, double width, double height, double px, double py) {
        for (PlotFrame f : frames(p, width, height)) {
            if (f.containsPixel(px, py)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void paint(Graphics2D g, double width, double height) {
        PlotFrame[] f = frames(picture, width, height);
        drawBifurcation(g, f[0]);
        drawLambda(g, f[1]);
        drawStates(g, f[2]);
        for (PlotFrame frame : f) {
            Shape old = frame.clip(g);
            if (picture.hasSelection()) {
                double a = frame.px(Math.min(picture.selectionFrom(), picture.selectionTo()));
                double b = frame.px(Math.max(picture.selectionFrom(), picture.selectionTo()));
                g.setColor(ChartStyle.SELECTION);
                g.fill(new Rectangle2D.Double(a, frame.area().getY(), b - a, frame.area().getHeight()));
            }
            double x = frame.px(picture.cursor());
            g.setColor(ChartStyle.CURSOR);
            g.setStroke(ChartStyle.LINE);
            g.draw(new Line2D.Double(x, frame.area().getY(), x, frame.area().getMaxY()));
            g.setClip(old);
        }
    }

    private void drawBifurcation(Graphics2D g, PlotFrame f) {
        f.drawAxes(g, "Bifurcation diagram of x -> r x (1 - x)", "", "x");
        Rectangle2D a = f.area();
        int w = (int) Math.max(1, Math.round(a.getWidth()));
        int h = (int) Math.max(1, Math.round(a.getHeight()));
        int[] counts = new int[w * h];
        boolean[] chaotic = new boolean[w];
        double[] r = picture.r();
        double half = r.length > 1 ? (r[1] - r[0]) / 2 : 0;
        for (int i = 0; i < r.length; i++) {
            int c0 = (int) Math.floor(f.px(r[i] - half) - a.getX());
            int c1 = (int) Math.floor(f.px(r[i] + half) - a.getX());
            c0 = Math.max(0, Math.min(w - 1, c0));
            c1 = Math.max(c0, Math.min(w - 1, c1));
            boolean chaos = picture.lambda()[i] > 0;
            for (int c = c0; c <= c1; c++) {
                chaotic[c] |= chaos;
                for (float x : picture.points()[i]) {
                    int row = (int) Math.floor((1 - x) * (h - 1) + 0.5);
                    if (row >= 0 && row < h) {
                        counts[row * w + c]++;
                    }
                }
            }
        }
        // Darkness grows with the log of the visits relative to the column's densest pixel, so a chaotic band
        // (points spread over many pixels) stays as visible as a cycle (all points on a few pixels).
        int[] columnMax = new int[w];
        for (int row = 0; row < h; row++) {
            for (int c = 0; c < w; c++) {
                columnMax[c] = Math.max(columnMax[c], counts[row * w + c]);
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < h; row++) {
            for (int c = 0; c < w; c++) {
                int n = counts[row * w + c];
                if (n > 0) {
                    double level = 0.45 + 0.55 * Math.log1p(n) / Math.log1p(columnMax[c]);
                    int alpha = (int) Math.round(255 * Math.min(1, level));
                    int rgb = chaotic[c] ? 0xd62728 : 0x1f3b73;
                    image.setRGB(c, row, (alpha << 24) | rgb);
                }
            }
        }
        g.drawImage(image, (int) Math.round(a.getX()), (int) Math.round(a.getY()), null);
    }

    private void drawLambda(Graphics2D g, PlotFrame f) {
        f.drawAxes(g, "lambda(r), red where > 0: chaos", "", "lambda");
        Shape old = f.clip(g);
        double[] r = picture.r();
        double[] lambda = picture.lambda();
        double zero = f.py(0);
        g.setStroke(ChartStyle.THIN);
        g.setColor(ChartStyle.AXIS);
        g.draw(new Line2D.Double(f.area().getX(), zero, f.area().getMaxX(), zero));
        // Positive part filled red, so the chaotic r ranges stand out.
        g.setColor(ChartStyle.CHAOS);
        double half = r.length > 1 ? (r[1] - r[0]) / 2 : 0;
        for (int i = 0; i < r.length; i++) {
            if (lambda[i] > 0) {
                double x0 = f.px(r[i] - half);
                double x1 = f.px(r[i] + half);
                double y = f.py(lambda[i]);
                g.fill(new Rectangle2D.Double(x0, y, Math.max(1, x1 - x0), zero - y));
            }
        }
        Path2D line = new Path2D.Double();
        for (int i = 0; i < r.length; i++) {
            double y = f.py(Math.max(LAMBDA_FLOOR, lambda[i]));
            if (i == 0) {
                line.moveTo(f.px(r[i]), y);
            } else {
                line.lineTo(f.px(r[i]), y);
            }
        }
        g.setColor(ChartStyle.ORDER);
        g.setStroke(ChartStyle.THIN);
        g.draw(line);
        g.setClip(old);
    }

    private void drawStates(Graphics2D g, PlotFrame f) {
        int top = (int) Math.round(log2(picture.maxStates()));
        double[] ticks = new double[top + 1];
        String[] labels = new String[top + 1];
        for (int k = 0; k <= top; k++) {
            ticks[k] = k;
            labels[k] = k == top ? ">=" + (1 << k) : Integer.toString(1 << k);
        }
        f.drawAxes(g, "Distinct stable states (period)", "r", "states", ticks, labels);
        Shape old = f.clip(g);
        double[] r = picture.r();
        double half = r.length > 1 ? (r[1] - r[0]) / 2 : 0;
        double base = f.py(0);
        for (int i = 0; i < r.length; i++) {
            int n = picture.states()[i];
            double y = f.py(log2(n));
            double x0 = f.px(r[i] - half);
            double x1 = f.px(r[i] + half);
            g.setColor(n >= picture.maxStates() ? (picture.lambda()[i] > 0 ? ChartStyle.CHAOS : ChartStyle.MUTED)
                    : ChartStyle.ORDER);
            g.fill(new Rectangle2D.Double(x0, Math.min(y, base - 2), Math.max(1, x1 - x0),
                    Math.max(2, base - y)));
        }
        g.setClip(old);
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
