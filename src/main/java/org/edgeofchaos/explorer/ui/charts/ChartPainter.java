package org.edgeofchaos.explorer.ui.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ChartSpec} through {@link Graphics2D}: the one drawing code path for the screen (a canvas through
 * FXGraphics2D), PNG files (a BufferedImage at the target size, so text and lines are crisp at any scale) and SVG
 * files (JFreeSVG). Title, axes with nice ticks, grid, series decimated to the plot's pixel width, dots for
 * per-epoch series, dashed reference lines with labels that never overlap, change markers behind the data with
 * their labels stepped into rows, a legend that wraps, an optional caption that wraps (never cut), and an optional
 * crosshair read-out.
 *
 * <p>Coordinates are in layout units; the caller scales the graphics for HiDPI or print output.
 */
public final class ChartPainter {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final double PAD = 8;

    /** Colours of a chart: light for paper and desks, dark for projectors. */
    public record Style(Color background, Color plot, Color grid, Color frame, Color text, Color mutedText,
            Color reference, Color marker, Color danger, Color[] palette, double textScale, double lineScale) {

        /** A style at the normal size (exports, the desk). */
        public Style(Color background, Color plot, Color grid, Color frame, Color text, Color mutedText,
                Color reference, Color marker, Color danger, Color[] palette) {
            this(background, plot, grid, frame, text, mutedText, reference, marker, danger, palette, 1, 1);
        }

        /**
         * The same colours with text and lines scaled, e.g. for a projector: read from the back of a room, text
         * 1.5x and curves 2x as thick. One painter at any size instead of a copy per size.
         */
        public Style scaled(double text, double lines) {
            return new Style(background, plot, grid, frame, this.text, mutedText, reference, marker, danger, palette,
                    text, lines);
        }

        /** Tableau 10: distinct and colour-blind friendly. */
        private static final Color[] TABLEAU = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)
        };

        public static final Style LIGHT = new Style(Color.WHITE, new Color(250, 250, 250), new Color(226, 226, 226),
                new Color(120, 120, 120), new Color(33, 33, 33), new Color(90, 90, 90), new Color(60, 60, 60),
                new Color(128, 100, 180), new Color(190, 30, 30), TABLEAU);

        public static final Style DARK = new Style(new Color(13, 17, 23), new Color(22, 27, 34),
                new Color(48, 54, 61), new Color(110, 118, 129), new Color(230, 237, 243), new Color(160, 170, 180),
                new Color(200, 205, 210), new Color(180, 150, 230), new Color(248, 81, 73), new Color[] {
                    new Color(0x58a6ff), new Color(0xffa657), new Color(0x56d364), new Color(0xff7b72),
                    new Color(0xd2a8ff), new Color(0xe3b341), new Color(0xf778ba), new Color(0x8b949e),
                    new Color(0xbcbd22), new Color(0x39c5cf)});

        /**
         * High contrast for projectors, which wash out greys and thin lines: black on white (or white on black),
         * a grid that survives a washed-out beamer, and saturated colours that stay apart.
         */
        public static final Style PROJECTOR_LIGHT = new Style(Color.WHITE, Color.WHITE, new Color(200, 200, 200),
                Color.BLACK, Color.BLACK, new Color(40, 40, 40), Color.BLACK, new Color(110, 60, 170),
                new Color(200, 0, 0), new Color[] {
                    new Color(0x0050c8), new Color(0xe06000), new Color(0x008a00), new Color(0xc80000),
                    new Color(0x7a1fc0), new Color(0x6b3d1e), new Color(0xd0007a), new Color(0x404040),
                    new Color(0x8a8a00), new Color(0x0090a0)});

        public static final Style PROJECTOR_DARK = new Style(Color.BLACK, Color.BLACK, new Color(80, 80, 80),
                new Color(200, 200, 200), Color.WHITE, new Color(225, 225, 225), Color.WHITE,
                new Color(210, 170, 255), new Color(255, 90, 80), new Color[] {
                    new Color(0x4da6ff), new Color(0xffa040), new Color(0x40e040), new Color(0xff6060),
                    new Color(0xd0a0ff), new Color(0xffe040), new Color(0xff80c8), new Color(0xc0c0c0),
                    new Color(0xc8c800), new Color(0x40e0f0)});

        /** Whether text on this style's background is light (crosshair labels use the plain series colours). */
        public boolean darkBackground() {
            return background.getRed() + background.getGreen() + background.getBlue() < 3 * 128;
        }

        Font font(Font base) {
            return textScale == 1 ? base : base.deriveFont((float) (base.getSize2D() * textScale));
        }

        BasicStroke stroke(float width) {
            return new BasicStroke((float) (width * lineScale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }

        BasicStroke dashed(float width, float on, float off) {
            float k = (float) lineScale;
            return new BasicStroke(width * k, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {on * k, off * k}, 0);
        }

        public Color series(int index) {
            return palette[index % palette.length];
        }
    }

    /**
     * Where the plot ended up and which data range it shows; the screen maps the pointer back to data with it.
     */
    public record Frame(double left, double top, double width, double height, double xMin, double xMax,
            double yMin, double yMax) {

        public boolean contains(double x, double y) {
            return x >= left && x <= left + width && y >= top && y <= top + height;
        }

        public double dataX(double x) {
            return xMin + (x - left) / width * (xMax - xMin);
        }

        public double dataY(double y) {
            return yMax - (y - top) / height * (yMax - yMin);
        }

        public double px(double v) {
            return left + (v - xMin) / (xMax - xMin) * width;
        }

        public double py(double v) {
            return top + (1 - (v - yMin) / (yMax - yMin)) * height;
        }
    }

    /**
     * What was drawn, for the screen and for tests.
     *
     * @param full the range the chart shows when not zoomed (all the data with margins): the zoom's bounds
     */
    public record Result(Frame frame, List<Integer> drawnPoints, ViewRange full) {
        public static final Result EMPTY = new Result(null, List.of(), null);
    }

    private ChartPainter() {
    }

    /**
     * Paints the whole chart into {@code width} x {@code height} layout units.
     *
     * @param caption wrapped under the legend (exports), or null
     * @param hoverX  data x of the crosshair, or NaN for none
     */
    public static Result paint(Graphics2D g, ChartSpec spec, String caption, double width, double height,
            Style style, double hoverX) {
        return paint(g, spec, caption, width, height, style, hoverX, null);
    }

    /**
     * As above, showing only {@code view} (a zoom; null for all the data): the axes are labelled over that range
     * and everything outside it is clipped.
     */
    public static Result paint(Graphics2D g, ChartSpec spec, String caption, double width, double height,
            Style style, double hoverX, ViewRange view) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        // FXGraphics2D skips a colour equal to the one it believes is set (black when new), while the canvas it
        // draws on may still hold the last paint's colour: set another one first, so that black is really set.
        g.setColor(new Color(style.background().getRGB() ^ 0xFFFFFF));
        g.setColor(style.background());
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        if (spec == null) {
            return Result.EMPTY;
        }
        g.setColor(style.text());
        g.setFont(style.font(TITLE));
        FontMetrics titleMetrics = g.getFontMetrics();
        text(g, spec.title(), (width - titleMetrics.stringWidth(spec.title())) / 2, PAD + titleMetrics.getAscent());
        double top = PAD + titleMetrics.getHeight() + 6;

        // The bottom: tick labels, the axis label, the legend (wrapped), the caption (wrapped).
        List<List<Integer>> legendRows = legendRows(g, spec, width - 2 * PAD, style);
        if (legendRows.size() > Math.max(2, (int) (height / 80))) {
            // a whole sweep's runs: a legend that tall would leave no room for the plot
            String note = spec.series().size() + " series (too many to name here; export as CSV to tell them apart)";
            caption = caption == null || caption.isBlank() ? note : note + ". " + caption;
            legendRows = List.of();
        }
        g.setFont(style.font(SMALL));
        double smallLine = g.getFontMetrics().getHeight();
        List<String> captionLines = caption == null || caption.isBlank() ? List.of()
                : wrap(caption, g.getFontMetrics(), width - 2 * PAD);
        g.setFont(style.font(TICK));
        double tickLine = g.getFontMetrics().getHeight();
        g.setFont(style.font(LABEL));
        double labelLine = g.getFontMetrics().getHeight();
        double bottom = 5 + tickLine + 2 + labelLine + 6 + legendRows.size() * (smallLine + 2)
                + (captionLines.isEmpty() ? 0 : 6 + captionLines.size() * smallLine) + PAD;

        double[] xr = range(spec, true);
        double[] yr = range(spec, false);
        double plotHeight = height - top - bottom;
        // margins, so that a reference line at the data's edge is not drawn on the frame and the last dots show
        double yMargin = 0.06 * (yr[1] - yr[0]);
        double xMargin = 0.02 * (xr[1] - xr[0]);
        int yTicks = Math.max(2, (int) (plotHeight / (38 * style.textScale())));
        Axis yFull = Axis.of(yr[0] - yMargin, yr[1] + yMargin, yTicks);
        Axis yAxis = view == null ? yFull : Axis.exact(view.yMin(), view.yMax(), yTicks);
        g.setFont(style.font(TICK));
        double tickWidth = 0;
        for (double t : yAxis.ticks()) {
            tickWidth = Math.max(tickWidth, g.getFontMetrics().stringWidth(yAxis.label(t)));
        }
        double left = PAD + labelLine + 6 + tickWidth + 6;
        double right = PAD + 8;
        double plotWidth = width - left - right;
        if (plotWidth < 40 || plotHeight < 30) {
            return Result.EMPTY;
        }
        // time starts at 0: a margin must not invent negative epochs
        double xLow = xr[0] >= 0 ? Math.max(0, xr[0] - xMargin) : xr[0] - xMargin;
        int xTicks = Math.max(2, (int) (plotWidth / (80 * style.textScale())));
        Axis xFull = Axis.of(xLow, xr[1] + xMargin, xTicks);
        // zoomed: a tick more, so that a narrow range still has a few labels
        Axis xAxis = view == null ? xFull : Axis.exact(view.xMin(), view.xMax(), Math.max(3, (int) (plotWidth / 60)));
        ViewRange full = new ViewRange(xFull.min(), xFull.max(), yFull.min(), yFull.max());
        Frame frame = new Frame(left, top, plotWidth, plotHeight, xAxis.min(), xAxis.max(), yAxis.min(),
                yAxis.max());

        drawAxes(g, spec, frame, xAxis, yAxis, style, tickLine);
        Shape oldClip = g.getClip();
        // a few pixels beyond the frame, so that a dot on the edge (J at epoch 0) is drawn whole
        // (zoomed: exactly the plot, or the curves would run out of the frame)
        double bleed = view == null ? 5 : 0;
        g.clip(new Rectangle2D.Double(left - bleed, top - bleed, plotWidth + 2 * bleed, plotHeight + 2 * bleed));
        drawMarkerLines(g, spec, frame, style);
        drawReferenceLines(g, spec, frame, style);
        List<Integer> drawn = drawSeries(g, spec, frame, style);
        drawHighlights(g, spec, frame, style);
        if (spec.series().stream().allMatch(s -> s.size() == 0)) {
            g.setFont(style.font(LABEL));
            g.setColor(style.mutedText());
            String waiting = "no values yet: measured after every epoch";
            text(g, waiting, left + (plotWidth - g.getFontMetrics().stringWidth(waiting)) / 2,
                    top + plotHeight / 2 + 16);
        }
        drawMarkerLabels(g, spec, frame, style);
        drawReferenceLabels(g, spec, frame, style);
        if (Double.isFinite(hoverX)) {
            drawCrosshair(g, spec, frame, style, hoverX);
        }
        g.setClip(oldClip);

        double y = top + plotHeight + 5 + tickLine + 2 + labelLine + 6;
        drawLegend(g, spec, legendRows, width, y, smallLine, style);
        y += legendRows.size() * (smallLine + 2) + 6;
        g.setFont(style.font(SMALL));
        g.setColor(style.mutedText());
        for (String line : captionLines) {
            text(g, line, PAD, y + g.getFontMetrics().getAscent());
            y += smallLine;
        }
        return new Result(frame, drawn, full);
    }

    /** Data range of all series (and, for y, the reference lines, which frame the order-chaos boundary). */
    static double[] range(ChartSpec spec, boolean x) {
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
        if (x) {
            for (ChartSpec.Marker m : spec.markers()) {
                if (Double.isFinite(m.x()) && min <= max) {
                    min = Math.min(min, m.x());
                    max = Math.max(max, m.x());
                }
            }
        } else {
            for (ChartSpec.ReferenceLine r : spec.references()) {
                min = Math.min(min, r.y());
                max = Math.max(max, r.y());
            }
        }
        if (min > max) {
            return new double[] {0, 1};
        }
        if (max - min < 1e-12) {
            // one point (J before the first epoch): half an epoch either side, a small band around a value
            if (x) {
                return new double[] {min >= 0 ? Math.max(0, min - 0.5) : min - 0.5, max + 0.5};
            }
            double pad = Math.max(1e-3, Math.abs(max) * 0.05);
            return new double[] {min - pad, max + pad};
        }
        return new double[] {min, max};
    }

    private static void drawAxes(Graphics2D g, ChartSpec spec, Frame f, Axis xAxis, Axis yAxis, Style style,
            double tickLine) {
        g.setColor(style.plot());
        g.fill(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));
        g.setStroke(new BasicStroke(1f));
        g.setFont(style.font(TICK));
        FontMetrics fm = g.getFontMetrics();
        for (double t : xAxis.ticks()) {
            double px = f.px(t);
            g.setColor(style.grid());
            g.draw(new Line2D.Double(px, f.top(), px, f.top() + f.height()));
            g.setColor(style.frame());
            g.draw(new Line2D.Double(px, f.top() + f.height(), px, f.top() + f.height() + 4));
            g.setColor(style.mutedText());
            String label = xAxis.label(t);
            text(g, label, px - fm.stringWidth(label) / 2.0, f.top() + f.height() + 5 + fm.getAscent());
        }
        for (double t : yAxis.ticks()) {
            double py = f.py(t);
            g.setColor(style.grid());
            g.draw(new Line2D.Double(f.left(), py, f.left() + f.width(), py));
            g.setColor(style.frame());
            g.draw(new Line2D.Double(f.left() - 4, py, f.left(), py));
            g.setColor(style.mutedText());
            String label = yAxis.label(t);
            text(g, label, f.left() - 6 - fm.stringWidth(label), py + fm.getAscent() / 2.0 - 1);
        }
        g.setColor(style.frame());
        g.draw(new Rectangle2D.Double(f.left(), f.top(), f.width(), f.height()));

        g.setFont(style.font(LABEL));
        FontMetrics lm = g.getFontMetrics();
        g.setColor(style.text());
        text(g, spec.xLabel(), f.left() + (f.width() - lm.stringWidth(spec.xLabel())) / 2,
                f.top() + f.height() + 5 + tickLine + 2 + lm.getAscent());
        AffineTransform saved = g.getTransform();
        g.translate(PAD + lm.getAscent(), f.top() + f.height() / 2);
        g.rotate(-Math.PI / 2);
        text(g, spec.yLabel(), -lm.stringWidth(spec.yLabel()) / 2.0, 0);
        g.setTransform(saved);
    }

    private static void drawReferenceLines(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        g.setColor(style.reference());
        g.setStroke(style.dashed(1.2f, 7, 4));
        for (ChartSpec.ReferenceLine r : spec.references()) {
            double py = f.py(r.y());
            g.draw(new Line2D.Double(f.left(), py, f.left() + f.width(), py));
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Reference labels sit at the right end above their line; a label too close to another moves to the left. */
    private static void drawReferenceLabels(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle2D> placed = new ArrayList<>();
        for (ChartSpec.ReferenceLine r : spec.references()) {
            double py = f.py(r.y());
            double w = fm.stringWidth(r.label());
            Rectangle2D box = new Rectangle2D.Double(f.left() + f.width() - w - 6, py - fm.getHeight() - 3, w + 4,
                    fm.getHeight());
            if (overlaps(box, placed) || box.getY() < f.top()) {
                box = new Rectangle2D.Double(f.left() + f.width() - w - 6, py + 3, w + 4, fm.getHeight());
            }
            if (overlaps(box, placed)) {
                box = new Rectangle2D.Double(f.left() + 4, py - fm.getHeight() - 3, w + 4, fm.getHeight());
            }
            if (overlaps(box, placed)) {
                box = new Rectangle2D.Double(box.getX(), py + 2, w + 4, fm.getHeight());
            }
            placed.add(box);
            g.setColor(withAlpha(style.plot(), 210));
            g.fill(box);
            g.setColor(style.reference());
            text(g, r.label(), box.getX() + 2, box.getY() + fm.getAscent());
        }
    }

    private static void drawMarkerLines(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        for (ChartSpec.Marker m : spec.markers()) {
            boolean diverged = m.label().contains("diverged");
            double px = f.px(m.x());
            g.setColor(withAlpha(diverged ? style.danger() : style.marker(), diverged ? 230 : 150));
            g.setStroke(diverged ? style.stroke(2f) : style.dashed(1f, 4, 3));
            g.draw(new Line2D.Double(px, f.top(), px, f.top() + f.height()));
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Marker labels at the top of the plot, stepped into rows so that nearby markers do not overprint. */
    private static void drawMarkerLabels(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle2D> placed = new ArrayList<>();
        for (ChartSpec.Marker m : spec.markers()) {
            boolean diverged = m.label().contains("diverged");
            double px = f.px(m.x());
            double w = fm.stringWidth(m.label()) + 4;
            double x = Math.min(px + 3, f.left() + f.width() - w - 2);
            Rectangle2D box = null;
            for (int row = 0; row < 6; row++) {
                box = new Rectangle2D.Double(x, f.top() + 3 + row * (fm.getHeight() + 1), w, fm.getHeight());
                if (!overlaps(box, placed)) {
                    break;
                }
            }
            placed.add(box);
            g.setColor(withAlpha(style.plot(), 215));
            g.fill(box);
            g.setColor(diverged ? style.danger() : style.marker().darker());
            text(g, m.label(), box.getX() + 2, box.getY() + fm.getAscent());
        }
    }

    private static List<Integer> drawSeries(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        List<Integer> drawn = new ArrayList<>();
        int index = 0;
        for (ChartSpec.SeriesSpec s : spec.series()) {
            Color color = style.series(index++);
            double[][] xy = s.symbols() ? new double[][] {s.x(), s.y()}
                    : Decimator.minMax(s.x(), s.y(), Math.max(50, (int) f.width()));
            double[] xs = xy[0];
            double[] ys = xy[1];
            drawn.add(xs.length);
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    path.lineTo(f.px(xs[i]), f.py(ys[i]));
                } else {
                    path.moveTo(f.px(xs[i]), f.py(ys[i]));
                    pen = true;
                }
            }
            g.setColor(color);
            g.setStroke(style.stroke(s.symbols() ? 1.7f : 1.4f));
            g.draw(path);
            if (s.symbols()) {
                for (int i = 0; i < xs.length; i++) {
                    if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                        double r = 3.5 * style.lineScale();
                        Ellipse2D dot = new Ellipse2D.Double(f.px(xs[i]) - r, f.py(ys[i]) - r, 2 * r, 2 * r);
                        g.setColor(color);
                        g.fill(dot);
                        g.setColor(style.plot());
                        g.setStroke(new BasicStroke(1f));
                        g.draw(dot);
                    }
                }
            }
        }
        g.setStroke(new BasicStroke(1f));
        return drawn;
    }

    /**
     * Highlighted points: a ring in the series' colour around the point, and its label beside it where it does not
     * overprint another label (the ring alone says where, the table or the hover says the rest).
     */
    private static void drawHighlights(Graphics2D g, ChartSpec spec, Frame f, Style style) {
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        List<Rectangle2D> placed = new ArrayList<>();
        for (ChartSpec.Highlight h : spec.highlights()) {
            if (!Double.isFinite(h.x()) || !Double.isFinite(h.y())) {
                continue;
            }
            double px = f.px(h.x());
            double py = f.py(h.y());
            Ellipse2D ring = new Ellipse2D.Double(px - 7, py - 7, 14, 14);
            g.setColor(style.plot());
            g.setStroke(new BasicStroke(4f));
            g.draw(ring);
            g.setColor(style.series(h.series()));
            g.setStroke(new BasicStroke(2.2f));
            g.draw(ring);
            if (h.label() == null || h.label().isEmpty()) {
                continue;
            }
            double w = fm.stringWidth(h.label()) + 4;
            Rectangle2D box = new Rectangle2D.Double(px + 9, py - fm.getHeight() - 2, w, fm.getHeight());
            if (box.getMaxX() > f.left() + f.width()) {
                box = new Rectangle2D.Double(px - 9 - w, box.getY(), w, fm.getHeight());
            }
            if (overlaps(box, placed)) {
                box = new Rectangle2D.Double(box.getX(), py + 3, w, fm.getHeight());
            }
            if (overlaps(box, placed)) {
                continue;
            }
            placed.add(box);
            g.setColor(withAlpha(style.plot(), 215));
            g.fill(box);
            g.setColor(style.series(h.series()).darker());
            text(g, h.label(), box.getX() + 2, box.getY() + fm.getAscent());
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** A vertical line at the pointer and, beside it, each series' value at the nearest point. */
    private static void drawCrosshair(Graphics2D g, ChartSpec spec, Frame f, Style style, double hoverX) {
        double px = f.px(hoverX);
        g.setColor(style.frame());
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(px, f.top(), px, f.top() + f.height()));
        List<String> lines = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        lines.add(spec.xLabel().split(" ")[0] + " " + Axis.plain(hoverX));
        colors.add(style.text());
        int index = 0;
        for (ChartSpec.SeriesSpec s : spec.series()) {
            Color color = style.series(index++);
            int nearest = nearest(s.x(), hoverX);
            if (nearest < 0 || Math.abs(f.px(s.x()[nearest]) - px) > 40) {
                continue;
            }
            g.setColor(color);
            g.fill(new Ellipse2D.Double(f.px(s.x()[nearest]) - 4, f.py(s.y()[nearest]) - 4, 8, 8));
            lines.add(s.name() + ": " + Axis.plain(s.y()[nearest]));
            colors.add(color);
        }
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        double w = lines.stream().mapToDouble(fm::stringWidth).max().orElse(0) + 10;
        double h = lines.size() * fm.getHeight() + 6;
        double x = px + 10 + w < f.left() + f.width() ? px + 10 : px - 10 - w;
        double y = f.top() + 6;
        g.setColor(withAlpha(style.background(), 235));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        g.setColor(style.frame());
        g.draw(new Rectangle2D.Double(x, y, w, h));
        for (int i = 0; i < lines.size(); i++) {
            g.setColor(i == 0 ? style.text() : colors.get(i).darker());
            if (style.darkBackground() && i > 0) {
                g.setColor(colors.get(i));
            }
            text(g, lines.get(i), x + 5, y + 3 + fm.getAscent() + i * fm.getHeight());
        }
    }

    private static int nearest(double[] xs, double x) {
        int best = -1;
        double distance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double d = Math.abs(xs[i] - x);
            if (d < distance) {
                distance = d;
                best = i;
            }
        }
        return best;
    }

    /** Legend entries packed into rows that fit the width: a comparison of many runs wraps, it is never cut. */
    private static List<List<Integer>> legendRows(Graphics2D g, ChartSpec spec, double width, Style style) {
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < spec.series().size(); i++) {
            double w = entryWidth(fm, spec.series().get(i).name());
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(i);
            used += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static double entryWidth(FontMetrics fm, String name) {
        return 22 + fm.stringWidth(name) + 16;
    }

    private static void drawLegend(Graphics2D g, ChartSpec spec, List<List<Integer>> rows, double width, double y,
            double line, Style style) {
        g.setFont(style.font(SMALL));
        FontMetrics fm = g.getFontMetrics();
        for (List<Integer> row : rows) {
            double total = row.stream().mapToDouble(i -> entryWidth(fm, spec.series().get(i).name())).sum();
            double x = Math.max(PAD, (width - total) / 2);
            double cy = y + line / 2;
            for (int i : row) {
                ChartSpec.SeriesSpec s = spec.series().get(i);
                Color color = style.series(i);
                g.setColor(color);
                g.setStroke(style.stroke(2f));
                g.draw(new Line2D.Double(x, cy, x + 16, cy));
                if (s.symbols()) {
                    g.fill(new Ellipse2D.Double(x + 4.5, cy - 3.5, 7, 7));
                }
                g.setColor(style.text());
                text(g, s.name(), x + 22, cy + fm.getAscent() / 2.0 - 1);
                x += entryWidth(fm, s.name());
            }
            y += line + 2;
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** Greedy word wrap; a word longer than the width gets a line of its own. */
    public static List<String> wrap(String text, FontMetrics fm, double width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && fm.stringWidth(candidate) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The height the caption adds to an export of the given width: exports grow rather than cut it. */
    public static double captionHeight(Graphics2D g, String caption, double width) {
        if (caption == null || caption.isBlank()) {
            return 0;
        }
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        return 6 + wrap(caption, fm, width - 2 * PAD).size() * fm.getHeight();
    }

    static void text(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) x, (float) y);
    }

    private static boolean overlaps(Rectangle2D box, List<Rectangle2D> placed) {
        return placed.stream().anyMatch(box::intersects);
    }

    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** A linear axis with "nice" ticks (1, 2, 5 times a power of ten) covering a data range. */
    public record Axis(double min, double max, double step) {
        /** An axis widened to whole steps around the data. */
        public static Axis of(double dataMin, double dataMax, int targetTicks) {
            double step = step(dataMax - dataMin, targetTicks);
            return new Axis(Math.floor(dataMin / step) * step, Math.ceil(dataMax / step) * step, step);
        }

        /** An axis over exactly min..max (a zoomed view), ticked at the nice steps inside it. */
        public static Axis exact(double min, double max, int targetTicks) {
            return new Axis(min, max, step(max - min, targetTicks));
        }

        private static double step(double span, int targetTicks) {
            double raw = span / targetTicks;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double nice = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10;
            return nice * magnitude;
        }

        double fraction(double v) {
            return (v - min) / (max - min);
        }

        public List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }

        public String label(double v) {
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }

        /** A read-out value: four significant digits. */
        static String plain(double v) {
            if (!Double.isFinite(v)) {
                return "–";
            }
            return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+(e|$)", "$1");
        }
    }
}
