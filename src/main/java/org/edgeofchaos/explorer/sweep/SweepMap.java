package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.List;


/**
 * What a picture of a sweep shows, in grid coordinates (x from 0 to columns, y from 0 to rows, cell (i, j) the
 * unit square at (i, j)): per cell the seeds' mean of one metric with its spread and flags, the tick labels, the
 * edge of chaos as the cell borders where the cells' mean final J crosses 1, and the scaling law's iso-lines of
 * predicted epochs to the edge when both axes are among eta, alpha and B. Free of any drawing toolkit: the
 * command line's exporter and a window draw the same model.
 */
public final class SweepMap {
    private final SweepStatus status;
    private final SweepMetric metric;
    private final ScalingLaw.Fit fit;

    /** A border between two cells, from (x1, y1) to (x2, y2) in grid coordinates. */
    public record Segment(double x1, double y1, double x2, double y2) {
    }

    /** A line of constant s, labelled with the epochs e* it predicts; {@code points} are (x, y) pairs. */
    public record IsoLine(double epochs, double rate, List<double[]> points) {
    }

    public SweepMap(SweepStatus status, SweepMetric metric) {
        this.status = status;
        this.metric = metric;
        SweepSpec spec = status.spec();
        this.fit = ScalingLaw.fit(status.records(), spec.data().trainSize(), spec.data().resolution());
    }

    public SweepStatus status() {
        return status;
    }

    public SweepSpec spec() {
        return status.spec();
    }

    public SweepMetric metric() {
        return metric;
    }

    public ScalingLaw.Fit fit() {
        return fit;
    }

    public int columns() {
        return spec().xSize();
    }

    public int rows() {
        return spec().ySize();
    }

    public SweepStatus.Cell cell(int column, int row) {
        return status.cell(column, row);
    }

    /** Mean of the metric over the cell's seeds, NaN if none has it. */
    public double value(int column, int row) {
        return cell(column, row).stats(metric).mean();
    }

    public String xLabel(int column) {
        return spec().x().parameter().format(spec().x().value(column));
    }

    public String yLabel(int row) {
        return spec().y() == null ? "" : spec().y().parameter().format(spec().y().value(row));
    }

    /** The finite range of the metric's cell means, {min, max}; {NaN, NaN} if no cell has a value. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (SweepStatus.Cell c : status.cells()) {
            double v = c.stats(metric).mean();
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
    }

    /** The edge of chaos: borders between cells whose mean final J lies on different sides of 1. */
    public List<Segment> edge() {
        List<Segment> segments = new ArrayList<>();
        for (int row = 0; row < rows(); row++) {
            for (int column = 0; column < columns(); column++) {
                Boolean here = side(column, row);
                if (here == null) {
                    continue;
                }
                if (column + 1 < columns()) {
                    Boolean right = side(column + 1, row);
                    if (right != null && !right.equals(here)) {
                        segments.add(new Segment(column + 1, row, column + 1, row + 1));
                    }
                }
                if (row + 1 < rows()) {
                    Boolean up = side(column, row + 1);
                    if (up != null && !up.equals(here)) {
                        segments.add(new Segment(column, row + 1, column + 1, row + 1));
                    }
                }
            }
        }
        return segments;
    }

    private Boolean side(int column, int row) {
        double j = cell(column, row).stats(SweepMetric.FINAL_J).mean();
        return Double.isFinite(j) ? j >= 1 : null;
    }

    /** Whether the axes allow iso-lines of s = eta / ((1 - alpha) B): both among eta, alpha, B. */
    public boolean hasIsoLines() {
        SweepSpec s = spec();
        return s.y() != null && ScalingLaw.RATE_PARAMETERS.contains(s.x().parameter())
                && ScalingLaw.RATE_PARAMETERS.contains(s.y().parameter()) && s.fixed().weightDecay() == 0;
    }

    /** Predicted epochs to the edge at a cell's settings, with the fitted law. */
    public double predictedEdgeEpochs(int column, int row) {
        int run = spec().run(row * columns() + column, 0);
        return fit.edgeEpoch(spec().fixed().initJ(), ScalingLaw.scaledRate(spec().hyperparameters(run)));
    }

    /** Iso-lines for e* in 1, 2, 5, 10, 20, 50, ... within the sweep's range of s. */
    public List<IsoLine> isoLines() {
        List<IsoLine> lines = new ArrayList<>();
        if (!hasIsoLines()) {
            return lines;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int r = 0; r < spec().runCount(); r += spec().seeds()) {
            double s = ScalingLaw.scaledRate(spec().hyperparameters(r));
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double initJ = spec().fixed().initJ();
        if (initJ >= 1) {
            return lines;
        }
        // Levels 1, 2, 5, 10, ... epochs; thinned to 1, 3, 10, 30, ... and then to 1, 10, 100, ... when more than
        // six would crowd the map.
        List<Double> levels = new ArrayList<>();
        for (double decade = 1; decade <= 1e6; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                double s = fit.rateForEpochs(initJ, m * decade);
                if (s >= min * 0.999 && s <= max * 1.001) {
                    levels.add(m * decade);
                }
            }
        }
        if (levels.size() > 6) {
            levels.clear();
            for (double decade = 1; decade <= 1e6; decade *= 10) {
                for (double m : new double[] {1, 3}) {
                    double s = fit.rateForEpochs(initJ, m * decade);
                    if (s >= min * 0.999 && s <= max * 1.001) {
                        levels.add(m * decade);
                    }
                }
            }
        }
        if (levels.size() > 6) {
            levels.removeIf(e -> Math.abs(Math.log10(e) - Math.rint(Math.log10(e))) > 1e-9);
        }
        for (double epochs : levels) {
            double s = fit.rateForEpochs(initJ, epochs);
            List<double[]> points = trace(s);
            if (points.size() >= 2) {
                lines.add(new IsoLine(epochs, s, points));
            }
        }
        return lines;
    }

    private List<double[]> trace(double s) {
        Axis x = spec().x();
        Axis y = spec().y();
        List<double[]> points = new ArrayList<>();
        int samples = 200;
        for (int k = 0; k <= samples; k++) {
            double gx = columns() * (double) k / samples;
            double xv = valueAt(x, gx);
            double yv = ScalingLaw.solve(y.parameter(), s, x.parameter(), xv, spec().fixed());
            double gy = positionOf(y, yv);
            if (Double.isFinite(gy) && gy >= 0 && gy <= rows()) {
                points.add(new double[] {gx, gy});
            }
        }
        return points;
    }

    /** The axis value at grid coordinate g (cell centres at i + 0.5), interpolated on the axis's scale. */
    static double valueAt(Axis axis, double g) {
        int n = axis.size();
        if (n == 1) {
            return axis.value(0);
        }
        double t = g - 0.5;
        int i = (int) Math.floor(t);
        i = Math.max(0, Math.min(n - 2, i));
        double f = t - i;
        double a = axis.value(i);
        double b = axis.value(i + 1);
        if (axis.logScale() && a > 0 && b > 0) {
            return Math.exp(Math.log(a) + f * (Math.log(b) - Math.log(a)));
        }
        return a + f * (b - a);
    }

    /** The grid coordinate of an axis value (inverse of {@link #valueAt}), NaN if outside the axis's reach. */
    static double positionOf(Axis axis, double v) {
        int n = axis.size();
        if (n == 1 || !Double.isFinite(v)) {
            return Double.NaN;
        }
        boolean log = axis.logScale();
        if (log && v <= 0) {
            return Double.NaN;
        }
        double tv = log ? Math.log(v) : v;
        for (int i = 0; i < n - 1; i++) {
            double a = log ? Math.log(axis.value(i)) : axis.value(i);
            double b = log ? Math.log(axis.value(i + 1)) : axis.value(i + 1);
            boolean first = i == 0;
            boolean last = i == n - 2;
            double f = (tv - a) / (b - a);
            if ((f >= 0 || first) && (f <= 1 || last)) {
                double g = i + 0.5 + f;
                if (g >= 0 && g <= n) {
                    return g;
                }
            }
        }
        return Double.NaN;
    }
}
