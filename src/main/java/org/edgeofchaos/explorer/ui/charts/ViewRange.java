package org.edgeofchaos.explorer.ui.charts;

/**
 * The data rectangle a plot shows: x from {@code xMin} to {@code xMax}, y from {@code yMin} to {@code yMax}.
 * Immutable; a zoom replaces it.
 */
public record ViewRange(double xMin, double xMax, double yMin, double yMax) {
    public ViewRange {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax))
                || !(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("a view range needs finite bounds with min < max, got x " + xMin
                    + ".." + xMax + ", y " + yMin + ".." + yMax);
        }
    }

    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }
}
