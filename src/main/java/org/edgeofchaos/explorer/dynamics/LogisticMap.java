package org.edgeofchaos.explorer.dynamics;

/**
 * The logistic map x -> r x (1 - x), the textbook order-chaos transition (science.md section 3): its Lyapunov
 * exponent, the kind of its attractor, and the number of distinct stable states (paper 2's analogy: the
 * diversity of stable states is largest near the edge of chaos).
 */
public final class LogisticMap {

    /** Landmarks: first period doubling, second, the onset of chaos (Feigenbaum point), the period-3 window. */
    public static final double FIRST_DOUBLING = 3.0;
    public static final double SECOND_DOUBLING = 1 + Math.sqrt(6);
    public static final double ONSET_OF_CHAOS = 3.5699456718;
    public static final double PERIOD_THREE = 1 + Math.sqrt(8);

    /** Generic starting point (avoids the fixed point 0 and the preimages of 1/2 for the usual r). */
    public static final double X0 = 0.1234567;

    /** Distinct-state counts are capped here: a chaotic orbit visits a continuum. */
    public static final int MAX_STATES = AttractorClassifier.MAX_PERIOD;

    /**
     * The attractor at one r.
     *
     * @param r           the parameter
     * @param lambda      Lyapunov exponent (mean of ln |r (1 - 2 x_t)| over the measured steps)
     * @param lambdaError its standard error (batch means)
     * @param attractor   kind and period ({@link AttractorClassifier}, recurrence |x_t - x_{t-p}|)
     * @param states      distinct stable states: 1 for a fixed point, p for a cycle, {@link #MAX_STATES} for chaos,
     *                    quasi-periodic motion or a cycle longer than that
     */
    public record Orbit(double r, double lambda, double lambdaError, Attractor attractor, int states) {
    }

    private LogisticMap() {
    }

    /** Analyses the attractor at r after {@code transientSteps}, measuring over {@code steps} (>= 10). */
    public static Orbit orbit(double r, int transientSteps, int steps) {
        checkR(r);
        if (transientSteps < 0 || steps < AttractorAnalyzer.BATCHES + 2 * AttractorClassifier.MAX_PERIOD) {
            throw new IllegalArgumentException("need transient >= 0 and steps >= "
                    + (AttractorAnalyzer.BATCHES + 2 * AttractorClassifier.MAX_PERIOD));
        }
        double x = X0;
        for (int t = 0; t < transientSteps; t++) {
            x = r * x * (1 - x);
        }
        double[] ln = new double[steps];
        double[] xs = new double[steps];
        for (int t = 0; t < steps; t++) {
            xs[t] = x;
            // Floor: an orbit through x = 1/2 exactly (superstable) would give ln 0.
            ln[t] = Math.log(Math.max(Math.abs(r * (1 - 2 * x)), 1e-300));
            x = r * x * (1 - x);
        }
        double lambda = 0;
        for (double value : ln) {
            lambda += value;
        }
        lambda /= steps;
        double error = AttractorClassifier.batchMeansError(ln, 0, steps, AttractorAnalyzer.BATCHES);
        int period = AttractorClassifier.MAX_PERIOD;
        double[] recurrence = new double[period];
        for (int p = 1; p <= period; p++) {
            double worst = 0;
            for (int s = 0; s < period; s++) {
                int a = steps - 1 - s;
                worst = Math.max(worst, Math.abs(xs[a] - xs[a - p]));
            }
            recurrence[p - 1] = worst;
        }
        Attractor attractor = AttractorClassifier.classify(lambda, error, recurrence);
        int states = switch (attractor.kind()) {
            case FIXED_POINT -> 1;
            case PERIODIC -> attractor.period() == null ? MAX_STATES : attractor.period();
            default -> MAX_STATES;
        };
        return new Orbit(r, lambda, error, attractor, states);
    }

    /** x_0 .. x_steps from x0 (for the cobweb plot and the time series). */
    public static double[] series(double r, double x0, int steps) {
        checkR(r);
        if (!(x0 >= 0 && x0 <= 1) || steps < 0) {
            throw new IllegalArgumentException("need x0 in [0, 1] and steps >= 0");
        }
        double[] xs = new double[steps + 1];
        xs[0] = x0;
        for (int t = 1; t <= steps; t++) {
            xs[t] = r * xs[t - 1] * (1 - xs[t - 1]);
        }
        return xs;
    }

    private static void checkR(double r) {
        if (!(r > 0 && r <= 4)) {
            throw new IllegalArgumentException("r must be in (0, 4]: " + r);
        }
    }

    /**
     * Lyapunov exponent lambda = <ln |r (1 - 2 x_t)|> over {@code steps} iterates after {@code transient}.
     * Exact values: ln|2 - r| for 1 < r < 3; (1/2) ln|4 + 2r - r^2| in the period-2 window
     * 3 < r < 1 + sqrt(6); 0 at the period-doubling points and at r = 3.5699456718; ln 2 at r = 4.
     * Returns -infinity if an iterate hits x = 1/2 exactly (a superstable orbit, e.g. r = 2). At r = 4 an
     * orbit that lands exactly on 0 stays there in floating point; start from a generic x0 such as 0.1234.
     */
    public static double lyapunov(double r, int transientSteps, int steps, double x0) {
        if (!(r > 0 && r <= 4)) {
            throw new IllegalArgumentException("r must be in (0, 4]: " + r);
        }
        if (!(x0 > 0 && x0 < 1)) {
            throw new IllegalArgumentException("x0 must be in (0, 1): " + x0);
        }
        if (transientSteps < 0 || steps < 1) {
            throw new IllegalArgumentException("need transient >= 0 and steps >= 1");
        }
        double x = x0;
        for (int t = 0; t < transientSteps; t++) {
            x = r * x * (1 - x);
        }
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            sum += Math.log(Math.abs(r * (1 - 2 * x)));
            x = r * x * (1 - x);
        }
        return sum / steps;
    }
}
