package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.edgeofchaos.explorer.training.EpochMetrics;

/**
 * A straight line J^2(e) = intercept + slope * e fitted by least squares over an epoch window of one run, and the
 * slope turned into k = slope / (eta / ((1 - alpha) B)) (science.md section 4).
 *
 * @param slope      growth of J^2 per epoch in the window
 * @param slopeError its standard error (NaN with only two points)
 * @param points     epochs used
 */
public record GrowthFit(String run, EpochWindow window, int points, double intercept, double slope,
        double slopeError, double rSquared, double k, double kError) {

    /**
     * The default window: the ordered phase after the first epoch (from epoch 1, skipping the jump of J^2 in the
     * first epoch, to the last epoch before J first reaches 1). Empty if fewer than two such epochs.
     */
    public static Optional<EpochWindow> orderedWindow(LawRun run) {
        int last = -1;
        for (EpochMetrics e : run.epochs()) {
            if (e.j() >= 1) {
                break;
            }
            last = e.epoch();
        }
        int first = run.epochs().isEmpty() ? 1 : run.epochs().get(0).epoch();
        return last > first ? Optional.of(new EpochWindow(first, last)) : Optional.empty();
    }

    /** Fits the run over the default window; empty if the run has fewer than two ordered epochs after the first. */
    public static Optional<GrowthFit> ordered(LawRun run) {
        return orderedWindow(run).map(w -> of(run, w));
    }

    /**
     * @throws IllegalArgumentException naming the run if the window holds fewer than two epochs of it, or the run's
     *                                  hyperparameters changed mid-run
     */
    public static GrowthFit of(LawRun run, EpochWindow window) {
        if (run.changedDuringRun()) {
            throw new IllegalArgumentException(run.name() + ": its hyperparameters changed during the run, so J^2 "
                    + "did not grow at one rate");
        }
        List<double[]> xy = new ArrayList<>();
        if (window.contains(0)) {
            double j0 = run.hyperparameters().initJ();
            xy.add(new double[] {0, j0 * j0});
        }
        for (EpochMetrics e : run.epochs()) {
            if (window.contains(e.epoch())) {
                xy.add(new double[] {e.epoch(), e.j() * e.j()});
            }
        }
        if (xy.size() < 2) {
            throw new IllegalArgumentException(run.name() + ": " + window + " holds " + xy.size()
                    + " finished epoch(s); a growth rate needs at least 2");
        }
        double[][] x = new double[xy.size()][];
        double[] y = new double[xy.size()];
        for (int i = 0; i < xy.size(); i++) {
            x[i] = new double[] {1, xy.get(i)[0]};
            y[i] = xy.get(i)[1];
        }
        LeastSquares.Solution s = LeastSquares.fit(x, y);
        double rate = run.scaledRate();
        double slope = s.coefficients()[1];
        double error = s.errors()[1];
        return new GrowthFit(run.name(), window, xy.size(), s.coefficients()[0], slope, error, s.rSquared(),
                slope / rate, error / rate);
    }
}
