package org.edgeofchaos.explorer.dynamics;

import java.util.Objects;

/**
 * The logistic map over a range of r: for each of {@code columns} values of r, the attractor's points (the
 * bifurcation diagram), lambda(r), the attractor's kind and the number of distinct stable states.
 *
 * @param rMin    first r
 * @param rMax    last r
 * @param columns one per r value, r = rMin + (rMax - rMin) i / (count - 1)
 */
public record LogisticSweep(double rMin, double rMax, java.util.List<Column> columns) {

    /**
     * @param orbit  the attractor analysis at r
     * @param points the last iterates x_t after the transient (the bifurcation diagram's dots at this r)
     */
    public record Column(LogisticMap.Orbit orbit, float[] points) {
        public Column {
            Objects.requireNonNull(orbit, "orbit");
            points = points.clone();
        }

        @Override
        public float[] points() {
            return points.clone();
        }

        public double r() {
            return orbit.r();
        }
    }

    public LogisticSweep {
        columns = java.util.List.copyOf(columns);
    }

    /**
     * Computes the sweep. Each column iterates {@code transientSteps} + {@code measureSteps} steps; the last
     * {@code pointsPerColumn} iterates are kept. Cancel by interrupting the thread (CancellationException).
     */
    public static LogisticSweep compute(double rMin, double rMax, int count, int transientSteps, int measureSteps,
            int pointsPerColumn) {
        if (!(rMin > 0 && rMax <= 4 && rMin < rMax)) {
            throw new IllegalArgumentException("need 0 < rMin < rMax <= 4, got " + rMin + " .. " + rMax);
        }
        if (count < 2 || pointsPerColumn < 1 || pointsPerColumn > measureSteps) {
            throw new IllegalArgumentException("need count >= 2 and 1 <= pointsPerColumn <= measureSteps");
        }
        java.util.List<Column> columns = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 16 == 0) {
                LyapunovEstimator.checkInterrupted();
            }
            double r = rMin + (rMax - rMin) * i / (count - 1);
            LogisticMap.Orbit orbit = LogisticMap.orbit(r, transientSteps, measureSteps);
            double[] tail = LogisticMap.series(r, lastTransientState(r, transientSteps + measureSteps
                    - pointsPerColumn), pointsPerColumn - 1);
            float[] points = new float[pointsPerColumn];
            for (int k = 0; k < pointsPerColumn; k++) {
                points[k] = (float) tail[k];
            }
            columns.add(new Column(orbit, points));
        }
        return new LogisticSweep(rMin, rMax, columns);
    }

    private static double lastTransientState(double r, int steps) {
        double x = LogisticMap.X0;
        for (int t = 0; t < steps; t++) {
            x = r * x * (1 - x);
        }
        return x;
    }
}
