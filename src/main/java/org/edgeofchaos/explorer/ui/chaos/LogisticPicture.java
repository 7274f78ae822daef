package org.edgeofchaos.explorer.ui.chaos;

/**
 * What the logistic-map charts show, as plain arrays (no dependency of the painters on the core).
 *
 * @param rMin     left end of the r axis
 * @param rMax     right end
 * @param r        the sweep's r values (one column each)
 * @param lambda   lambda(r)
 * @param states   distinct stable states per column (1, 2, 4 ... up to maxStates for chaos)
 * @param points   attractor points x per column (the bifurcation diagram)
 * @param maxStates the cap of {@code states}
 * @param cursor   the linked r cursor
 * @param selectionFrom start of a zoom selection being dragged, or NaN
 * @param selectionTo   its end, or NaN
 */
public record LogisticPicture(double rMin, double rMax, double[] r, double[] lambda, int[] states, float[][] points,
                              int maxStates, double cursor, double selectionFrom, double selectionTo) {

    public LogisticPicture withCursor(double newCursor) {
        return new LogisticPicture(rMin, rMax, r, lambda, states, points, maxStates, newCursor, selectionFrom,
                selectionTo);
    }

    public LogisticPicture withSelection(double from, double to) {
        return new LogisticPicture(rMin, rMax, r, lambda, states, points, maxStates, cursor, from, to);
    }

    public boolean hasSelection() {
        return !Double.isNaN(selectionFrom) && !Double.isNaN(selectionTo);
    }
}
