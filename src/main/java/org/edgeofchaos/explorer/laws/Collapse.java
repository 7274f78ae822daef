package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.edgeofchaos.explorer.training.EpochMetrics;

/**
 * How well curves of several runs fall onto one another (paper 1, Figs 4-5): each run's quantity (J^2, test loss,
 * ...) is sampled on a common grid of the x axis (epoch, or scaled time epoch * eta / ((1 - alpha) B)) over the range
 * all runs cover, and the quality is 1 - (mean variance across runs at a grid point) / (variance of all samples).
 * 1 is a perfect collapse; 0 means the runs differ as much as the curve varies. Comparing the quality against
 * scaled time with the one against epochs shows what the scaling buys.
 */
public final class Collapse {
    /** Grid points sampled over the common range. */
    static final int GRID = 64;

    /** The x axis of a collapse plot. */
    public enum Axis {
        EPOCH, SCALED_TIME;

        public double of(LawRun run, double epoch) {
            return this == EPOCH ? epoch : epoch * run.scaledRate();
        }
    }

    /**
     * @param quality  see the class comment; NaN if the runs share no range
     * @param from, to the common range of the x axis used
     */
    public record Result(Axis axis, double quality, double from, double to, int runs) {
    }

    private Collapse() {
    }

    public static ToDoubleFunction<EpochMetrics> jSquared() {
        return e -> e.j() * e.j();
    }

    /**
     * @param quantity what is compared, e.g. {@link #jSquared()} or {@code EpochMetrics::testLoss}
     * @throws IllegalArgumentException with fewer than two runs
     */
    public static Result quality(List<LawRun> runs, Axis axis, ToDoubleFunction<EpochMetrics> quantity) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("a collapse compares at least 2 runs, got " + runs.size());
        }
        List<double[][]> curves = new ArrayList<>();
        double from = Double.NEGATIVE_INFINITY;
        double to = Double.POSITIVE_INFINITY;
        for (LawRun run : runs) {
            List<double[]> points = new ArrayList<>();
            for (EpochMetrics e : run.epochs()) {
                double y = quantity.applyAsDouble(e);
                if (Double.isFinite(y)) {
                    points.add(new double[] {axis.of(run, e.epoch()), y});
                }
            }
            if (points.size() < 2) {
                return new Result(axis, Double.NaN, Double.NaN, Double.NaN, runs.size());
            }
            double[][] curve = points.toArray(new double[0][]);
            curves.add(curve);
            from = Math.max(from, curve[0][0]);
            to = Math.min(to, curve[curve.length - 1][0]);
        }
        if (!(to > from)) {
            return new Result(axis, Double.NaN, from, to, runs.size());
        }
        double withinSum = 0;
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int g = 0; g < GRID; g++) {
            double x = from + (to - from) * g / (GRID - 1);
            double mean = 0;
            double[] values = new double[curves.size()];
            for (int c = 0; c < curves.size(); c++) {
                values[c] = interpolate(curves.get(c), x);
                mean += values[c] / values.length;
            }
            for (double v : values) {
                withinSum += (v - mean) * (v - mean) / values.length;
                sum += v;
                sumSquares += v * v;
                count++;
            }
        }
        double totalVariance = sumSquares / count - (sum / count) * (sum / count);
        double within = withinSum / GRID;
        double quality = totalVariance > 0 ? 1 - within / totalVariance : (within == 0 ? 1 : Double.NaN);
        return new Result(axis, quality, from, to, runs.size());
    }

    static double interpolate(double[][] curve, double x) {
        int hi = 1;
        while (hi < curve.length - 1 && curve[hi][0] < x) {
            hi++;
        }
        double[] a = curve[hi - 1];
        double[] b = curve[hi];
        double t = b[0] == a[0] ? 0 : (x - a[0]) / (b[0] - a[0]);
        return a[1] + t * (b[1] - a[1]);
    }
}
