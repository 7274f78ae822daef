package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Estimates the maximal Lyapunov exponent, the asymptotic distance and the Jacobian-norm proxy of the map
 * x -> tanh(W x) (science.md sections 2 and 3).
 *
 * <p>All trajectories of one estimate (state x and tangent vector v per initial condition, plus the
 * perturbed copy x' of the first state for the distance) advance together, so every step costs one
 * pass over W for all of them. The work is done in float on a private copy of W ({@link TanhMap});
 * logarithms and norms are accumulated in double. Results are deterministic for a given W and seed.
 *
 * <p>An estimate can be cancelled by interrupting the calling thread: the interrupt flag is polled every
 * {@value #INTERRUPT_CHECK_STEPS} steps and a {@link CancellationException} is thrown (the flag stays set).
 *
 * <p>Instances are immutable and thread-safe; each call works on its own buffers.
 */
public final class LyapunovEstimator {

    static final int INTERRUPT_CHECK_STEPS = 100;

    /**
     * A state whose largest component falls below this is replaced by exact zeros. Zero is a fixed point of
     * the map, so this changes nothing measurable, but it keeps decaying states (ordered phase, x ~ J^t)
     * out of float denormals, whose arithmetic is many times slower.
     */
    private static final float COLLAPSE = 1e-20f;

    /** Tangent norms are floored here: a vector annihilated by fully saturated units counts as e^-69. */
    private static final double MIN_TANGENT_NORM = 1e-30;

    /**
     * @param transientSteps steps discarded before the exponent is accumulated (the tangent vector still
     *                       evolves, so it aligns with the most unstable direction)
     * @param steps          steps over which ln||v_t|| is averaged
     * @param initialStates  independent initial conditions x0 ~ N(0,1)^N whose exponents are averaged
     * @param seed           seed of the initial conditions, perturbation and initial tangent vectors
     * @param distanceSteps  length of the asymptotic-distance run (the paper uses 500)
     * @param perturbation   standard deviation per component of x'_0 - x_0 (the paper uses 1e-4)
     */
    public record Settings(int transientSteps, int steps, int initialStates, long seed,
                           int distanceSteps, double perturbation) {

        public Settings {
            if (transientSteps < 0 || steps < 1 || initialStates < 1 || distanceSteps < 1) {
                throw new IllegalArgumentException("need transientSteps >= 0 and steps, initialStates, "
                        + "distanceSteps >= 1");
            }
            if (!(perturbation > 0) || Double.isInfinite(perturbation)) {
                throw new IllegalArgumentException("perturbation must be positive and finite: " + perturbation);
            }
        }

        /** Transient 200, 1000 steps, one initial state, seed 1, distance over 500 steps, perturbation 1e-4. */
        public static Settings defaults() {
            return new Settings(200, 1000, 1, 1L, 500, 1e-4);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(transientSteps, steps, initialStates, newSeed, distanceSteps, perturbation);
        }

        public Settings withInitialStates(int count) {
            return new Settings(transientSteps, steps, count, seed, distanceSteps, perturbation);
        }

        public Settings withSteps(int newTransientSteps, int newSteps) {
            return new Settings(newTransientSteps, newSteps, initialStates, seed, distanceSteps, perturbation);
        }
    }

    private final Settings settings;

    public LyapunovEstimator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public LyapunovEstimator() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    /** Estimates all measures for W (N x N, row i = incoming weights of unit i). W is only read. */
    public LyapunovResult estimate(INDArray w) {
        return estimate(TanhMap.of(w));
    }

    LyapunovResult estimate(TanhMap map) {
        return estimate(map, map);
    }

    /** {@code product} computes W times the state rows; {@code map} supplies N and the row norms of W. */
    LyapunovResult estimate(TanhMap map, StateProduct product) {
        final int n = map.n;
        final int m = settings.initialStates();
        final int lyapunovSteps = settings.transientSteps() + settings.steps();
        final int distanceSteps = settings.distanceSteps();
        final int total = Math.max(lyapunovSteps, distanceSteps);
        final int window = distanceWindow(distanceSteps);

        // Rows: x_0..x_{m-1}, then x' (perturbed copy of x_0), then v_0..v_{m-1}.
        final int xp = m;
        float[][] cur = new float[2 * m + 1][];
        float[][] next = new float[2 * m + 1][n];
        Random random = new Random(settings.seed());
        for (int s = 0; s < m; s++) {
            cur[s] = gaussian(random, n, 1.0);
            if (s == 0) {
                cur[xp] = perturbed(cur[0], random, settings.perturbation());
            }
            float[] v = gaussian(random, n, 1.0);
            scale(v, (float) (1.0 / norm(v)));
            cur[m + 1 + s] = v;
        }

        double[] lnSum = new double[m];
        double jacobianSum = 0;
        long jacobianCount = 0;
        double distanceSum = 0;

        float[][] in = new float[2 * m + 1][];
        float[][] out = new float[2 * m + 1][];
        int[] rowOf = new int[2 * m + 1];
        boolean[] collapsed = new boolean[m + 1];
        for (int t = 0; t < total; t++) {
            if (t % INTERRUPT_CHECK_STEPS == 0) {
                checkInterrupted();
            }
            boolean lyapunov = t < lyapunovSteps;
            boolean distance = t < distanceSteps;
            // Gather the rows still needed this step; one multiply serves all of them.
            // A state collapsed onto the fixed point x = 0 stays there: skip its product (in the ordered
            // phase, where trained networks spend most epochs, this leaves only the tangent vectors).
            int count = 0;
            for (int s = 0; s < m; s++) {
                if ((lyapunov || (distance && s == 0)) && !collapsed[s]) {
                    rowOf[count++] = s;
                }
            }
            if (distance && !collapsed[xp]) {
                rowOf[count++] = xp;
            }
            if (lyapunov) {
                for (int s = 0; s < m; s++) {
                    rowOf[count++] = m + 1 + s;
                }
            }
            for (int k = 0; k < count; k++) {
                in[k] = cur[rowOf[k]];
                out[k] = next[rowOf[k]];
            }
            product.multiply(in, out, count);

            for (int k = 0; k < count; k++) {
                int row = rowOf[k];
                if (row <= xp && activate(next[row])) {
                    collapsed[row] = true;
                    Arrays.fill(cur[row], 0f); // both buffers zero: the row is no longer swapped
                }
            }
            if (lyapunov) {
                boolean measuring = t >= settings.transientSteps();
                for (int s = 0; s < m; s++) {
                    float[] x = next[s];
                    double lnNorm = propagateTangent(next[m + 1 + s], x);
                    if (measuring) {
                        lnSum[s] += lnNorm;
                        jacobianSum += map.jacobianFrobeniusSquaredPerUnit(x);
                        jacobianCount++;
                    }
                }
            }
            if (distance && t + 1 > distanceSteps - window) {
                distanceSum += distance(next[0], next[xp]);
            }
            for (int k = 0; k < count; k++) {
                int row = rowOf[k];
                float[] tmp = cur[row];
                cur[row] = next[row];
                next[row] = tmp;
            }
        }

        double[] perState = new double[m];
        double mean = 0;
        for (int s = 0; s < m; s++) {
            perState[s] = lnSum[s] / settings.steps();
            mean += perState[s];
        }
        mean /= m;
        double spread = 0;
        if (m > 1) {
            for (double l : perState) {
                spread += (l - mean) * (l - mean);
            }
            spread = Math.sqrt(spread / (m - 1));
        }
        double proxy = 0.5 * Math.log(jacobianSum / jacobianCount);
        return new LyapunovResult(mean, distanceSum / window, proxy, perState, spread);
    }

    /**
     * Separation and mean-activity series of the same pair of trajectories as the distance measure of
     * {@link #estimate} (same seed, hence the same x_0 and x'_0), for t = 0..steps.
     */
    public TrajectoryDiagnostics trajectory(INDArray w, int steps) {
        return trajectory(TanhMap.of(w), steps);
    }

    TrajectoryDiagnostics trajectory(TanhMap map, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0: " + steps);
        }
        int n = map.n;
        Random random = new Random(settings.seed());
        float[][] cur = new float[2][];
        cur[0] = gaussian(random, n, 1.0);
        cur[1] = perturbed(cur[0], random, settings.perturbation());
        float[][] next = new float[2][n];
        double[] separation = new double[steps + 1];
        double[] meanActivity = new double[steps + 1];
        separation[0] = distance(cur[0], cur[1]);
        meanActivity[0] = mean(cur[0]);
        for (int t = 1; t <= steps; t++) {
            if (t % INTERRUPT_CHECK_STEPS == 0) {
                checkInterrupted();
            }
            map.multiply(cur, next, 2);
            activate(next[0]);
            activate(next[1]);
            separation[t] = distance(next[0], next[1]);
            meanActivity[t] = mean(next[0]);
            float[][] tmp = cur;
            cur = next;
            next = tmp;
        }
        return new TrajectoryDiagnostics(separation, meanActivity);
    }

    /** Number of final steps averaged for the distance: the last 20 %, at least one. */
    static int distanceWindow(int distanceSteps) {
        return Math.max(1, (int) Math.round(0.2 * distanceSteps));
    }

    static void checkInterrupted() {
        // isInterrupted (not interrupted()) leaves the flag set for the caller's own handling.
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Lyapunov estimate interrupted");
        }
    }

    /**
     * x <- tanh(x), then snaps a state that has decayed to the zero fixed point to exact zeros.
     *
     * @return whether the state is now exactly zero
     */
    static boolean activate(float[] x) {
        TanhMap.tanhInPlace(x);
        float max = 0f;
        for (float value : x) {
            max = Math.max(max, Math.abs(value));
        }
        if (max < COLLAPSE) {
            Arrays.fill(x, 0f);
            return true;
        }
        return false;
    }

    /**
     * v <- diag(1 - x^2) v (v already holds W v_t, x holds x_{t+1}), then renormalises v to unit length and
     * returns ln of the norm before renormalisation. Renormalising every step keeps v in float range for any
     * exponent.
     */
    static double propagateTangent(float[] v, float[] x) {
        int n = v.length;
        for (int i = 0; i < n; i++) {
            // (1 - x)(1 + x) is more accurate than 1 - x*x when |x| is close to 1.
            v[i] *= (1f - x[i]) * (1f + x[i]);
        }
        double norm = norm(v);
        if (!(norm >= MIN_TANGENT_NORM)) {
            // Every unit saturated (in float): restart from a uniform direction, count the floor.
            Arrays.fill(v, (float) (1.0 / Math.sqrt(n)));
            return Math.log(MIN_TANGENT_NORM);
        }
        scale(v, (float) (1.0 / norm));
        return Math.log(norm);
    }

    static float[] gaussian(Random random, int n, double std) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (std * random.nextGaussian());
        }
        return x;
    }

    static float[] perturbed(float[] x, Random random, double std) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + std * random.nextGaussian());
        }
        return y;
    }

    static void scale(float[] v, float factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    /** Euclidean norm accumulated in double with four partial sums (shorter dependency chain). */
    static double norm(float[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += (double) v[i] * v[i];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    static double mean(float[] x) {
        double s = 0;
        for (float value : x) {
            s += value;
        }
        return s / x.length;
    }
}
