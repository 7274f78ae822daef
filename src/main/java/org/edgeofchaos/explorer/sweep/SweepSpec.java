package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything that defines a sweep, saved as {@code DIR/sweep.json}: the axes (x, and y or none), the fixed
 * settings as in {@code train} (with the number of epochs), K seeds per cell, the sweep seed and the data.
 *
 * <p>Cells are numbered row-major: {@code cell = yIndex * xSize + xIndex}. Run {@code r = cell * seeds +
 * replicate} is one training run; its seed is {@link #runSeed} of the sweep seed, the cell and the replicate, so
 * a run's numbers depend on nothing but the spec and its index.
 *
 * @param format        {@link #FORMAT}, so that other JSON files are recognised as such
 * @param schemaVersion {@link #SCHEMA_VERSION} of the writer
 * @param x             the first axis (the map's columns)
 * @param y             the second axis (rows), or null for a one-axis sweep
 * @param fixed         the settings of every run apart from the swept ones; its seed is the sweep seed
 * @param seeds         K, runs per cell with different seeds
 * @param data          the training data (directory recorded, not compared: it differs between machines)
 * @param threadsPerRun threads of each run (its compute team) (1: results are reproducible for a given thread count)
 */
public record SweepSpec(String format, int schemaVersion, Axis x, Axis y, Hyperparameters fixed, int seeds,
        Data data, int threadsPerRun) {
    public static final String FORMAT = "edge-of-chaos-explorer/sweep";
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_SEEDS = 1000;
    public static final int MAX_RUNS = 1_000_000;

    /**
     * The data of every run: as {@link DatasetOptions} without the folder's path.
     *
     * @param directory the folder as given when the sweep was made (informative only)
     */
    public record Data(String directory, int trainSize, boolean randomSubset, long subsetSeed, int resolution) {
        public static Data of(DatasetOptions o) {
            return new Data(o.directory().toAbsolutePath().normalize().toString(), o.trainSize(), o.randomSubset(),
                    o.randomSubset() ? o.subsetSeed() : 0, o.resolution());
        }

        public DatasetOptions options(java.nio.file.Path directoryNow) {
            return new DatasetOptions(directoryNow, trainSize, randomSubset, subsetSeed, resolution);
        }

        Data withoutDirectory() {
            return new Data(null, trainSize, randomSubset, subsetSeed, resolution);
        }
    }

    public SweepSpec {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(data, "data");
    }

    /**
     * A new spec; checks the combination (one hyperparameter per axis, seeds, size).
     *
     * @throws InvalidSettingException naming the option
     */
    public static SweepSpec of(Axis x, Axis y, Hyperparameters fixed, int seeds, Data data) {
        if (y != null && y.parameter() == x.parameter()) {
            throw new InvalidSettingException("--y", y.parameter().key() + " is already the --x axis; sweep two "
                    + "different hyperparameters");
        }
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new InvalidSettingException("--seeds", "seeds per cell must be in 1.." + MAX_SEEDS + ", got "
                    + seeds);
        }
        long runs = (long) x.size() * (y == null ? 1 : y.size()) * seeds;
        if (runs > MAX_RUNS) {
            throw new InvalidSettingException("--x", "the sweep would have " + runs + " runs; at most " + MAX_RUNS);
        }
        fixed.validate(Integer.MAX_VALUE);
        return new SweepSpec(FORMAT, SCHEMA_VERSION, x, y, fixed, seeds, data, 1);
    }

    /** Same runs with the same numbers: everything but the data folder's path. */
    public boolean sameExperiment(SweepSpec other) {
        return other != null && withoutDirectory().equals(other.withoutDirectory());
    }

    private SweepSpec withoutDirectory() {
        return new SweepSpec(format, schemaVersion, x, y, fixed, seeds, data.withoutDirectory(), threadsPerRun);
    }

    /** Which parts differ, for a message: "x axis, epochs". */
    public String differences(SweepSpec other) {
        List<String> d = new ArrayList<>();
        if (!x.equals(other.x)) {
            d.add("x axis (" + x.describe() + " vs " + other.x.describe() + ")");
        }
        if (!Objects.equals(y, other.y)) {
            d.add("y axis (" + (y == null ? "none" : y.describe()) + " vs "
                    + (other.y == null ? "none" : other.y.describe()) + ")");
        }
        if (!fixed.equals(other.fixed)) {
            String[] names = {"lr", "momentum", "batch", "weight-decay", "epochs", "seed", "init-j", "init-j0"};
            Object[] mine = {fixed.learningRate(), fixed.momentum(), fixed.batchSize(), fixed.weightDecay(),
                fixed.epochs(), fixed.seed(), fixed.initJ(), fixed.initJ0()};
            Object[] theirs = {other.fixed.learningRate(), other.fixed.momentum(), other.fixed.batchSize(),
                other.fixed.weightDecay(), other.fixed.epochs(), other.fixed.seed(), other.fixed.initJ(),
                other.fixed.initJ0()};
            for (int i = 0; i < names.length; i++) {
                if (!mine[i].equals(theirs[i])) {
                    d.add(names[i] + " (" + mine[i] + " vs " + theirs[i] + ")");
                }
            }
        }
        if (seeds != other.seeds) {
            d.add("seeds (" + seeds + " vs " + other.seeds + ")");
        }
        if (!data.withoutDirectory().equals(other.data.withoutDirectory())) {
            d.add("data");
        }
        if (threadsPerRun != other.threadsPerRun || schemaVersion != other.schemaVersion) {
            d.add("version");
        }
        return d.isEmpty() ? "nothing" : String.join(", ", d);
    }

    @JsonIgnore
    public int xSize() {
        return x.size();
    }

    @JsonIgnore
    public int ySize() {
        return y == null ? 1 : y.size();
    }

    @JsonIgnore
    public int cellCount() {
        return xSize() * ySize();
    }

    @JsonIgnore
    public int runCount() {
        return cellCount() * seeds;
    }

    public int xIndex(int cell) {
        return cell % xSize();
    }

    public int yIndex(int cell) {
        return cell / xSize();
    }

    public int cellOf(int run) {
        return run / seeds;
    }

    public int replicateOf(int run) {
        return run % seeds;
    }

    public int run(int cell, int replicate) {
        return cell * seeds + replicate;
    }

    /** The hyperparameters of a run: the fixed ones, the cell's axis values, the run's own seed. */
    public Hyperparameters hyperparameters(int run) {
        checkRun(run);
        int cell = cellOf(run);
        Hyperparameters hp = x.parameter().apply(fixed, x.value(xIndex(cell)));
        if (y != null) {
            hp = y.parameter().apply(hp, y.value(yIndex(cell)));
        }
        return hp.withSeed(runSeed(fixed.seed(), cell, replicateOf(run)));
    }

    /**
     * The seed of replicate {@code replicate} in cell {@code cell}: SplitMix64 finalisers over the sweep seed, the
     * cell and the replicate (non-negative, so that it reads well in files and on the command line).
     */
    public static long runSeed(long sweepSeed, int cell, int replicate) {
        long z = mix(sweepSeed + 0x9E3779B97F4A7C15L * (cell + 1L));
        return mix(z + 0xD1B54A32D192ED03L * (replicate + 1L)) & Long.MAX_VALUE;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The runs of a shard, in index order. */
    public int[] runsOf(Shard shard) {
        List<Integer> runs = new ArrayList<>();
        for (int r = 0; r < runCount(); r++) {
            if (shard.contains(r)) {
                runs.add(r);
            }
        }
        return runs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** "lr = 0.01, batch = 32, seed 2/3" for messages. */
    public String describeRun(int run) {
        int cell = cellOf(run);
        StringBuilder b = new StringBuilder();
        b.append(x.parameter().key()).append(" = ").append(x.parameter().format(x.value(xIndex(cell))));
        if (y != null) {
            b.append(", ").append(y.parameter().key()).append(" = ")
                    .append(y.parameter().format(y.value(yIndex(cell))));
        }
        if (seeds > 1) {
            b.append(String.format(Locale.ROOT, ", replicate %d of %d", replicateOf(run) + 1, seeds));
        }
        return b.toString();
    }

    /** One line for logs: "6 x 5 cells (lr = ..., batch = ...), 2 seeds, 10 epochs: 60 runs". */
    public String describe() {
        return String.format(Locale.ROOT, "%s%s, %d seed%s per cell, %d epochs: %d runs",
                y == null ? xSize() + " cells (" + x.describe() + ")"
                        : xSize() + " x " + ySize() + " cells (" + x.describe() + "; " + y.describe() + ")",
                "", seeds, seeds == 1 ? "" : "s", fixed.epochs(), runCount());
    }

    private void checkRun(int run) {
        if (run < 0 || run >= runCount()) {
            throw new IndexOutOfBoundsException("run " + run + " outside a sweep of " + runCount() + " runs");
        }
    }
}
