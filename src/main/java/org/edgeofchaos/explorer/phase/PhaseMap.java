package org.edgeofchaos.explorer.phase;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * The values of a phase map, filled in cell by cell: lambda_max and the asymptotic distance per cell, NaN where a
 * cell is not computed yet. Thread-safe: workers {@link #set} cells while the window reads {@link #snapshot}s.
 *
 * <p>Values are rounded to {@value #SIGNIFICANT_DIGITS} significant digits when they are set, so a map read back
 * from its file equals the map in memory, and the shipped files stay small (the estimates' own noise is in the
 * second or third digit).
 */
public final class PhaseMap {
    public static final int SIGNIFICANT_DIGITS = 5;
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS);

    private final PhaseMapSpec spec;
    private final double[] lambdaMax;
    private final double[] distance;
    private final boolean[] computed;
    private int computedCount;
    private long version;

    public PhaseMap(PhaseMapSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        int cells = spec.cellCount();
        lambdaMax = new double[cells];
        distance = new double[cells];
        computed = new boolean[cells];
        Arrays.fill(lambdaMax, Double.NaN);
        Arrays.fill(distance, Double.NaN);
    }

    public PhaseMapSpec spec() {
        return spec;
    }

    /** Stores a computed cell (rounded); setting a cell twice keeps the last values. */
    public synchronized void set(int index, double lambda, double dist) {
        spec.cell(index); // bounds check
        store(index, lambda, dist);
    }

    /** {@link #set} without the lock and the bounds check (for {@link #of}, whose indices are the arrays' own). */
    private void store(int index, double lambda, double dist) {
        lambdaMax[index] = round(lambda);
        distance[index] = round(dist);
        if (!computed[index]) {
            computed[index] = true;
            computedCount++;
        }
        version++;
    }

    public synchronized boolean isComputed(int index) {
        return computed[index];
    }

    /** lambda_max of a cell, NaN if not computed. */
    public synchronized double lambdaMax(int index) {
        return lambdaMax[index];
    }

    /** Asymptotic distance of a cell, NaN if not computed. */
    public synchronized double distance(int index) {
        return distance[index];
    }

    public synchronized int computedCount() {
        return computedCount;
    }

    public synchronized boolean isComplete() {
        return computedCount == computed.length;
    }

    /** Increases with every {@link #set}: a reader redraws only when it changed. */
    public synchronized long version() {
        return version;
    }

    /** A consistent copy of all values. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(spec, lambdaMax.clone(), distance.clone(), computedCount, version);
    }

    /** An independent copy. */
    public synchronized PhaseMap copy() {
        PhaseMap copy = new PhaseMap(spec);
        copy.copyFrom(this);
        return copy;
    }

    private void copyFrom(PhaseMap other) {
        System.arraycopy(other.lambdaMax, 0, lambdaMax, 0, lambdaMax.length);
        System.arraycopy(other.distance, 0, distance, 0, distance.length);
        System.arraycopy(other.computed, 0, computed, 0, computed.length);
        computedCount = other.computedCount;
        version = other.version;
    }

    /** Builds a map from stored arrays (NaN lambda = not computed). */
    static PhaseMap of(PhaseMapSpec spec, double[] lambda, double[] dist) {
        PhaseMap map = new PhaseMap(spec);
        if (lambda.length != map.lambdaMax.length || dist.length != map.distance.length) {
            throw new IllegalArgumentException("expected " + map.lambdaMax.length + " cells, got "
                    + lambda.length + " and " + dist.length);
        }
        // store(), not set(): at start-up the shipped map is read on cold code, where set()'s lock and bounds check
        // per cell cost more than the values themselves
        for (int i = 0; i < lambda.length; i++) {
            if (!Double.isNaN(lambda[i])) {
                map.store(i, lambda[i], dist[i]);
            }
        }
        return map;
    }

    /** Exact powers of ten as doubles, 10^0 .. 10^22. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Rounds to {@value #SIGNIFICANT_DIGITS} significant digits; NaN and infinities pass through. */
    static double round(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        if (alreadyRounded(value)) {
            return value;
        }
        return new BigDecimal(value).round(ROUNDING).doubleValue();
    }

    /**
     * Whether the value is the double nearest to a decimal of at most {@value #SIGNIFICANT_DIGITS} significant digits,
     * which rounding leaves unchanged. Why: a map read from a file holds such values only, and rounding each through
     * BigDecimal made reading the shipped 100 x 100 map take 0.8 s of CPU at start-up (80 ms warm); this check is a
     * multiplication and a division. It never says yes wrongly: k / 10^m with k an integer of at most that many
     * digits and 10^m exact is correctly rounded, and log10 is exact at powers of ten and monotonic, so the scale is
     * never too fine; when it says no, BigDecimal decides.
     */
    private static boolean alreadyRounded(double value) {
        int m = SIGNIFICANT_DIGITS - 1 - (int) Math.floor(Math.log10(Math.abs(value)));
        if (m < 0 || m >= POWERS_OF_TEN.length) {
            return false;
        }
        double scale = POWERS_OF_TEN[m];
        double k = Math.rint(value * scale);
        return Math.abs(k) < POWERS_OF_TEN[SIGNIFICANT_DIGITS] && k / scale == value;
    }

    /** Values are equal cell by cell (NaN equals NaN). */
    public boolean sameValues(PhaseMap other) {
        Snapshot a = snapshot();
        Snapshot b = other.snapshot();
        return a.spec().equals(b.spec()) && Arrays.equals(a.lambdaMax, b.lambdaMax)
                && Arrays.equals(a.distance, b.distance);
    }

    /**
     * An immutable copy of the map's values.
     *
     * @param version the {@link PhaseMap#version()} it was taken at
     */
    public record Snapshot(PhaseMapSpec spec, double[] lambdaMax, double[] distance, int computedCount,
                           long version) {

        public double lambdaMax(int index) {
            return lambdaMax[index];
        }

        public double distance(int index) {
            return distance[index];
        }

        public boolean isComputed(int index) {
            return !Double.isNaN(lambdaMax[index]);
        }

        public boolean isComplete() {
            return computedCount == lambdaMax.length;
        }

        /** The array of the chosen quantity (shared, do not modify). */
        public double[] values(Quantity quantity) {
            return quantity == Quantity.LAMBDA_MAX ? lambdaMax : distance;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && spec.equals(s.spec) && Arrays.equals(lambdaMax, s.lambdaMax)
                    && Arrays.equals(distance, s.distance);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spec, Arrays.hashCode(lambdaMax), Arrays.hashCode(distance));
        }

        @Override
        public String toString() {
            return "Snapshot[" + spec.describe() + ", computed " + computedCount + "]";
        }
    }

    /** The two quantities a map holds. */
    public enum Quantity {
        LAMBDA_MAX("λmax", "maximal Lyapunov exponent λmax"),
        DISTANCE("distance", "asymptotic distance ‖x − x′‖");

        private final String shortName;
        private final String title;

        Quantity(String shortName, String title) {
            this.shortName = shortName;
            this.title = title;
        }

        public String shortName() {
            return shortName;
        }

        public String title() {
            return title;
        }
    }
}
