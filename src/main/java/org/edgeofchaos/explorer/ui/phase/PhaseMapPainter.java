package org.edgeofchaos.explorer.ui.phase;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.charts.ViewRange;

/**
 * Draws the phase diagram through {@link Graphics2D}, the one drawing path for the screen (a canvas through
 * FXGraphics2D), PNG files (a BufferedImage at the target size: text and lines drawn at that size) and SVG
 * (JFreeSVG): the heatmap as exact rectangles (no smoothing: a cell is one colour up to its edge at any scale), the
 * mean-field edge, training paths with their labels, the hovered and selected cells, axes, the colour bar, the
 * accuracy legend, the title and an optional caption. Background, axes and text follow the chart style (light or
 * dark); what lies on the map keeps its own colours, chosen for the map.
 *
 * <p>Holds a small cache (the cell colours of the last snapshot) and is therefore one per canvas; an export makes
 * its own.
 */
public final class PhaseMapPainter {
    static final double LEFT = 64;
    static final double RIGHT = 118;
    static final double TOP = 34;
    static final double BOTTOM = 50;
    static final double ACCURACY_LOW = 0.5;
    static final double ACCURACY_HIGH = 0.9;
    static final String EDGE_LABEL = "mean-field edge of chaos (J = 1 for |J0/J| < 1)";

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font AXIS = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font REGION = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font BAR = new Font(Font.SANS_SERIF, Font.PLAIN, 11).deriveFont(10.5f);
    private static final Font BAR_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11).deriveFont(10.5f);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color ON_MAP_TEXT = new Color(20, 20, 20);
    private static final Color LABEL_BOX = new Color(255, 255, 255, 209);

    private final boolean cellsAsImage;
    private PhaseMap.Snapshot cachedSnapshot;
    private PhaseMap.Quantity cachedQuantity;
    private int[] cachedColors;
    private BufferedImage cachedImage;
    private int[] cachedImageColors;

    /** A painter for files: the cells as rectangles without antialiasing (exact in PNG, vector in SVG). */
    public PhaseMapPainter() {
        this(false);
    }

    /**
     * @param cellsAsImage draw the cells as one image of a pixel per cell, scaled: for a JavaFX canvas, which
     *                     antialiases every fill (rectangles would show seams at fractional edges) but scales an
     *                     image without smoothing when the canvas's image smoothing is off
     */
    public PhaseMapPainter(boolean cellsAsImage) {
        this.cellsAsImage = cellsAsImage;
    }

    /** Label boxes placed in this paint: a label that would overprint one is left out (no blobs of labels). */
    private final List<Rectangle2D> placed = new ArrayList<>();

    /**
     * The plot (heatmap) area of a drawing {@code width} x {@code height} whose caption takes {@code captionHeight}
     * at the bottom.
     */
    public static Rectangle2D plotArea(double width, double height, double captionHeight) {
        return new Rectangle2D.Double(LEFT, TOP, Math.max(10, width - LEFT - RIGHT),
                Math.max(10, height - TOP - BOTTOM - captionHeight));
    }

    /**
     * Paints the whole map into {@code width} x {@code height} layout units.
     *
     * @param view      the zoomed range, or null for the whole map
     * @param hoverCell the cell under the pointer, or -1
     * @param caption   wrapped under the axes (exports), or null
     * @return where the plot is and which data it shows, or null when nothing but a placeholder was drawn
     */
    public ChartPainter.Frame paint(Graphics2D g, PhasePicture picture, ViewRange view, int hoverCell,
            String caption, double width, double height, ChartPainter.Style style) {
        placed.clear();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(style.background());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        double captionHeight = ChartPainter.captionHeight(g, caption, width);
        if (picture == null || picture.snapshot() == null || width < LEFT + RIGHT + 10
                || height < TOP + BOTTOM + captionHeight + 10) {
            g.setColor(style.mutedText());
            g.setFont(AXIS);
            String text = "Loading the phase map…";
            g.drawString(text, (float) (width - g.getFontMetrics().stringWidth(text)) / 2, (float) height / 2);
            return null;
        }
        PhaseMapSpec s = picture.snapshot().spec();
        ViewRange shown = view != null ? view : new ViewRange(s.xMin(), s.xMax(), s.yMin(), s.yMax());
        Rectangle2D p = plotArea(width, height, captionHeight);
        ChartPainter.Frame f = new ChartPainter.Frame(p.getX(), p.getY(), p.getWidth(), p.getHeight(),
                shown.xMin(), shown.xMax(), shown.yMin(), shown.yMax());

        drawCells(g, picture, f);
        Shape oldClip = g.getClip();
        // a few pixels beyond the plot, so that a point on its edge (a run starting at 1/J = 2) is drawn whole
        g.clip(new Rectangle2D.Double(p.getX() - 6, p.getY() - 6, p.getWidth() + 12, p.getHeight() + 12));
        double[] edgeLabel = drawEdge(g, picture.edge(), f);
        drawRegionLabels(g, f);
        for (PathLayer layer : picture.paths()) {
            if (!layer.live()) {
                drawPath(g, layer, f);
            }
        }
        for (PathLayer layer : picture.paths()) {
            if (layer.live()) {
                drawPath(g, layer, f);
            }
        }
        if (edgeLabel != null) {
            // on top of the paths: an overlaid path must not run through the edge's label
            drawLabelBox(g, EDGE_LABEL, edgeLabel[0], edgeLabel[1], new Color(15, 15, 15));
        }
        drawCellOutline(g, s, f, hoverCell, new Color(20, 20, 20, 204), 1.2f);
        drawCellOutline(g, s, f, picture.selectedCell(), Color.BLACK, 2.5f);
        drawCurrentLabel(g, picture, f);
        g.setClip(oldClip);
        g.setColor(style.frame());
        g.setStroke(new BasicStroke(1f));
        g.draw(p);
        drawAxes(g, f, style, height - captionHeight);
        drawColorBar(g, picture, f, style);
        drawAccuracyLegend(g, picture, f, style);
        drawTitle(g, picture.title(), width, style);
        if (captionHeight > 0) {
            g.setFont(CAPTION);
            g.setColor(style.mutedText());
            FontMetrics fm = g.getFontMetrics();
            double y = height - captionHeight + 6;
            for (String line : ChartPainter.wrap(caption, fm, width - 16)) {
                g.drawString(line, 8f, (float) (y + fm.getAscent()));
                y += fm.getHeight();
            }
        }
        return f;
    }

    // ---- the heatmap ----

    /**
     * One rectangle per cell (runs of equal colour along a row merged), without antialiasing: adjacent cells share
     * their edge exactly, so there are neither seams nor blends at any scale.
     */
    private void drawCells(Graphics2D g, PhasePicture picture, ChartPainter.Frame f) {
        PhaseMapSpec s = picture.snapshot().spec();
        int[] colors = cellColors(picture.snapshot(), picture.quantity());
        double cw = s.cellWidth();
        double ch = s.cellHeight();
        int c0 = Math.max(0, (int) Math.floor((f.xMin() - s.xMin()) / cw));
        int c1 = Math.min(s.columns(), (int) Math.ceil((f.xMax() - s.xMin()) / cw));
        int r0 = Math.max(0, (int) Math.floor((f.yMin() - s.yMin()) / ch));
        int r1 = Math.min(s.rows(), (int) Math.ceil((f.yMax() - s.yMin()) / ch));
        Shape oldClip = g.getClip();
        boolean whole = f.xMin() <= s.xMin() && f.xMax() >= s.xMax() && f.yMin() <= s.yMin() && f.yMax() >= s.yMax();
        if (!whole) {
            // zoomed: the cells at the border reach out of the plot (on the whole map, no clip: a smaller SVG)
            g.clip(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));
        }
        if (cellsAsImage) {
            if (cachedImageColors != colors) {
                cachedImage = image(colors, s.columns(), s.rows());
                cachedImageColors = colors;
            }
            AffineTransform saved = g.getTransform();
            g.translate(f.px(s.xMin()), f.py(s.yMax()));
            g.scale((f.px(s.xMax()) - f.px(s.xMin())) / s.columns(), (f.py(s.yMin()) - f.py(s.yMax())) / s.rows());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(cachedImage, 0, 0, null);
            g.setTransform(saved);
            g.setClip(oldClip);
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
        for (int row = r0; row < r1; row++) {
            double yTop = f.py(s.yMin() + (row + 1) * ch);
            double yBottom = f.py(s.yMin() + row * ch);
            int column = c0;
            while (column < c1) {
                int argb = colors[row * s.columns() + column];
                int end = column + 1;
                while (end < c1 && colors[row * s.columns() + end] == argb) {
                    end++;
                }
                double xLeft = f.px(s.xMin() + column * cw);
                double xRight = f.px(s.xMin() + end * cw);
                g.setColor(new Color(argb, true));
                g.fill(new Rectangle2D.Double(xLeft, yTop, xRight - xLeft, yBottom - yTop));
                column = end;
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setClip(oldClip);
    }

    /** Cell colours (ARGB, row-major, row 0 = smallest 1/J), recomputed only for a new snapshot or quantity. */
    int[] cellColors(PhaseMap.Snapshot snapshot, PhaseMap.Quantity quantity) {
        if (snapshot != cachedSnapshot || quantity != cachedQuantity) {
            cachedColors = computeColors(snapshot, quantity);
            cachedSnapshot = snapshot;
            cachedQuantity = quantity;
        }
        return cachedColors;
    }

    /**
     * A cell not computed yet shows its coarse-pass stand-in (the cell at the start of its 2^k block that is
     * computed first), so a map being computed looks like a blocky preview.
     */
    static int[] computeColors(PhaseMap.Snapshot snapshot, PhaseMap.Quantity quantity) {
        PhaseMapSpec s = snapshot.spec();
        ColorScale scale = new ColorScale(quantity, s.n());
        double[] values = snapshot.values(quantity);
        double[] lambda = snapshot.lambdaMax();
        int[] colors = new int[s.cellCount()];
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
                colors[index] = argb(scale.color(v));
            }
        }
        return colors;
    }

    /** A pixel per cell, the top row the largest 1/J. */
    private static BufferedImage image(int[] colors, int columns, int rows) {
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                image.setRGB(column, rows - 1 - row, colors[row * columns + column]);
            }
        }
        return image;
    }

    static int argb(javafx.scene.paint.Color c) {
        return ((int) Math.round(c.getOpacity() * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    static Color awt(javafx.scene.paint.Color c) {
        return new Color(argb(c), true);
    }

    // ---- on the map ----

    /** The edge: a white halo under a dark dashed line. Returns where its label goes (drawn later), or null. */
    private double[] drawEdge(Graphics2D g, double[][] edge, ChartPainter.Frame f) {
        if (edge == null || edge.length < 2) {
            return null;
        }
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (double[] point : edge) {
            if (Double.isNaN(point[1])) {
                pen = false;
                continue;
            }
            if (pen) {
                path.lineTo(f.px(point[0]), f.py(point[1]));
            } else {
                path.moveTo(f.px(point[0]), f.py(point[1]));
                pen = true;
            }
        }
        g.setColor(new Color(255, 255, 255, 217));
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setColor(new Color(15, 15, 15));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8, 5}, 0));
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
        // the label on the flat part of the curve (J = 1 for |J0/J| < 1), if that is in view
        double x = Math.max(f.xMin(), -0.95);
        if (f.yMin() >= 1 || f.yMax() <= 1 || x > 0.3) {
            return null;
        }
        double[] at = {f.px(x) + 4, f.py(1.0) - 10};
        placed.add(boxOf(g, EDGE_LABEL, at[0], at[1]));
        return at;
    }

    private void drawRegionLabels(Graphics2D g, ChartPainter.Frame f) {
        g.setFont(REGION);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(255, 255, 255, 230));
        double x = Math.max(f.xMin(), -0.2) + 0.1;
        for (String[] label : new String[][] {{"ORDER", "1.6"}, {"CHAOS", "0.45"}}) {
            double y = Double.parseDouble(label[1]);
            if (x > f.xMax() || y < f.yMin() || y > f.yMax() || x > 0.4) {
                continue;
            }
            double px = f.px(x);
            double py = f.py(y);
            double w = fm.stringWidth(label[0]);
            if (py - 11 < f.top() || py + 11 > f.top() + f.height() || px - w / 2 < f.left()) {
                continue; // zoomed so that it would be cut
            }
            g.drawString(label[0], (float) (px - w / 2), (float) (py + (fm.getAscent() - fm.getDescent()) / 2.0));
            placed.add(new Rectangle2D.Double(px - w / 2 - 2, py - 11, w + 4, 22));
        }
    }

    private void drawPath(Graphics2D g, PathLayer layer, ChartPainter.Frame f) {
        List<double[]> pts = new ArrayList<>();
        for (TrainingPath.Point point : layer.points()) {
            pts.add(new double[] {f.px(point.ratio()), f.py(point.inverseJ())});
        }
        if (pts.isEmpty()) {
            return;
        }
        Color line = layer.live() ? new Color(10, 10, 10) : new Color(70, 70, 70, 230);
        float width = layer.live() ? 2.2f : 1.5f;
        if (pts.size() > 1) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(pts.get(0)[0], pts.get(0)[1]);
            for (int i = 1; i < pts.size(); i++) {
                path.lineTo(pts.get(i)[0], pts.get(i)[1]);
            }
            g.setColor(new Color(255, 255, 255, 204));
            g.setStroke(new BasicStroke(width + 2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path);
            g.setColor(line);
            g.setStroke(layer.live() ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {5, 3},
                            0));
            g.draw(path);
            drawArrowHead(g, pts, line, layer.live() ? 13 : 10);
        }
        int count = pts.size();
        int every = Math.max(1, (int) Math.ceil(count / 8.0));
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < count; i++) {
            TrainingPath.Point point = layer.points().get(i);
            double[] sc = pts.get(i);
            double r = layer.live() ? 4.5 : 3.5;
            Ellipse2D dot = new Ellipse2D.Double(sc[0] - r, sc[1] - r, 2 * r, 2 * r);
            g.setColor(Double.isNaN(point.testAccuracy()) ? Color.WHITE : accuracyColor(point.testAccuracy()));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
            boolean label = i == 0 || i == count - 1 || point.epoch() % every == 0;
            if (label) {
                String text = point.epoch() == 0 ? "start" : "e" + point.epoch();
                // above right, else below right; left out if both would overprint another label
                if (!tryLabel(g, f, text, sc[0] + 7, sc[1] - 7) && (i == 0 || i == count - 1)) {
                    tryLabel(g, f, text, sc[0] + 7, sc[1] + 9);
                }
            }
        }
        if (!layer.live()) {
            double[] first = pts.get(0);
            if (!tryLabel(g, f, layer.name(), first[0] + 7, first[1] + 14)) {
                tryLabel(g, f, layer.name(), first[0] + 7, first[1] - 20);
            }
        } else {
            double[] last = pts.get(count - 1);
            g.setColor(new Color(255, 215, 0));
            g.setStroke(new BasicStroke(3f));
            g.draw(new Ellipse2D.Double(last[0] - 10, last[1] - 10, 20, 20));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Ellipse2D.Double(last[0] - 12, last[1] - 12, 24, 24));
            g.setStroke(new BasicStroke(1f));
        }
    }

    private static void drawArrowHead(Graphics2D g, List<double[]> pts, Color color, double size) {
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
        Path2D.Double head = new Path2D.Double();
        head.moveTo(tipX, tipY);
        head.lineTo(tipX - size * Math.cos(angle - 0.4), tipY - size * Math.sin(angle - 0.4));
        head.lineTo(tipX - size * Math.cos(angle + 0.4), tipY - size * Math.sin(angle + 0.4));
        head.closePath();
        g.setColor(color);
        g.fill(head);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(head);
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawCellOutline(Graphics2D g, PhaseMapSpec s, ChartPainter.Frame f, int index, Color color,
            float width) {
        if (index < 0 || index >= s.cellCount()) {
            return;
        }
        PhaseMapSpec.Cell c = s.cell(index);
        double x0 = f.px(c.ratio() - s.cellWidth() / 2);
        double x1 = f.px(c.ratio() + s.cellWidth() / 2);
        double y0 = f.py(c.inverseJ() + s.cellHeight() / 2);
        double y1 = f.py(c.inverseJ() - s.cellHeight() / 2);
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        g.draw(new Rectangle2D.Double(x0, y0, Math.max(3, x1 - x0), Math.max(3, y1 - y0)));
        g.setStroke(new BasicStroke(1f));
    }

    /** Text next to the live run's current point, kept inside the plot. */
    private void drawCurrentLabel(Graphics2D g, PhasePicture picture, ChartPainter.Frame f) {
        String text = picture.currentLabel();
        if (text == null || text.isEmpty()) {
            return;
        }
        g.setFont(LABEL);
        double w = g.getFontMetrics().stringWidth(text) + 6;
        for (PathLayer layer : picture.paths()) {
            if (layer.live() && !layer.points().isEmpty()) {
                TrainingPath.Point last = layer.points().get(layer.points().size() - 1);
                double x = Math.min(Math.max(f.px(last.ratio()) + 16, f.left() + 4), f.left() + f.width() - w - 4);
                double y = Math.min(Math.max(f.py(last.inverseJ()) + 26, f.top() + 14), f.top() + f.height() - 30);
                placed.add(boxOf(g, text, x, y));
                drawLabelBox(g, text, x, y, Color.BLACK);
            }
        }
    }

    private static Rectangle2D boxOf(Graphics2D g, String text, double x, double y) {
        g.setFont(LABEL);
        double width = g.getFontMetrics().stringWidth(text) + 6;
        return new Rectangle2D.Double(x - 3, y - 8, width, 16);
    }

    /** Draws a path label unless it would leave the plot or overprint a label already placed. */
    private boolean tryLabel(Graphics2D g, ChartPainter.Frame f, String text, double x, double y) {
        Rectangle2D box = boxOf(g, text, x, y);
        boolean inside = box.getMinY() >= f.top() && box.getMaxY() <= f.top() + f.height()
                && box.getMaxX() <= f.left() + f.width() && box.getMinX() >= f.left();
        if (!inside || placed.stream().anyMatch(box::intersects)) {
            return false;
        }
        placed.add(box);
        drawLabelBox(g, text, x, y, ON_MAP_TEXT);
        return true;
    }

    /** A label on the map: dark text on a light box (the map is light near the edge, where labels sit). */
    private static void drawLabelBox(Graphics2D g, String text, double x, double y, Color color) {
        Rectangle2D box = boxOf(g, text, x, y);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(LABEL_BOX);
        g.fill(new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 4, 4));
        g.setColor(color);
        g.drawString(text, (float) x, (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    // ---- around the map ----

    private static void drawAxes(Graphics2D g, ChartPainter.Frame f, ChartPainter.Style style, double bottom) {
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        ChartPainter.Axis x = ChartPainter.Axis.exact(f.xMin(), f.xMax(), Math.max(2, (int) (f.width() / 45)));
        ChartPainter.Axis y = ChartPainter.Axis.exact(f.yMin(), f.yMax(), Math.max(2, (int) (f.height() / 40)));
        double plotBottom = f.top() + f.height();
        for (double t : x.ticks()) {
            double px = f.px(t);
            g.setColor(style.frame());
            g.draw(new Line2D.Double(px, plotBottom, px, plotBottom + 5));
            g.setColor(style.text());
            String label = x.label(t);
            g.drawString(label, (float) (px - fm.stringWidth(label) / 2.0), (float) (plotBottom + 7
                    + fm.getAscent()));
        }
        for (double t : y.ticks()) {
            double py = f.py(t);
            g.setColor(style.frame());
            g.draw(new Line2D.Double(f.left() - 5, py, f.left(), py));
            g.setColor(style.text());
            String label = y.label(t);
            g.drawString(label, (float) (f.left() - 7 - fm.stringWidth(label)),
                    (float) (py + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
        g.setFont(AXIS);
        FontMetrics am = g.getFontMetrics();
        g.setColor(style.text());
        String xLabel = "J0 / J   (mean coupling relative to spread)";
        g.drawString(xLabel, (float) (f.left() + (f.width() - am.stringWidth(xLabel)) / 2),
                (float) (bottom - 8 - am.getDescent()));
        String yLabel = "1 / J   (inverse weight spread)";
        AffineTransform saved = g.getTransform();
        g.translate(16, f.top() + f.height() / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) (-am.stringWidth(yLabel) / 2.0), (float) ((am.getAscent() - am.getDescent())
                / 2.0));
        g.setTransform(saved);
    }

    private static void drawColorBar(Graphics2D g, PhasePicture picture, ChartPainter.Frame f,
            ChartPainter.Style style) {
        ColorScale scale = new ColorScale(picture.quantity(), picture.snapshot().spec().n());
        double x = f.left() + f.width() + 22;
        double barW = 16;
        double top = f.top() + 16;
        double bottom = f.top() + f.height() - 16;
        float[] fractions = new float[21];
        Color[] colors = new Color[21];
        for (int i = 0; i <= 20; i++) {
            fractions[i] = i / 20f;
            colors[i] = awt(ColorScale.colorAt(1 - 2.0 * i / 20)); // top = chaos
        }
        Rectangle2D bar = new Rectangle2D.Double(x, top, barW, bottom - top);
        g.setPaint(new LinearGradientPaint(0f, (float) top, 0f, (float) bottom, fractions, colors));
        g.fill(bar);
        g.setColor(style.frame());
        g.setStroke(new BasicStroke(1f));
        g.draw(bar);
        g.setFont(BAR);
        FontMetrics fm = g.getFontMetrics();
        for (double v : scale.ticks()) {
            double y = top + (1 - scale.position(v)) / 2 * (bottom - top);
            g.setColor(style.frame());
            g.draw(new Line2D.Double(x + barW, y, x + barW + 4, y));
            g.setColor(style.text());
            g.drawString(tick(v), (float) (x + barW + 6), (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
        }
        g.setFont(BAR_TITLE);
        FontMetrics bm = g.getFontMetrics();
        g.setColor(style.text());
        g.drawString(scale.highLabel(), (float) (x + barW / 2 - bm.stringWidth(scale.highLabel()) / 2.0),
                (float) (top - 2 - bm.getDescent()));
        g.drawString(scale.lowLabel(), (float) (x + barW / 2 - bm.stringWidth(scale.lowLabel()) / 2.0),
                (float) (bottom + 2 + bm.getAscent()));
        AffineTransform saved = g.getTransform();
        g.translate(x + barW + 62, f.top() + f.height() / 2);
        g.rotate(Math.PI / 2);
        g.drawString(scale.title(), (float) (-bm.stringWidth(scale.title()) / 2.0),
                (float) ((bm.getAscent() - bm.getDescent()) / 2.0));
        g.setTransform(saved);
    }

    /** Inside the plot's lower-left corner (strongly chaotic, J0 < 0: training paths do not go there). */
    private static void drawAccuracyLegend(Graphics2D g, PhasePicture picture, ChartPainter.Frame f,
            ChartPainter.Style style) {
        if (picture.paths().isEmpty()) {
            return;
        }
        double x = f.left() + 10;
        double y = f.top() + f.height() - 38;
        RoundRectangle2D box = new RoundRectangle2D.Double(x - 6, y - 6, 196, 36, 6, 6);
        g.setColor(ChartPainter.withAlpha(style.background(), 225));
        g.fill(box);
        g.setColor(style.frame());
        g.setStroke(new BasicStroke(0.8f));
        g.draw(box);
        g.setFont(LEGEND);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(style.text());
        g.drawString("test accuracy", (float) x, (float) (y + 6 + (fm.getAscent() - fm.getDescent()) / 2.0));
        double bx = x + 80;
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < 5; i++) {
            double acc = ACCURACY_LOW + (ACCURACY_HIGH - ACCURACY_LOW) * i / 4;
            Ellipse2D dot = new Ellipse2D.Double(bx + i * 20, y, 12, 12);
            g.setColor(accuracyColor(acc));
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.draw(dot);
        }
        g.setFont(LEGEND.deriveFont(9.5f));
        FontMetrics sm = g.getFontMetrics();
        g.setColor(style.text());
        g.drawString("50%", (float) (bx + 6 - sm.stringWidth("50%") / 2.0), (float) (y + 20 + sm.getAscent() / 2.0));
        g.drawString("90%", (float) (bx + 86 - sm.stringWidth("90%") / 2.0), (float) (y + 20 + sm.getAscent() / 2.0));
    }

    /** The title; on a narrow drawing (inspector open) it drops its details part by part rather than run off. */
    private static void drawTitle(Graphics2D g, String title, double width, ChartPainter.Style style) {
        g.setFont(TITLE);
        FontMetrics fm = g.getFontMetrics();
        String shown = title == null ? "" : title;
        while (shown.contains(" · ") && fm.stringWidth(shown) > width - LEFT - 8) {
            shown = shown.substring(0, shown.lastIndexOf(" · "));
        }
        g.setColor(style.text());
        g.drawString(shown, (float) LEFT, (float) (TOP - 12));
    }

    /** Viridis-like ramp (purple - teal - yellow) over test accuracy 50 %..90 %. */
    static Color accuracyColor(double accuracy) {
        double t = Math.max(0, Math.min(1, (accuracy - ACCURACY_LOW) / (ACCURACY_HIGH - ACCURACY_LOW)));
        Color a = new Color(68, 1, 84);
        Color b = new Color(33, 145, 140);
        Color c = new Color(253, 231, 37);
        return t < 0.5 ? mix(a, b, t * 2) : mix(b, c, (t - 0.5) * 2);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 0.01 && a < 1000) {
            String s = String.format(java.util.Locale.ROOT, "%.2f", v);
            return s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.format(java.util.Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
