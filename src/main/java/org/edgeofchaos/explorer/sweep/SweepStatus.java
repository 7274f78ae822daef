package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * A sweep folder read at one moment: a row per run (cell and seed) and, per cell, the seeds' mean and spread of
 * every {@link SweepMetric} with its diverged and running flags: what {@code sweep status} prints and what a map
 * draws. Counts: {@code complete + missing + running + failed = runs}; diverged runs are complete (nothing left to
 * compute) and also counted in {@code diverged}; interrupted runs are missing (they are run again) and also
 * counted in {@code interrupted}.
 */
public record SweepStatus(SweepSpec spec, List<Row> rows, List<Cell> cells) {

    /**
     * One run.
     *
     * @param run       run index ({@code cell * seeds + replicate})
     * @param cell      cell index ({@code yIndex * xSize + xIndex})
     * @param replicate 0..seeds-1
     * @param seed      the run's own seed
     * @param problem   why a FAILED run's file cannot be used, else null
     * @param record    the run file's content, null if missing or unusable
     */
    public record Row(int run, int cell, int replicate, int xIndex, int yIndex, Hyperparameters hyperparameters,
            long seed, CellState state, RunSummary summary, int epochs, String problem, RunRecord record) {

        /** Fraction of the epochs finished (1 for done runs). */
        public double progress() {
            return state.isDone() ? 1.0 : Math.min(1.0, (double) summary.epochsDone() / epochs);
        }
    }

    /**
     * One cell: its seeds' statistics per metric.
     *
     * @param done      seeds complete or diverged
     * @param diverged  seeds that diverged
     * @param running   seeds running now
     * @param progress  mean fraction of epochs finished over the seeds
     */
    public record Cell(int cell, int xIndex, int yIndex, double xValue, double yValue, int seeds, int done,
            int diverged, int running, double progress, Map<SweepMetric, Stats> stats) {

        public Stats stats(SweepMetric metric) {
            return stats.get(metric);
        }

        public boolean complete() {
            return done == seeds;
        }
    }

    /**
     * Mean and spread over the seeds that have the value (done or not).
     *
     * @param count seeds with a finite value
     * @param std   sample standard deviation (0 for one seed, NaN for none)
     */
    public record Stats(int count, double mean, double std, double min, double max) {
        static Stats of(List<Double> values) {
            int n = values.size();
            if (n == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            return new Stats(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, min, max);
        }
    }

    /** Reads every run file of the folder (one bad file makes a FAILED row, never an exception). */
    public static SweepStatus read(SweepFolder folder) throws SweepException {
        return of(folder, folder.readSpec());
    }

    public static SweepStatus of(SweepFolder folder, SweepSpec spec) {
        List<Row> rows = new ArrayList<>(spec.runCount());
        for (int run = 0; run < spec.runCount(); run++) {
            SweepFolder.Inspection in = folder.inspect(spec, run);
            CellState state = in.state();
            if (!state.isDone() && state != CellState.FAILED && folder.isLocked(spec, run)) {
                state = CellState.RUNNING;
            }
            RunRecord record = state == CellState.FAILED ? null : in.record();
            rows.add(row(spec, run, state, record, in.problem()));
        }
        return new SweepStatus(spec, List.copyOf(rows), cells(spec, rows));
    }

    static Row row(SweepSpec spec, int run, CellState state, RunRecord record, String problem) {
        int cell = spec.cellOf(run);
        Hyperparameters hp = spec.hyperparameters(run);
        return new Row(run, cell, spec.replicateOf(run), spec.xIndex(cell), spec.yIndex(cell), hp, hp.seed(), state,
                RunSummary.of(record), spec.fixed().epochs(), problem, record);
    }

    private static List<Cell> cells(SweepSpec spec, List<Row> rows) {
        List<Cell> cells = new ArrayList<>(spec.cellCount());
        for (int c = 0; c < spec.cellCount(); c++) {
            List<Row> seeds = rows.subList(c * spec.seeds(), (c + 1) * spec.seeds());
            int done = 0;
            int diverged = 0;
            int running = 0;
            double progress = 0;
            for (Row r : seeds) {
                done += r.state().isDone() ? 1 : 0;
                diverged += r.state() == CellState.DIVERGED ? 1 : 0;
                running += r.state() == CellState.RUNNING ? 1 : 0;
                progress += r.progress() / seeds.size();
            }
            Map<SweepMetric, Stats> stats = new LinkedHashMap<>();
            for (SweepMetric m : SweepMetric.values()) {
                List<Double> values = new ArrayList<>();
                for (Row r : seeds) {
                    double v = m.of(r.summary());
                    if (Double.isFinite(v)) {
                        values.add(v);
                    }
                }
                stats.put(m, Stats.of(values));
            }
            int xi = spec.xIndex(c);
            int yi = spec.yIndex(c);
            cells.add(new Cell(c, xi, yi, spec.x().value(xi), spec.y() == null ? Double.NaN : spec.y().value(yi),
                    spec.seeds(), done, diverged, running, progress, Map.copyOf(stats)));
        }
        return List.copyOf(cells);
    }

    /**
     * This status with one run replaced by what its file now holds (a run that just ended): counts and cell
     * statistics are recomputed, nothing else is read.
     */
    public SweepStatus withRun(int run, SweepFolder.Inspection inspection) {
        CellState state = inspection.state();
        return replace(row(spec, run, state, state == CellState.FAILED ? null : inspection.record(),
                inspection.problem()));
    }

    /**
     * This status with one run shown as running with its finished epochs so far (from a sweep trained in this
     * process): its cell shows the epochs done and the values so far.
     */
    public SweepStatus withRunning(int run, List<org.edgeofchaos.explorer.training.EpochMetrics> epochs) {
        Row old = rows.get(run);
        return replace(new Row(run, old.cell(), old.replicate(), old.xIndex(), old.yIndex(), old.hyperparameters(),
                old.seed(), CellState.RUNNING, RunSummary.of(epochs), old.epochs(), null, old.record()));
    }

    private SweepStatus replace(Row row) {
        List<Row> copy = new ArrayList<>(rows);
        copy.set(row.run(), row);
        return new SweepStatus(spec, List.copyOf(copy), cells(spec, copy));
    }

    /** The readable run files (for fits across runs). */
    public List<RunRecord> records() {
        return rows.stream().map(Row::record).filter(java.util.Objects::nonNull).toList();
    }

    public int count(CellState state) {
        return (int) rows.stream().filter(r -> r.state() == state).count();
    }

    /** Complete or diverged runs. */
    public int complete() {
        return count(CellState.COMPLETE) + count(CellState.DIVERGED);
    }

    /** Runs still to compute: no file, or interrupted. */
    public int missing() {
        return count(CellState.MISSING) + count(CellState.INTERRUPTED);
    }

    public boolean isComplete() {
        return complete() == rows.size();
    }

    public Cell cell(int xIndex, int yIndex) {
        return cells.get(yIndex * spec.xSize() + xIndex);
    }

    /** The {@code status --json} object: counts and one row per run, NaN written as null. */
    public Map<String, Object> toJson(java.nio.file.Path folder) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folder", folder.toAbsolutePath().normalize().toString());
        out.put("cells", rows.size());
        out.put("complete", complete());
        out.put("missing", missing());
        out.put("running", count(CellState.RUNNING));
        out.put("failed", count(CellState.FAILED));
        out.put("diverged", count(CellState.DIVERGED));
        out.put("interrupted", count(CellState.INTERRUPTED));
        out.put("gridCells", spec.cellCount());
        out.put("seedsPerCell", spec.seeds());
        out.put("epochs", spec.fixed().epochs());
        out.put("x", spec.x().parameter().field());
        out.put("y", spec.y() == null ? null : spec.y().parameter().field());
        ScalingLaw.Fit fit = ScalingLaw.fit(records(), spec.data().trainSize(), spec.data().resolution());
        Map<String, Object> law = new LinkedHashMap<>();
        law.put("k", fit.k());
        law.put("kError", finite(fit.kError()));
        law.put("kWindow", fit.estimate().window());
        law.put("fittedFromRuns", fit.runs());
        law.put("source", fit.model().source());
        law.put("kPerImage", Map.of("a", fit.model().perImageIntercept(), "b", fit.model().perImageSlope()));
        law.put("formula", "predictedEdgeEpoch e solves (1 - initJ^2) = k(e) * e * learningRate / ((1 - momentum) "
                + "* batchSize), k(e) = trainSize * (a + b / e) (kPerImage); k is k(e) at the median measured edge");
        out.put("scalingLaw", law);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", r.cell());
            m.put("replicate", r.replicate());
            Hyperparameters hp = r.hyperparameters();
            m.put("learningRate", hp.learningRate());
            m.put("momentum", hp.momentum());
            m.put("batchSize", hp.batchSize());
            m.put("weightDecay", hp.weightDecay());
            m.put("initJ", hp.initJ());
            m.put("seed", r.seed());
            m.put("state", r.state().label());
            m.put("epochsDone", r.summary().epochsDone());
            m.put("finalJ", finite(r.summary().finalJ()));
            m.put("finalLambdaMax", finite(r.summary().finalLambdaMax()));
            m.put("bestTestAccuracy", finite(r.summary().bestTestAccuracy()));
            m.put("bestTestLossEpoch", r.summary().bestTestLossEpoch() > 0 ? r.summary().bestTestLossEpoch() : null);
            m.put("edgeEpoch", r.summary().edgeEpoch() > 0 ? r.summary().edgeEpoch() : null);
            // the scaling law's prediction holds without weight decay (with it J may level off below 1)
            m.put("predictedEdgeEpoch", hp.weightDecay() == 0
                    ? Math.round(fit.edgeEpoch(hp.initJ(), ScalingLaw.scaledRate(hp)) * 100) / 100.0
                    : null);
            if (r.problem() != null) {
                m.put("problem", r.problem());
            }
            list.add(m);
        }
        out.put("rows", list);
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
