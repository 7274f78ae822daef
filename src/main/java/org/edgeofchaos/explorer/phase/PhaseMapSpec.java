package org.edgeofchaos.explorer.phase;

import java.util.Locale;
import java.util.SplittableRandom;

import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a phase map is computed from: the network size, the grid over x = J0/J in [xMin, xMax] (columns) and
 * y = 1/J in [yMin, yMax] (rows), the iteration length and the seed.
 *
 * <p>Cells are numbered row-major from the bottom-left: {@code index = row * columns + column}, row 0 holds the
 * smallest 1/J. A cell's values are those of the random network W_ij ~ N(J0/N, J^2/N) at the cell centre, with
 * J = 1 / y and J0 = x J.
 *
 * <p>Iteration: {@code steps} is the length of one trajectory (the paper's 500). The asymptotic distance is the
 * paper's measure over all {@code steps}; lambda_max uses the same length, split into a transient of
 * {@code steps / 5} discarded steps and {@code steps - steps / 5} averaged steps (100 + 400 for 500), so that one
 * pass over W per step serves both measures.
 *
 * <p>Every cell has its own seed, derived from {@code (seed, index)} by a SplitMix64 mix, for both its network and
 * its initial states: any cell can be recomputed alone and the results do not depend on the order or the thread
 * in which cells are computed.
 *
 * @param n       network size N (the CLI's {@code --n})
 * @param columns cells along x = J0/J ({@code --grid COLUMNSxROWS})
 * @param rows    cells along y = 1/J
 * @param steps   iteration length ({@code --steps})
 * @param seed    master seed ({@code --seed})
 * @param xMin    left edge of the x range (J0/J)
 * @param xMax    right edge of the x range
 * @param yMin    bottom edge of the y range (1/J), > 0
 * @param yMax    top edge of the y range
 */
public record PhaseMapSpec(int n, int columns, int rows, int steps, long seed,
                           double xMin, double xMax, double yMin, double yMax) {

    public static final double DEFAULT_X_MIN = -1;
    public static final double DEFAULT_X_MAX = 2;
    public static final double DEFAULT_Y_MIN = 0.02;
    public static final double DEFAULT_Y_MAX = 2;
    /** Standard deviation per component of the perturbed copy x'_0 - x_0 (the paper's 1e-4). */
    public static final double PERTURBATION = 1e-4;
    /** The paper's own map is N = 10,000 (its W is 400 MB in float: see {@link #heapBytesPerWorker()}). */
    public static final int MAX_N = 10_000;
    /**
     * Largest N a session file may ask the window for: the window computes maps in its own heap, where a 10,000 map
     * would need 1.2 GB per worker; the command line checks the heap (and the cluster shares the work).
     */
    public static final int MAX_N_IN_WINDOW = 4000;
    public static final int MAX_CELLS_PER_SIDE = 1000;
    public static final int MIN_STEPS = 5;
    public static final int MAX_STEPS = 1_000_000;

    public PhaseMapSpec {
        if (n < 2 || n > MAX_N) {
            throw new InvalidSettingException("--n", "must be in 2.." + MAX_N + ", got " + n);
        }
        if (columns < 2 || rows < 2 || columns > MAX_CELLS_PER_SIDE || rows > MAX_CELLS_PER_SIDE) {
            throw new InvalidSettingException("--grid", "columns and rows must be in 2.." + MAX_CELLS_PER_SIDE
                    + ", got " + columns + "x" + rows);
        }
        if (steps < MIN_STEPS || steps > MAX_STEPS) {
            throw new InvalidSettingException("--steps", "must be in " + MIN_STEPS + ".." + MAX_STEPS + ", got "
                    + steps);
        }
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || !(xMin < xMax)) {
            throw new InvalidSettingException("--x-range", "need finite J0/J bounds with min < max, got " + xMin
                    + ":" + xMax);
        }
        if (!Double.isFinite(yMin) || !Double.isFinite(yMax) || !(yMin > 0) || !(yMin < yMax)) {
            throw new InvalidSettingException("--y-range", "need finite 1/J bounds with 0 < min < max, got " + yMin
                    + ":" + yMax);
        }
    }

    /** The paper's plane, x = J0/J in [-1, 2], y = 1/J in [0.02, 2]. */
    public static PhaseMapSpec of(int n, int columns, int rows, int steps, long seed) {
        return new PhaseMapSpec(n, columns, rows, steps, seed, DEFAULT_X_MIN, DEFAULT_X_MAX, DEFAULT_Y_MIN,
                DEFAULT_Y_MAX);
    }

    /** Defaults of the {@code phase} command: N = 400, 100 x 100, 500 steps, seed 0. */
    public static PhaseMapSpec defaults() {
        return of(400, 100, 100, 500, 0);
    }

    public PhaseMapSpec withSize(int newN, int newColumns, int newRows) {
        return new PhaseMapSpec(newN, newColumns, newRows, steps, seed, xMin, xMax, yMin, yMax);
    }

    public int cellCount() {
        return columns * rows;
    }

    /** Discarded steps before lambda_max is averaged: steps / 5. */
    public int transientSteps() {
        return steps / 5;
    }

    /** Steps over which ln||v_t|| is averaged: steps - steps / 5. */
    public int lyapunovSteps() {
        return steps - transientSteps();
    }

    public int index(int column, int row) {
        checkCell(column, row);
        return row * columns + column;
    }

    public int column(int index) {
        checkIndex(index);
        return index % columns;
    }

    public int row(int index) {
        checkIndex(index);
        return index / columns;
    }

    public double cellWidth() {
        return (xMax - xMin) / columns;
    }

    public double cellHeight() {
        return (yMax - yMin) / rows;
    }

    /** x = J0/J at the centre of a column. */
    public double ratio(int column) {
        return xMin + (column + 0.5) * cellWidth();
    }

    /** y = 1/J at the centre of a row. */
    public double inverseJ(int row) {
        return yMin + (row + 0.5) * cellHeight();
    }

    /** The cell at its index, with its centre and couplings. */
    public Cell cell(int index) {
        int column = column(index);
        int row = row(index);
        double ratio = ratio(column);
        double inverseJ = inverseJ(row);
        double j = 1.0 / inverseJ;
        return new Cell(index, column, row, ratio, inverseJ, j, ratio * j, cellSeed(index));
    }

    /** The cell containing (x, y), or -1 outside the map. The top and right borders belong to the last cells. */
    public int cellAt(double ratio, double inverseJ) {
        if (!(ratio >= xMin && ratio <= xMax && inverseJ >= yMin && inverseJ <= yMax)) {
            return -1;
        }
        int column = Math.min(columns - 1, (int) Math.floor((ratio - xMin) / cellWidth()));
        int row = Math.min(rows - 1, (int) Math.floor((inverseJ - yMin) / cellHeight()));
        return row * columns + column;
    }

    /** Seed of a cell's network and initial states (SplitMix64 of the master seed and the index). */
    public long cellSeed(int index) {
        checkIndex(index);
        return mix(seed * 0x9E3779B97F4A7C15L + index + 1);
    }

    /**
     * The cell's random network W_ij ~ N(J0/N, J^2/N), N x N FLOAT, c-order. Drawn with {@link SplittableRandom}'s
     * {@code nextGaussian} (the JDK 17 ziggurat), about 4x faster than {@code java.util.Random}'s polar method that
     * {@link org.edgeofchaos.explorer.dynamics.RandomNetworks} uses: 160,000 draws per cell at N = 400 were a third
     * of the cell's time.
     */
    public INDArray network(int index) {
        Cell c = cell(index);
        double mean = c.j0() / n;
        double std = c.j() / Math.sqrt(n);
        float[] data = new float[n * n];
        SplittableRandom random = new SplittableRandom(c.seed());
        for (int k = 0; k < data.length; k++) {
            data[k] = (float) (mean + std * random.nextGaussian());
        }
        return Nd4j.create(data, new long[] {n, n}, DataType.FLOAT);
    }

    /**
     * Java heap one worker needs at this N: a cell holds W three times on the heap at its peak (the drawn values,
     * the row-major copy the estimator reads, and its transposed columns), 4 N² bytes each. 1.2 GB at N = 10,000;
     * 192 MB at 4000; 12 MB at the shipped 1000.
     */
    public long heapBytesPerWorker() {
        return 3L * 4 * n * n;
    }

    /** Estimator settings of a cell: transient + averaged steps = distance steps = {@code steps}. */
    public LyapunovEstimator.Settings estimatorSettings(int index) {
        return new LyapunovEstimator.Settings(transientSteps(), lyapunovSteps(), 1, mix(cellSeed(index) ^ 0x5EEDL),
                steps, PERTURBATION);
    }

    /** Computes one cell from scratch (interruptible: throws CancellationException when interrupted). */
    public CellValues compute(int index) {
        var result = new LyapunovEstimator(estimatorSettings(index)).estimate(network(index));
        return new CellValues(result.lambdaMax(), result.distance());
    }

    /** Same parameters apart from the size (N and grid): used to describe a cache entry. */
    public String describe() {
        return String.format(Locale.ROOT, "N = %d, %dx%d cells, %d steps, seed %d, J0/J in [%s, %s], 1/J in [%s, %s]",
                n, columns, rows, steps, seed, num(xMin), num(xMax), num(yMin), num(yMax));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    private void checkCell(int column, int row) {
        if (column < 0 || column >= columns || row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("cell (" + column + ", " + row + ") outside a " + columns + "x"
                    + rows + " grid");
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= cellCount()) {
            throw new IndexOutOfBoundsException("cell " + index + " outside a grid of " + cellCount() + " cells");
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One cell: its position, centre (x = J0/J, y = 1/J), couplings and seed.
     */
    public record Cell(int index, int column, int row, double ratio, double inverseJ, double j, double j0,
                       long seed) {
    }

    /** The two measured values of a cell. */
    public record CellValues(double lambdaMax, double distance) {
    }
}
