package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The zoom of one plot: the data bounds (everything there is to see) and the part shown. Wheel zoom about a point,
 * a rectangle, panning and reset all go through here, and the result always stays inside the bounds and never
 * narrower than {@link #MIN_FRACTION} of them. On a log axis zooming and panning happen in decades, so the point
 * under the pointer stays put there too. No JavaFX: the training charts and the phase map share it, and tests
 * drive it without a robot.
 *
 * <p>While not zoomed the view follows the bounds (a live chart keeps growing); once zoomed it stays where the
 * user put it, clamped when the bounds change.
 */
public final class ZoomModel {
    /** The smallest view, as a fraction of the bounds on each axis: keeps the axes labelled with distinct ticks. */
    public static final double MIN_FRACTION = 1e-4;

    /** How an axis maps data to the screen. */
    public enum Scale {
        LINEAR, LOG;

        double forward(double v) {
            return this == LOG ? Math.log10(v) : v;
        }

        double back(double t) {
            return this == LOG ? Math.pow(10, t) : t;
        }
    }

    private final Scale xScale;
    private final Scale yScale;
    private final List<Runnable> listeners = new ArrayList<>();
    private ViewRange bounds = new ViewRange(0, 1, 0, 1);
    private ViewRange zoomed;

    public ZoomModel() {
        this(Scale.LINEAR, Scale.LINEAR);
    }

    public ZoomModel(Scale xScale, Scale yScale) {
        this.xScale = xScale;
        this.yScale = yScale;
    }

    /** Called after every change of the view (FX thread in the window). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public ViewRange bounds() {
        return bounds;
    }

    /** What the plot shows: the zoomed range, or the bounds when not zoomed. */
    public ViewRange view() {
        return zoomed != null ? zoomed : bounds;
    }

    public boolean isZoomed() {
        return zoomed != null;
    }

    /**
     * New data bounds; a zoomed view is kept, clamped into them. Listeners hear of it only when a zoomed view had to
     * move: the plot that sets its bounds while painting already draws an unzoomed view from them.
     */
    public void setBounds(ViewRange newBounds) {
        checkScale(newBounds);
        if (newBounds.equals(bounds)) {
            return;
        }
        bounds = newBounds;
        if (zoomed != null) {
            ViewRange before = zoomed;
            zoomed = clampOrNull(zoomed);
            if (!before.equals(zoomed)) {
                fire();
            }
        }
    }

    /**
     * Scales the view by {@code factor} on both axes about the data point (x, y), which stays where it is on the
     * screen: below 1 zooms in, above 1 out. Zooming out past the bounds resets.
     */
    public void zoomAbout(double x, double y, double factor) {
        zoomAbout(x, y, factor, factor);
    }

    /** As {@link #zoomAbout(double, double, double)} with a factor per axis (1 leaves an axis alone). */
    public void zoomAbout(double x, double y, double xFactor, double yFactor) {
        if (!(xFactor > 0) || !(yFactor > 0)) {
            throw new IllegalArgumentException("zoom factors must be positive, got " + xFactor + ", " + yFactor);
        }
        ViewRange v = view();
        double[] xs = scaleAbout(xScale, v.xMin(), v.xMax(), x, xFactor);
        double[] ys = scaleAbout(yScale, v.yMin(), v.yMax(), y, yFactor);
        set(xs, ys);
    }

    /** Shows the rectangle spanned by two data points (in any order). */
    public void zoomTo(double x0, double y0, double x1, double y1) {
        double[] xs = {xScale.forward(Math.min(x0, x1)), xScale.forward(Math.max(x0, x1))};
        double[] ys = {yScale.forward(Math.min(y0, y1)), yScale.forward(Math.max(y0, y1))};
        set(xs, ys);
    }

    /**
     * Moves {@code start} (the view when the drag began) by a fraction of its size: +0.1 in x shows what lies a
     * tenth of the width further right. The size is kept; the view stops at the bounds.
     */
    public void pan(ViewRange start, double xFraction, double yFraction) {
        double x0 = xScale.forward(start.xMin());
        double x1 = xScale.forward(start.xMax());
        double y0 = yScale.forward(start.yMin());
        double y1 = yScale.forward(start.yMax());
        double dx = (x1 - x0) * xFraction;
        double dy = (y1 - y0) * yFraction;
        set(new double[] {x0 + dx, x1 + dx}, new double[] {y0 + dy, y1 + dy});
    }

    /** Back to the whole data. */
    public void reset() {
        if (zoomed != null) {
            zoomed = null;
            fire();
        }
    }

    /** Sets a view given in scale space (log10 on a log axis), clamped; all of the bounds means not zoomed. */
    private void set(double[] xs, double[] ys) {
        double[] x = clamp(xs[0], xs[1], xScale.forward(bounds.xMin()), xScale.forward(bounds.xMax()));
        double[] y = clamp(ys[0], ys[1], yScale.forward(bounds.yMin()), yScale.forward(bounds.yMax()));
        ViewRange next = new ViewRange(xScale.back(x[0]), xScale.back(x[1]), yScale.back(y[0]),
                yScale.back(y[1]));
        ViewRange before = view();
        zoomed = coversBounds(x, y) ? null : next;
        if (!before.equals(view())) {
            fire();
        }
    }

    private ViewRange clampOrNull(ViewRange v) {
        double[] x = clamp(xScale.forward(v.xMin()), xScale.forward(v.xMax()), xScale.forward(bounds.xMin()),
                xScale.forward(bounds.xMax()));
        double[] y = clamp(yScale.forward(v.yMin()), yScale.forward(v.yMax()), yScale.forward(bounds.yMin()),
                yScale.forward(bounds.yMax()));
        if (coversBounds(x, y)) {
            return null;
        }
        return new ViewRange(xScale.back(x[0]), xScale.back(x[1]), yScale.back(y[0]), yScale.back(y[1]));
    }

    private boolean coversBounds(double[] x, double[] y) {
        double w = xScale.forward(bounds.xMax()) - xScale.forward(bounds.xMin());
        double h = yScale.forward(bounds.yMax()) - yScale.forward(bounds.yMin());
        return x[1] - x[0] >= w * (1 - 1e-9) && y[1] - y[0] >= h * (1 - 1e-9);
    }

    private static double[] scaleAbout(Scale scale, double min, double max, double at, double factor) {
        double a = scale.forward(min);
        double b = scale.forward(max);
        double t = Double.isFinite(scale.forward(at)) ? scale.forward(at) : (a + b) / 2;
        return new double[] {t - (t - a) * factor, t + (b - t) * factor};
    }

    /** [a, b] moved inside [lo, hi], no wider than it and no narrower than MIN_FRACTION of it. */
    static double[] clamp(double a, double b, double lo, double hi) {
        double full = hi - lo;
        if (a >= lo && b <= hi && b - a >= full * MIN_FRACTION) {
            return new double[] {a, b}; // inside already: kept exactly
        }
        double span = Math.max(Math.min(b - a, full), full * MIN_FRACTION);
        double centre = (a + b) / 2;
        double start = centre - span / 2;
        start = Math.max(lo, Math.min(start, hi - span));
        return new double[] {start, Math.min(hi, start + span)};
    }

    private void checkScale(ViewRange r) {
        if ((xScale == Scale.LOG && r.xMin() <= 0) || (yScale == Scale.LOG && r.yMin() <= 0)) {
            throw new IllegalArgumentException("a log axis needs positive bounds, got " + r);
        }
    }

    private void fire() {
        for (Runnable listener : List.copyOf(listeners)) {
            listener.run();
        }
    }
}
