package org.edgeofchaos.explorer.dynamics;

/**
 * Decides the kind of an attractor from the maximal Lyapunov exponent with its standard error and from the
 * recurrence of the orbit (how closely it returns to where it was p steps earlier, the full-state version of the
 * return map). The rules, in order:
 * <ol>
 *   <li>Cycle: if for some p <= {@value #MAX_PERIOD} the orbit returns to within {@value #RECURRENCE_TOLERANCE}
 *       (root mean square per component) of its state p steps earlier, at each of the last
 *       {@value #MAX_PERIOD} steps, the smallest such p is the period: p = 1 is a fixed point.</li>
 *   <li>Chaos: otherwise, lambda_max > max({@value #SIGMAS} standard errors, {@value #LAMBDA_ZERO}).</li>
 *   <li>Contracting: lambda_max < -max({@value #SIGMAS} standard errors, {@value #LAMBDA_ZERO}) means a stable
 *       orbit that has not closed yet (slow convergence, or a cycle longer than {@value #MAX_PERIOD}): periodic
 *       with an unknown period. Callers iterate further first to give it a chance to close.</li>
 *   <li>Marginal: lambda_max is 0 within that band and the orbit does not repeat: quasi-periodic. A weakly
 *       chaotic orbit with lambda_max below {@value #LAMBDA_ZERO} per step is not told apart from it.</li>
 * </ol>
 * Why {@value #LAMBDA_ZERO}: over a 1,000-step estimate an exactly marginal orbit (a torus) still shows |lambda| of
 * a few 1e-4 (the bounded ln-norm oscillation divided by the run length), so the band must sit above that.
 */
public final class AttractorClassifier {

    /** Longest period looked for. */
    public static final int MAX_PERIOD = 64;
    /** Root-mean-square distance per component below which an orbit counts as having returned. */
    public static final double RECURRENCE_TOLERANCE = 1e-4;
    /** |lambda_max| below this (per step) counts as zero. */
    public static final double LAMBDA_ZERO = 2e-3;
    /** Standard errors a nonzero lambda_max must clear. */
    public static final double SIGMAS = 3;

    private AttractorClassifier() {
    }

    /**
     * @param lambda      maximal Lyapunov exponent per step (may be -infinity for a superstable orbit)
     * @param lambdaError its standard error (batch means), >= 0
     * @param recurrence  recurrence[p - 1] = largest RMS distance per component between x_t and x_{t-p} over the
     *                    last {@value #MAX_PERIOD} steps, for p = 1 .. recurrence.length
     */
    public static Attractor classify(double lambda, double lambdaError, double[] recurrence) {
        int period = period(recurrence);
        if (period == 1) {
            return new Attractor(AttractorKind.FIXED_POINT, null);
        }
        if (period > 1) {
            return new Attractor(AttractorKind.PERIODIC, period);
        }
        double band = Math.max(SIGMAS * lambdaError, LAMBDA_ZERO);
        if (lambda > band) {
            return new Attractor(AttractorKind.CHAOTIC, null);
        }
        if (lambda < -band) {
            return new Attractor(AttractorKind.PERIODIC, null);
        }
        return new Attractor(AttractorKind.QUASI_PERIODIC, null);
    }

    /** Smallest p with recurrence[p - 1] within tolerance, or 0 if none. */
    static int period(double[] recurrence) {
        for (int p = 1; p <= recurrence.length; p++) {
            if (recurrence[p - 1] <= RECURRENCE_TOLERANCE) {
                return p;
            }
        }
        return 0;
    }

    /** True for a contracting orbit that has not closed yet: worth iterating further. */
    static boolean unresolved(Attractor attractor) {
        return attractor.kind() == AttractorKind.PERIODIC && attractor.period() == null;
    }

    /**
     * Standard error of the mean of {@code values[from .. from+count)} by batch means over {@code batches} equal
     * blocks (the per-step ln-norms are correlated, so the naive sigma / sqrt(T) would be too small).
     */
    static double batchMeansError(double[] values, int from, int count, int batches) {
        int size = count / batches;
        if (size < 1 || batches < 2) {
            return Double.NaN;
        }
        double[] means = new double[batches];
        double total = 0;
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int k = 0; k < size; k++) {
                s += values[from + b * size + k];
            }
            means[b] = s / size;
            total += means[b];
        }
        double mean = total / batches;
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        return Math.sqrt(ss / (batches - 1) / batches);
    }
}
