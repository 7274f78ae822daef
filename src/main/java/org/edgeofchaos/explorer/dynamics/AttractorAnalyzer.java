package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Follows one orbit of x -> tanh(W x) to its attractor and reports the attractor's kind
 * ({@link AttractorClassifier}), lambda_max with its standard error, the asymptotic Jacobian norm
 * ||D*||_F / sqrt(N), the mean-activity series for the return map and, if asked, the eigenvalues of W and of the
 * Jacobian at the orbit's last state.
 *
 * <p>The initial state and tangent vector are drawn exactly as {@link LyapunovEstimator} draws them for its first
 * initial state, so with the same seed and step counts both report the same lambda_max.
 *
 * <p>An orbit that contracts (lambda_max < 0) without having closed is iterated further, up to
 * {@link Settings#maxExtraSteps()}, in blocks of {@value #EXTENSION_BLOCK} steps (state only, no tangent), until it
 * repeats: near the edge a stable cycle can take thousands of steps to settle to the tolerance.
 *
 * <p>Immutable and thread-safe; cancel by interrupting the calling thread (a CancellationException follows).
 */
public final class AttractorAnalyzer {

    static final int BATCHES = 10;
    static final int EXTENSION_BLOCK = 1000;

    /**
     * @param transientSteps  steps discarded first
     * @param steps           steps over which lambda_max and the Jacobian norm are averaged (>= {@value #BATCHES})
     * @param seed            seed of the initial state and tangent vector (as in {@link LyapunovEstimator})
     * @param returnMapPoints mean-activity values kept for the return map
     * @param spectra         whether to compute the eigenvalues of W and D* (about 10 N^3 flops each)
     * @param maxExtraSteps   extra steps allowed for a contracting orbit to close
     */
    public record Settings(int transientSteps, int steps, long seed, int returnMapPoints, boolean spectra,
                           int maxExtraSteps) {

        public Settings {
            if (transientSteps < 0 || steps < BATCHES || returnMapPoints < 2 || maxExtraSteps < 0) {
                throw new IllegalArgumentException("need transientSteps >= 0, steps >= " + BATCHES
                        + ", returnMapPoints >= 2, maxExtraSteps >= 0");
            }
        }

        /** The probe's settings: transient 200 and 1000 steps (as {@link LyapunovEstimator.Settings#defaults()}). */
        public static Settings defaults() {
            return new Settings(200, 1000, 1L, 400, true, 20_000);
        }

        public Settings withSpectra(boolean on) {
            return new Settings(transientSteps, steps, seed, returnMapPoints, on, maxExtraSteps);
        }

        public Settings withSteps(int newTransient, int newSteps) {
            return new Settings(newTransient, newSteps, seed, returnMapPoints, spectra, maxExtraSteps);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(transientSteps, steps, newSeed, returnMapPoints, spectra, maxExtraSteps);
        }
    }

    private final Settings settings;

    public AttractorAnalyzer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /** Analyses W (N x N, row i = incoming weights of unit i); W is only read. */
    public AttractorReport analyze(INDArray w) {
        Objects.requireNonNull(w, "w");
        if (w.rank() != 2 || w.rows() != w.columns()) {
            throw new IllegalArgumentException("W must be square, got shape " + Arrays.toString(w.shape()));
        }
        int n = w.rows();
        float[] rowMajor = TanhMap.rowMajorFloats(w);
        return analyze(rowMajor, n);
    }

    AttractorReport analyze(float[] rowMajor, int n) {
        TanhMap map = TanhMap.ofRowMajor(rowMajor, n);
        final int period = AttractorClassifier.MAX_PERIOD;
        final int history = 2 * period;

        // Same draws, in the same order, as LyapunovEstimator for initial state 0.
        Random random = new Random(settings.seed());
        float[] x = LyapunovEstimator.gaussian(random, n, 1.0);
        LyapunovEstimator.perturbed(x, random, 1e-4);
        float[] v = LyapunovEstimator.gaussian(random, n, 1.0);
        LyapunovEstimator.scale(v, (float) (1.0 / LyapunovEstimator.norm(v)));

        float[][] cur = {x, v};
        float[][] next = {new float[n], new float[n]};
        float[][] ring = new float[history][n];
        RingSeries activity = new RingSeries(settings.returnMapPoints());
        double[] lnNorms = new double[settings.steps()];
        double jacobianSum = 0;
        boolean collapsed = false;
        int total = settings.transientSteps() + settings.steps();
        int t = 0;
        for (; t < total; t++) {
            if (t % LyapunovEstimator.INTERRUPT_CHECK_STEPS == 0) {
                LyapunovEstimator.checkInterrupted();
            }
            if (collapsed) {
                // x = 0 stays 0: only the tangent vector moves (D = W).
                map.multiply(new float[][] {cur[1]}, new float[][] {next[1]}, 1);
                Arrays.fill(next[0], 0f);
            } else {
                map.multiply(cur, next, 2);
                collapsed = LyapunovEstimator.activate(next[0]);
            }
            double lnNorm = LyapunovEstimator.propagateTangent(next[1], next[0]);
            int measured = t - settings.transientSteps();
            if (measured >= 0) {
                lnNorms[measured] = lnNorm;
                jacobianSum += map.jacobianFrobeniusSquaredPerUnit(next[0]);
            }
            record(ring, t, next[0], activity);
            float[][] tmp = cur;
            cur = next;
            next = tmp;
        }
        double lambda = mean(lnNorms);
        double error = AttractorClassifier.batchMeansError(lnNorms, 0, lnNorms.length, BATCHES);
        Attractor attractor = AttractorClassifier.classify(lambda, error, recurrence(ring, t, n, period));

        // A contracting orbit that has not closed: iterate the state alone until it does (or the budget ends).
        int extra = 0;
        float[][] one = {cur[0]};
        float[][] oneNext = {next[0]};
        while (AttractorClassifier.unresolved(attractor) && extra < settings.maxExtraSteps() && !collapsed) {
            for (int k = 0; k < EXTENSION_BLOCK; k++, t++, extra++) {
                if (k % LyapunovEstimator.INTERRUPT_CHECK_STEPS == 0) {
                    LyapunovEstimator.checkInterrupted();
                }
                map.multiply(one, oneNext, 1);
                collapsed = LyapunovEstimator.activate(oneNext[0]);
                record(ring, t, oneNext[0], activity);
                float[] tmp = one[0];
                one[0] = oneNext[0];
                oneNext[0] = tmp;
            }
            attractor = AttractorClassifier.classify(lambda, error, recurrence(ring, t, n, period));
        }
        float[] last = one[0];

        double jacobianNorm = Math.sqrt(jacobianSum / settings.steps());
        ComplexSpectrum jacobianSpectrum = null;
        ComplexSpectrum weightSpectrum = null;
        if (settings.spectra()) {
            LyapunovEstimator.checkInterrupted();
            jacobianSpectrum = Eigenvalues.ofJacobian(rowMajor, n, last);
            double[] a = new double[rowMajor.length];
            for (int k = 0; k < a.length; k++) {
                a[k] = rowMajor[k];
            }
            weightSpectrum = Eigenvalues.ofRowMajor(a, n);
        }
        return new AttractorReport(lambda, error, jacobianNorm, attractor, activity.toArray(), jacobianSpectrum,
                weightSpectrum, t);
    }

    private static void record(float[][] ring, int t, float[] state, RingSeries activity) {
        System.arraycopy(state, 0, ring[t % ring.length], 0, state.length);
        activity.add(LyapunovEstimator.mean(state));
    }

    /**
     * recurrence[p - 1] = max over the last {@code period} states x_s of ||x_s - x_{s-p}|| / sqrt(N), for p = 1 ..
     * period; {@code steps} states have been recorded (the newest is number steps - 1). Infinity where the history
     * is too short.
     */
    static double[] recurrence(float[][] ring, int steps, int n, int period) {
        double[] result = new double[period];
        Arrays.fill(result, Double.POSITIVE_INFINITY);
        if (steps < 2 * period) {
            return result;
        }
        int size = ring.length;
        for (int p = 1; p <= period; p++) {
            double worst = 0;
            for (int s = 0; s < period && worst <= AttractorClassifier.RECURRENCE_TOLERANCE; s++) {
                float[] a = ring[(steps - 1 - s) % size];
                float[] b = ring[(steps - 1 - s - p) % size];
                worst = Math.max(worst, LyapunovEstimator.distance(a, b) / Math.sqrt(n));
            }
            result[p - 1] = worst;
        }
        return result;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double value : values) {
            s += value;
        }
        return s / values.length;
    }

    /** The last {@code capacity} values of a series, oldest first. */
    static final class RingSeries {
        private final double[] values;
        private long count;

        RingSeries(int capacity) {
            values = new double[capacity];
        }

        void add(double value) {
            values[(int) (count % values.length)] = value;
            count++;
        }

        double[] toArray() {
            int size = (int) Math.min(count, values.length);
            double[] out = new double[size];
            long start = count - size;
            for (int k = 0; k < size; k++) {
                out[k] = values[(int) ((start + k) % values.length)];
            }
            return out;
        }
    }
}
