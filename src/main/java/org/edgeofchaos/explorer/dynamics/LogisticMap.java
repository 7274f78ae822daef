package org.edgeofchaos.explorer.dynamics;

/** The logistic map x -> r x (1 - x), the textbook order-chaos transition (science.md section 3). */
public final class LogisticMap {

    private LogisticMap() {
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
