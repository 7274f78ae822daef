package org.edgeofchaos.explorer.ui.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.sweep.ScalingLaw;
import org.edgeofchaos.explorer.sweep.SweepMap;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.sweep.SweepParameter;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a sweep map: one exact cell per combination (no interpolation), the values' tick labels, a colour bar
 * (diverging around lambda_max = 0 or J = 1, sequential otherwise), the edge J = 1 as a thick line along cell
 * borders, the scaling law's dashed iso-lines of predicted epochs to the edge, diverged cells crossed, running
 * cells framed in orange with their epochs done and missing cells grey.
 */
public final class SweepMapPainter {
    private static final Color MISSING = new Color(225, 225, 225);
    private static final Color TEXT = new Color(30, 30, 30);
    private static final Color RUNNING = new Color(230, 120, 0);
    private static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(146, 197, 222),
        new Color(247, 247, 247), new Color(244, 165, 130), new Color(178, 24, 43)};
    /** Viridis at five stops. */
    private static final Color[] SEQUENTIAL = {new Color(68, 1, 84), new Color(59, 82, 139),
        new Color(33, 145, 140), new Color(94, 201, 98), new Color(253, 231, 37)};

    private SweepMapPainter() {
    }

    /** Writes the map as PNG or SVG, chosen by the file's extension. */
    public static void export(SweepMap map, Path file, int width, int height) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            paint(g, map, width, height);
            byte[] svg = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, svg);
        } else {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                paint(g, map, width, height);
            } finally {
                g.dispose();
            }
            AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
        }
    }

    public static void paint(Graphics2D g, SweepMap map, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        SweepSpec spec = map.spec();
        SweepMetric metric = map.metric();
        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(11, Math.min(width, height) / 60));
        Font small = base.deriveFont(base.getSize2D() * 0.85f);
        Font title = base.deriveFont(Font.BOLD, base.getSize2D() * 1.25f);

        Rectangle2D plot = plotArea(map, width, height);
        double left = plot.getMinX();
        double right = plot.getMaxX();
        double top = plot.getMinY();
        double bottom = plot.getMaxY();
        int columns = map.columns();
        int rows = map.rows();
        double cw = (right - left) / columns;
        double ch = (bottom - top) / rows;

        double[] range = map.range();
        Scale scale = new Scale(metric, range);

        // title
        g.setColor(TEXT);
        g.setFont(title);
        g.drawString(metric.title() + (spec.seeds() > 1 ? " (mean of " + spec.seeds() + " seeds)" : ""),
                (float) left, (float) (top * 0.45));
        g.setFont(small);
        g.drawString(String.format(Locale.ROOT, "%d epochs, %d training images at %dx%d, fixed: %s", spec.fixed()
                .epochs(), spec.data().trainSize(), spec.data().resolution(), spec.data().resolution(),
                fixedSettings(spec)), (float) left, (float) (top * 0.78));

        // cells
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                SweepStatus.Cell cell = map.cell(column, row);
                double v = map.value(column, row);
                double x = left + column * cw;
                double y = bottom - (row + 1) * ch;
                Rectangle2D r = new Rectangle2D.Double(x, y, cw, ch);
                Color fill = Double.isFinite(v) ? scale.color(v) : MISSING;
                g.setColor(fill);
                g.fill(r);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f));
                g.draw(r);
                String text = Double.isFinite(v) ? format(metric, v) : cell.done() == cell.seeds() ? "n/a" : "–";
                if (cell.running() > 0 && cell.seeds() == 1) {
                    // a run training now: its epochs so far (its value so far, if any, before them)
                    long epochsDone = Math.round(cell.progress() * spec.fixed().epochs());
                    text = (Double.isFinite(v) ? text + " · " : "") + String.format(Locale.ROOT, "epoch %d/%d",
                            epochsDone, spec.fixed().epochs());
                } else if (cell.running() > 0 || (!cell.complete() && cell.progress() > 0)) {
                    text = text + String.format(Locale.ROOT, " (%.0f%%)", 100 * cell.progress());
                }
                if (cell.running() > 0) {
                    // training now: an orange frame and a bar along the bottom that fills with the epochs
                    g.setColor(RUNNING);
                    g.setStroke(new BasicStroke(2.5f));
                    g.draw(new Rectangle2D.Double(x + 2, y + 2, cw - 4, ch - 4));
                    g.fill(new Rectangle2D.Double(x + 2, y + ch - 6, (cw - 4) * cell.progress(), 4));
                }
                if (cell.diverged() > 0) {
                    drawCross(g, r);
                    text = cell.diverged() == cell.seeds() ? "diverged" : text + " ×" + cell.diverged();
                }
                if (fm.stringWidth(text) < cw - 4 && fm.getHeight() < ch - 2) {
                    g.setColor(Double.isFinite(v) && luminance(fill) < 0.45 ? Color.WHITE : TEXT);
                    g.drawString(text, (float) (x + (cw - fm.stringWidth(text)) / 2),
                            (float) (y + ch / 2 + fm.getAscent() / 2.0 - 2));
                }
            }
        }

        // edge J = 1
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (SweepMap.Segment s : map.edge()) {
            g.draw(new Line2D.Double(left + s.x1() * cw, bottom - s.y1() * ch, left + s.x2() * cw,
                    bottom - s.y2() * ch));
        }

        // iso-lines of the scaling law
        Stroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {7f, 5f}, 0f);
        for (SweepMap.IsoLine line : map.isoLines()) {
            Path2D path = new Path2D.Double();
            List<double[]> pts = line.points();
            for (int i = 0; i < pts.size(); i++) {
                double px = left + pts.get(i)[0] * cw;
                double py = bottom - pts.get(i)[1] * ch;
                if (i == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
            g.setColor(new Color(40, 40, 40, 200));
            g.setStroke(dashed);
            g.draw(path);
            double[] end = pts.get(pts.size() - 1);
            String label = "e*≈" + SweepParameter.formatNumber(line.epochs());
            g.setFont(small);
            float lx = (float) Math.min(right - g.getFontMetrics().stringWidth(label) - 2, left + end[0] * cw + 3);
            float ly = (float) Math.max(top + fm.getAscent(), bottom - end[1] * ch - 3);
            g.setColor(Color.WHITE);
            g.drawString(label, lx + 1, ly + 1);
            g.setColor(TEXT);
            g.drawString(label, lx, ly);
        }

        // axes and ticks
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(left, top, right - left, bottom - top));
        g.setFont(small);
        for (int column = 0; column < columns; column++) {
            String label = map.xLabel(column);
            double cx = left + (column + 0.5) * cw;
            g.draw(new Line2D.Double(cx, bottom, cx, bottom + 4));
            g.drawString(label, (float) (cx - fm.stringWidth(label) / 2.0), (float) (bottom + 6 + fm.getAscent()));
        }
        g.setFont(base);
        FontMetrics bm = g.getFontMetrics();
        String xTitle = axisTitle(spec.x().parameter(), spec.x().logScale());
        g.drawString(xTitle, (float) ((left + right) / 2 - bm.stringWidth(xTitle) / 2.0),
                (float) (bottom + 10 + fm.getHeight() + bm.getAscent()));
        if (spec.y() != null) {
            g.setFont(small);
            for (int row = 0; row < rows; row++) {
                String label = map.yLabel(row);
                double cy = bottom - (row + 0.5) * ch;
                g.draw(new Line2D.Double(left - 4, cy, left, cy));
                g.drawString(label, (float) (left - 7 - fm.stringWidth(label)), (float) (cy + fm.getAscent() / 2.0 - 1));
            }
            g.setFont(base);
            String yTitle = axisTitle(spec.y().parameter(), spec.y().logScale());
            // rotate and restore rather than g.create(): FXGraphics2D's copies share one GraphicsContext, so a
            // rotated copy would leave everything drawn after it (colour bar, legend) rotated off the canvas
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yTitle, (float) (-(top + bottom) / 2 - bm.stringWidth(yTitle) / 2.0),
                    (float) (left * 0.28));
            g.setTransform(saved);
        }

        // colour bar
        double barX = width * 0.85;
        double barW = width * 0.025;
        int steps = 100;
        for (int i = 0; i < steps; i++) {
            double f = (double) i / steps;
            g.setColor(scale.colorAt(f));
            g.fill(new Rectangle2D.Double(barX, bottom - (f + 1.0 / steps) * (bottom - top), barW,
                    (bottom - top) / steps + 1));
        }
        g.setColor(TEXT);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(barX, top, barW, bottom - top));
        g.setFont(small);
        if (scale.valid()) {
            for (double f : new double[] {0, 0.25, 0.5, 0.75, 1}) {
                double yy = bottom - f * (bottom - top);
                String label = format(metric, scale.valueAt(f));
                g.draw(new Line2D.Double(barX + barW, yy, barX + barW + 4, yy));
                g.drawString(label, (float) (barX + barW + 6), (float) (yy + fm.getAscent() / 2.0 - 1));
            }
        }

        // legend
        g.setFont(small);
        double ly = height * 0.93;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3.5f));
        g.draw(new Line2D.Double(left, ly - 4, left + 30, ly - 4));
        g.setColor(TEXT);
        boolean training = map.status().cells().stream().anyMatch(c -> c.running() > 0);
        String legend = "edge of chaos: mean final J = 1     × diverged     grey: not computed"
                + (training ? "     orange frame: training" : "");
        g.drawString(legend, (float) (left + 38), (float) ly);
        if (map.hasIsoLines() && !map.isoLines().isEmpty()) {
            double ly2 = height * 0.97;
            g.setStroke(dashed);
            g.draw(new Line2D.Double(left, ly2 - 4, left + 30, ly2 - 4));
            ScalingLaw.Fit fit = map.fit();
            String error = Double.isFinite(fit.kError()) ? String.format(Locale.ROOT, " ± %.2g", fit.kError()) : "";
            String k = fit.fitted()
                    ? String.format(Locale.ROOT, "k = %.3g%s from the edge chords of %d run%s", fit.k(), error,
                            fit.runs(), fit.runs() == 1 ? "" : "s")
                    : String.format(Locale.ROOT, "shipped k = %.3g%s (no run here reaches J = 1)", fit.k(), error);
            g.drawString("scaling law: J reaches 1 after e* = (1 − J(0)²) / (k η / ((1 − α) B)) epochs, " + k,
                    (float) (left + 38), (float) ly2);
        }
    }

    /** Where the cells are drawn in a width x height picture (shared with the window's hit test). */
    public static Rectangle2D plotArea(SweepMap map, double width, double height) {
        double top = height * 0.11;
        double bottom = height * (map.hasIsoLines() ? 0.80 : 0.84);
        return new Rectangle2D.Double(width * 0.11, top, width * 0.80 - width * 0.11, bottom - top);
    }

    /**
     * The cell under the point (x, y) of a width x height picture as {column, row} (row 0 at the bottom), or null
     * outside the cells.
     */
    public static int[] cellAt(SweepMap map, double width, double height, double x, double y) {
        Rectangle2D plot = plotArea(map, width, height);
        if (!plot.contains(x, y)) {
            return null;
        }
        int column = (int) Math.floor((x - plot.getMinX()) / plot.getWidth() * map.columns());
        int row = (int) Math.floor((plot.getMaxY() - y) / plot.getHeight() * map.rows());
        if (column < 0 || column >= map.columns() || row < 0 || row >= map.rows()) {
            return null;
        }
        return new int[] {column, row};
    }

    /** The centre of cell (column, row) in a width x height picture: {x, y}. */
    public static double[] cellCentre(SweepMap map, double width, double height, int column, int row) {
        Rectangle2D plot = plotArea(map, width, height);
        return new double[] {plot.getMinX() + (column + 0.5) * plot.getWidth() / map.columns(),
            plot.getMaxY() - (row + 0.5) * plot.getHeight() / map.rows()};
    }

    private static String fixedSettings(SweepSpec spec) {
        StringBuilder b = new StringBuilder();
        for (SweepParameter p : SweepParameter.values()) {
            if (p == spec.x().parameter() || (spec.y() != null && p == spec.y().parameter())) {
                continue;
            }
            b.append(b.length() == 0 ? "" : ", ").append(p.symbol()).append(" = ")
                    .append(p.format(p.get(spec.fixed())));
        }
        return b.toString();
    }

    private static String axisTitle(SweepParameter p, boolean log) {
        return p.title() + " " + p.symbol() + (log ? " (log scale)" : "");
    }

    /** A metric's value as the map writes it. */
    public static String format(SweepMetric metric, double v) {
        return switch (metric) {
            case BEST_ACCURACY -> String.format(Locale.ROOT, "%.3f", v);
            case BEST_LOSS_EPOCH, EDGE_EPOCH -> v == Math.rint(v) ? Long.toString((long) v)
                    : String.format(Locale.ROOT, "%.1f", v);
            case FINAL_J -> String.format(Locale.ROOT, "%.2f", v);
            case FINAL_LAMBDA -> String.format(Locale.ROOT, "%.3f", v);
        };
    }

    private static void drawCross(Graphics2D g, Rectangle2D r) {
        g.setColor(new Color(0, 0, 0, 160));
        g.setStroke(new BasicStroke(1.5f));
        double m = Math.min(r.getWidth(), r.getHeight()) * 0.2;
        g.draw(new Line2D.Double(r.getX() + m, r.getY() + m, r.getMaxX() - m, r.getMaxY() - m));
        g.draw(new Line2D.Double(r.getX() + m, r.getMaxY() - m, r.getMaxX() - m, r.getY() + m));
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    /**
     * Value to colour: diverging around the metric's threshold, or sequential over the range. J is compared on a
     * log scale (J = 0.5 and J = 2 equally far from the edge) and clamped at a factor of 2.5, so that one run far
     * in the chaotic phase does not wash out the rest of the map.
     */
    private static final class Scale {
        private static final double J_LIMIT = Math.log(2.5);
        private final boolean diverging;
        private final boolean logJ;
        private final double low;
        private final double high;

        Scale(SweepMetric metric, double[] range) {
            this.diverging = metric.diverging();
            this.logJ = metric == SweepMetric.FINAL_J;
            if (diverging && Double.isFinite(range[0])) {
                double t = transform(metric.threshold());
                double half = Math.max(Math.abs(transform(range[0]) - t), Math.abs(transform(range[1]) - t));
                half = Math.max(logJ ? Math.min(half, J_LIMIT) : half, 1e-9);
                low = t - half;
                high = t + half;
            } else if (Double.isFinite(range[0])) {
                low = range[0];
                high = range[1] > range[0] ? range[1] : range[0] + 1;
            } else {
                low = Double.NaN;
                high = Double.NaN;
            }
        }

        private double transform(double v) {
            return logJ ? Math.log(Math.max(v, 1e-9)) : v;
        }

        boolean valid() {
            return Double.isFinite(low);
        }

        double valueAt(double f) {
            double t = low + f * (high - low);
            return logJ ? Math.exp(t) : t;
        }

        Color color(double v) {
            return colorAt((transform(v) - low) / (high - low));
        }

        Color colorAt(double f) {
            Color[] stops = diverging ? DIVERGING : SEQUENTIAL;
            double t = Math.max(0, Math.min(1, Double.isFinite(f) ? f : 0)) * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) Math.floor(t));
            double u = t - i;
            Color a = stops[i];
            Color b = stops[i + 1];
            return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
        }
    }
}
