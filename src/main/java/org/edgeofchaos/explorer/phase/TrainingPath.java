package org.edgeofchaos.explorer.phase;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * A training run in phase-diagram coordinates: one point per epoch at (x = J0/J, y = 1/J) of the hidden weights
 * measured after that epoch, plus the initial point (epoch 0) at the nominal initial J and J0.
 */
public final class TrainingPath {
    private TrainingPath() {
    }

    /**
     * A point of the path.
     *
     * @param epoch        0 for the initialisation, else the finished epoch
     * @param ratio        x = J0/J
     * @param inverseJ     y = 1/J
     * @param testAccuracy test accuracy after the epoch (NaN for epoch 0)
     * @param lambdaMax    the run's measured lambda_max (NaN for epoch 0)
     */
    public record Point(int epoch, double j, double j0, double ratio, double inverseJ, double testAccuracy,
                        double lambdaMax) {

        static Point of(int epoch, double j, double j0, double testAccuracy, double lambdaMax) {
            return new Point(epoch, j, j0, j0 / j, 1.0 / j, testAccuracy, lambdaMax);
        }
    }

    /** The start point (epoch 0) from the initial J and J0. */
    public static Point start(Hyperparameters hp) {
        return Point.of(0, hp.initJ(), hp.initJ0(), Double.NaN, Double.NaN);
    }

    /** The point of one epoch, or null when J is not a finite positive number (a diverged epoch). */
    public static Point of(EpochMetrics m) {
        if (!(m.j() > 0) || !Double.isFinite(m.j()) || !Double.isFinite(m.j0())) {
            return null;
        }
        return Point.of(m.epoch(), m.j(), m.j0(), m.testAccuracy(), m.lambdaMax());
    }

    /** Start point (when {@code hp} is given) followed by one point per epoch with finite J and J0. */
    public static List<Point> of(Hyperparameters hp, List<EpochMetrics> epochs) {
        List<Point> points = new ArrayList<>(epochs.size() + 1);
        if (hp != null) {
            points.add(start(hp));
        }
        for (EpochMetrics m : epochs) {
            Point p = of(m);
            if (p != null) {
                points.add(p);
            }
        }
        return List.copyOf(points);
    }

    public static List<Point> of(RunRecord run) {
        return of(run.hyperparameters(), run.epochs());
    }
}
