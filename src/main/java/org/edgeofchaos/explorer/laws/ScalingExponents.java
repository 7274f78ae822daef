package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The exponents of the scaling law, fitted across runs: ln(slope) = c + a ln(eta) + b ln(1/(1 - alpha)) +
 * g ln(1/B), where the slope is each run's growth of J^2 per epoch in its window. The law says a = b = g = 1
 * (the authors fitted 1.00, 1.03, 1.01). A quantity that does not vary across the runs cannot be fitted and is
 * reported as not varied.
 */
public final class ScalingExponents {
    /** One exponent: its value and standard error, or not varied (NaN). */
    public record Exponent(String quantity, boolean varied, double value, double error) {
    }

    /**
     * @param coefficient exp(c): the slope at eta = 1, alpha = 0, B = 1, i.e. k when all exponents are 1
     * @param rSquared    of the log-log fit
     */
    public record Result(Exponent eta, Exponent inverseOneMinusMomentum, Exponent inverseBatch, double coefficient,
            int runs, double rSquared) {
        public List<Exponent> all() {
            return List.of(eta, inverseOneMinusMomentum, inverseBatch);
        }
    }

    private ScalingExponents() {
    }

    /**
     * @param fits one growth fit per run (with a positive slope), paired with its run
     * @throws IllegalArgumentException if no quantity varies, a slope is not positive, or there are too few runs
     *                                  for the quantities that vary
     */
    public static Result fit(List<LawRun> runs, List<GrowthFit> fits) {
        if (runs.size() != fits.size()) {
            throw new IllegalArgumentException("one fit per run expected");
        }
        for (int i = 0; i < fits.size(); i++) {
            if (!(fits.get(i).slope() > 0)) {
                throw new IllegalArgumentException(runs.get(i).name() + ": J^2 did not grow in "
                        + fits.get(i).window() + " (slope " + fits.get(i).slope() + "), so it has no exponent");
            }
        }
        List<ToDoubleFunction<LawRun>> columns = List.of(
                r -> Math.log(r.hyperparameters().learningRate()),
                r -> -Math.log(1 - r.hyperparameters().momentum()),
                r -> -Math.log(r.hyperparameters().batchSize()));
        String[] names = {"eta", "1/(1-alpha)", "1/B"};
        List<Integer> varied = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (LawRun r : runs) {
                double v = columns.get(c).applyAsDouble(r);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max - min > 1e-9) {
                varied.add(c);
            }
        }
        if (varied.isEmpty()) {
            throw new IllegalArgumentException("the runs share eta, alpha and B: nothing to fit an exponent to");
        }
        if (runs.size() < varied.size() + 1) {
            throw new IllegalArgumentException("fitting " + varied.size() + " exponent(s) needs at least "
                    + (varied.size() + 1) + " runs, got " + runs.size());
        }
        double[][] x = new double[runs.size()][varied.size() + 1];
        double[] y = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            x[i][0] = 1;
            for (int c = 0; c < varied.size(); c++) {
                x[i][c + 1] = columns.get(varied.get(c)).applyAsDouble(runs.get(i));
            }
            y[i] = Math.log(fits.get(i).slope());
        }
        LeastSquares.Solution s = LeastSquares.fit(x, y);
        Exponent[] exponents = new Exponent[3];
        for (int c = 0; c < 3; c++) {
            int at = varied.indexOf(c);
            exponents[c] = at < 0 ? new Exponent(names[c], false, Double.NaN, Double.NaN)
                    : new Exponent(names[c], true, s.coefficients()[at + 1], s.errors()[at + 1]);
        }
        return new Result(exponents[0], exponents[1], exponents[2], Math.exp(s.coefficients()[0]), runs.size(),
                s.rSquared());
    }
}
