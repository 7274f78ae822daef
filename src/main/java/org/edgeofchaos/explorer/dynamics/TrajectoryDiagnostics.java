package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;

/**
 * Time series of one pair of trajectories of x -> tanh(W x), for the inspector view.
 *
 * @param separation   ||x_t - x'_t|| for t = 0..steps (x'_0 = x_0 + perturbation)
 * @param meanActivity m_t = (1/N) sum_i x_t,i of the unperturbed trajectory, t = 0..steps
 */
public record TrajectoryDiagnostics(double[] separation, double[] meanActivity) {

    public TrajectoryDiagnostics {
        if (separation.length != meanActivity.length) {
            throw new IllegalArgumentException("series lengths differ");
        }
        separation = separation.clone();
        meanActivity = meanActivity.clone();
    }

    @Override
    public double[] separation() {
        return separation.clone();
    }

    @Override
    public double[] meanActivity() {
        return meanActivity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrajectoryDiagnostics d
                && Arrays.equals(separation, d.separation) && Arrays.equals(meanActivity, d.meanActivity);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(separation) + Arrays.hashCode(meanActivity);
    }

    @Override
    public String toString() {
        return "TrajectoryDiagnostics[steps=" + steps() + "]";
    }

    /** Number of steps; the series hold steps + 1 values. */
    public int steps() {
        return separation.length - 1;
    }
}
