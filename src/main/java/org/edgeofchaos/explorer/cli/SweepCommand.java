package org.edgeofchaos.explorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.sweep.Axis;
import org.edgeofchaos.explorer.sweep.CellState;
import org.edgeofchaos.explorer.sweep.Shard;
import org.edgeofchaos.explorer.sweep.SweepCsv;
import org.edgeofchaos.explorer.sweep.SweepException;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepMap;
import org.edgeofchaos.explorer.sweep.SweepMerger;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.sweep.SweepParameter;
import org.edgeofchaos.explorer.sweep.SweepRunner;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.ui.sweep.SweepMapPainter;

import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sweep run|status|merge|export}: hyperparameter sweeps on this machine or, shard by shard, a cluster. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Hyperparameter sweeps: a grid over one or two of lr, momentum, batch, weight-decay, init-j,",
            "K seeds per cell, one run file per cell and seed under DIR/cells (the format of 'train --out')."},
        subcommands = {SweepCommand.Run.class, SweepCommand.Status.class, SweepCommand.Merge.class,
            SweepCommand.Export.class})
final class SweepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Folder and merge problems are bad input: one line, exit 2. */
    static int report(PrintWriter err, SweepException e) {
        err.println("error: " + e.getMessage().lines().findFirst().orElse(""));
        err.flush();
        return ExplorerCommand.BAD_INPUT;
    }

    /** The status of a sweep folder; a folder without a spec is refused as not a sweep folder. */
    static SweepStatus readStatus(SweepFolder folder) throws SweepException {
        if (!folder.hasSpec()) {
            throw new SweepException(folder.root() + ": not a sweep folder (no " + SweepFolder.SPEC_FILE + ")");
        }
        return SweepStatus.read(folder);
    }

    static String json(Object value) throws IOException {
        return RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Train the sweep's missing runs, --parallel at a time in this JVM (one BLAS thread each, the data loaded once). Rerunning the same command resumes: done runs are skipped, an interrupted run continues from its checkpoint, an unreadable file is reported, kept aside as NAME.corrupt-TIME and its run trained again. Ctrl+C / SIGTERM stop within one mini-batch and keep every finished run. Progress and ETA on stderr.")
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--x", required = true, paramLabel = "NAME=VALUES",
                description = "First axis: a list (batch=8,16,32) or a range FROM:TO:log|linear:COUNT (lr=1e-3:1e-1:log:6). NAME is one of lr, momentum, batch, weight-decay, init-j.")
        String x;

        @Option(names = "--y", paramLabel = "NAME=VALUES", description = "Second axis, same form (optional).")
        String y;

        @Option(names = "--seeds", paramLabel = "K", description = "Runs per cell with different seeds (default: ${DEFAULT-VALUE}).")
        int seeds = 1;

        @Option(names = "--seed", description = "Sweep seed; each run's seed derives from it, the cell and the replicate (default: ${DEFAULT-VALUE}).")
        long seed = 1;

        @Option(names = "--epochs", paramLabel = "E", description = "Epochs per run (default: ${DEFAULT-VALUE}).")
        int epochs = 10;

        @Option(names = "--lr", paramLabel = "ETA", description = "Fixed learning rate (default: 0.02).")
        Double learningRate;

        @Option(names = "--momentum", paramLabel = "ALPHA", description = "Fixed momentum (default: 0.5).")
        Double momentum;

        @Option(names = "--batch", paramLabel = "B", description = "Fixed batch size (default: 32).")
        Integer batch;

        @Option(names = "--weight-decay", paramLabel = "LAMBDA", description = "Fixed L2 coefficient (default: 0).")
        Double weightDecay;

        @Option(names = "--init-j", paramLabel = "J", description = "Fixed initial J (default: 0.5).")
        Double initJ;

        @Option(names = "--init-j0", paramLabel = "J0", description = "Initial J0 (default: ${DEFAULT-VALUE}).")
        double initJ0 = 0;

        @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four IDX files (default: ${DEFAULT-VALUE}).")
        Path data = DatasetOptions.locateDefaultDirectory();

        @Option(names = "--train-size", paramLabel = "S", description = "Training images used (default: ${DEFAULT-VALUE}).")
        int trainSize = DatasetOptions.DEFAULT_TRAIN_SIZE;

        @Option(names = "--random-subset", description = "A seeded random subset of --train-size images instead of the first ones.")
        boolean randomSubset;

        @Option(names = "--subset-seed", description = "Seed of the random subset (default: ${DEFAULT-VALUE}).")
        long subsetSeed = 1;

        @Option(names = "--resolution", description = "28 (N = 784) or 14 (N = 196) (default: ${DEFAULT-VALUE}).")
        int resolution = 28;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The sweep folder (created; resumed if it holds the same sweep).")
        Path out;

        @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0-based): runs whose index r has r %% N == I.")
        String shard;

        @Option(names = "--parallel", paramLabel = "P", description = "Runs trained at once (default: ${DEFAULT-VALUE}, the cores).")
        int parallel = Runtime.getRuntime().availableProcessors();

        @Option(names = "--force", description = "Start afresh when DIR holds another sweep or other files (they are moved to DIR/replaced-TIME, never deleted).")
        boolean force;

        @Option(names = "--json", description = "At the end, the folder's status as one JSON object on stdout (as 'sweep status --json').")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return execute(err);
            } catch (SweepException e) {
                return SweepCommand.report(err, e);
            }
        }

        private Integer execute(PrintWriter err) throws Exception {
            Axis xAxis = Axis.parse("--x", x);
            Axis yAxis = y == null ? null : Axis.parse("--y", y);
            for (Axis a : yAxis == null ? List.of(xAxis) : List.of(xAxis, yAxis)) {
                if (given(a.parameter())) {
                    throw new InvalidSettingException("--" + a.parameter().key(), a.parameter().key()
                            + " is swept by " + (a == xAxis ? "--x" : "--y") + "; give it in one place only");
                }
            }
            Shard share = shard == null ? Shard.ALL : Shard.parse("--shard", shard);
            if (parallel < 1 || parallel > 256) {
                throw new InvalidSettingException("--parallel", "must be in 1..256, got " + parallel);
            }
            Hyperparameters defaults = Hyperparameters.paperDefaults();
            Hyperparameters fixed = new Hyperparameters(
                    learningRate != null ? learningRate : defaults.learningRate(),
                    momentum != null ? momentum : defaults.momentum(),
                    batch != null ? batch : defaults.batchSize(),
                    weightDecay != null ? weightDecay : defaults.weightDecay(),
                    epochs, seed, initJ != null ? initJ : defaults.initJ(), initJ0);
            DatasetOptions options = new DatasetOptions(data, trainSize, randomSubset, subsetSeed, resolution);
            SweepSpec sweep = SweepSpec.of(xAxis, yAxis, fixed, seeds, SweepSpec.Data.of(options));
            SweepFolder folder = new SweepFolder(out);
            prepareFolder(folder, sweep, err);

            Dataset dataset = Dataset.load(options);
            Progress progress = new Progress(err, sweep, System.console() != null);
            SweepRunner runner = SweepRunner.on(dataset, folder, sweep, DynamicsProbes::standard, parallel, progress);
            err.printf(Locale.ROOT, "sweep %s: %s%s, %d at a time%n", folder.root(), sweep.describe(),
                    share.isAll() ? "" : ", shard " + share, Math.min(parallel, sweep.runCount()));
            err.flush();

            // Ctrl+C / SIGTERM: stop every run after its mini-batch and wait until their files are saved.
            CountDownLatch finished = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                runner.stop();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sweep-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                SweepRunner.Result result = runner.run(share);
                progress.end();
                report(err, result);
                if (json) {
                    Map<String, Object> withRun = new LinkedHashMap<>();
                    withRun.put("shard", share.toString());
                    withRun.put("trainedNow", result.trained());
                    withRun.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
                    withRun.putAll(SweepStatus.of(folder, sweep).toJson(folder.root()));
                    PrintWriter out = spec.commandLine().getOut();
                    out.println(json(withRun));
                    out.flush();
                }
                if (!result.failures().isEmpty()) {
                    err.println("error: " + result.failures().size() + " run(s) failed; first: "
                            + result.failures().get(0));
                    err.flush();
                    return 1;
                }
                return result.stopRequested() ? 130 : 0;
            } finally {
                // everything is saved and printed: a shutdown hook waiting for us may let the JVM end now
                finished.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: the JVM exits when it returns
                }
            }
        }

        private boolean given(SweepParameter p) {
            return switch (p) {
                case LEARNING_RATE -> learningRate != null;
                case MOMENTUM -> momentum != null;
                case BATCH -> batch != null;
                case WEIGHT_DECAY -> weightDecay != null;
                case INIT_J -> initJ != null;
            };
        }

        /** Refuses a folder holding another sweep or other files, unless --force (then moves them aside). */
        private void prepareFolder(SweepFolder folder, SweepSpec sweep, PrintWriter err)
                throws SweepException, IOException {
            Path root = folder.root();
            String problem;
            try {
                problem = folder.conflictWith(sweep);
            } catch (SweepException e) {
                throw new SweepException("--out: " + e.getMessage(), e);
            }
            if (problem == null) {
                return;
            }
            if (!force) {
                throw new SweepException("--out: " + root + " " + problem + "; choose another folder, or use "
                        + "--force to start afresh (the old files are moved to " + root.getFileName()
                        + "/replaced-TIME, never deleted)");
            }
            Path aside = folder.moveContentAside();
            err.println("--force: moved the folder's previous content to " + aside);
        }

        private static void report(PrintWriter err, SweepRunner.Result r) {
            err.printf(Locale.ROOT, "%d of %d runs of this share done (%d trained now, %d diverged, %d done before)"
                    + " in %.1f s%n", r.alreadyDone() + r.trained(), r.shardRuns(), r.trained(), r.diverged(),
                    r.alreadyDone(), r.seconds());
            if (r.locked() > 0) {
                err.printf(Locale.ROOT, "%d run(s) are being trained by another process and were left to it%n",
                        r.locked());
            }
            if (r.stopRequested()) {
                err.printf(Locale.ROOT, "stopped: %d run(s) interrupted, %d not started; rerun the same command "
                        + "to continue%n", r.stopped(), r.notStarted());
            }
            err.flush();
        }
    }

    /** Progress on stderr: a line per finished run, and an overall line with the ETA (rewritten on a terminal). */
    static final class Progress implements SweepRunner.Listener {
        private final PrintWriter err;
        private final SweepSpec sweep;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private final AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        private final Map<Integer, Double> partial = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger ended = new AtomicInteger();
        private volatile int toRun;
        private volatile boolean barShown;

        Progress(PrintWriter err, SweepSpec sweep, boolean terminal) {
            this.err = err;
            this.sweep = sweep;
            this.terminal = terminal;
        }

        @Override
        public void planned(int runs, int alreadyDone, int shardRuns) {
            toRun = runs;
            line(String.format(Locale.ROOT, "%d run(s) to train, %d of %d already done", runs, alreadyDone,
                    shardRuns));
        }

        @Override
        public void keptAside(int run, Path aside, String problem) {
            line("warning: " + problem + "; kept aside as " + aside.getFileName() + ", training the run again");
        }

        @Override
        public void lockedElsewhere(int run) {
            line("run " + SweepFolder.runName(sweep, run) + " is locked by another process; left to it");
        }

        @Override
        public void failed(int run, Exception error) {
            line("error: run " + SweepFolder.runName(sweep, run) + " (" + sweep.describeRun(run) + "): "
                    + error.getMessage());
        }

        @Override
        public void progress(int run, BatchProgress p) {
            partial.put(run, p.epochPosition() / sweep.fixed().epochs());
            long now = System.nanoTime();
            long last = lastPrint.get();
            long interval = terminal ? 500_000_000L : 10_000_000_000L;
            if (now - last >= interval && lastPrint.compareAndSet(last, now)) {
                overall(now);
            }
        }

        @Override
        public void ended(int run, RunOutcome outcome) {
            partial.remove(run);
            if (outcome.state() == org.edgeofchaos.explorer.training.RunState.STOPPED) {
                line(String.format(Locale.ROOT, "%s (%s): stopped after %d epoch(s)", SweepFolder.runName(sweep, run),
                        sweep.describeRun(run), outcome.epochs().size()));
                return;
            }
            int n = ended.incrementAndGet();
            var last = outcome.lastEpoch();
            String numbers = outcome.state() == org.edgeofchaos.explorer.training.RunState.DIVERGED
                    ? "diverged at epoch " + outcome.divergedEpoch()
                    : String.format(Locale.ROOT, "J %.3f, lambda_max %.3f, test accuracy %.4f", last.j(),
                            last.lambdaMax(), last.testAccuracy());
            line(String.format(Locale.ROOT, "[%d/%d] %s (%s): %s", n, toRun, SweepFolder.runName(sweep, run),
                    sweep.describeRun(run), numbers));
        }

        private void overall(long now) {
            double done = ended.get();
            for (double f : partial.values()) {
                done += f;
            }
            double fraction = toRun == 0 ? 1 : done / toRun;
            double elapsed = (now - start) / 1e9;
            String eta = fraction > 0.01 ? String.format(Locale.ROOT, "ETA %s", duration(elapsed * (1 - fraction)
                    / fraction)) : "ETA --";
            String text = String.format(Locale.ROOT, "sweep: %.0f%% of %d runs, %d running, %s elapsed, %s",
                    100 * fraction, toRun, partial.size(), duration(elapsed), eta);
            synchronized (err) {
                if (terminal) {
                    err.print("\r" + text + "   ");
                    barShown = true;
                } else {
                    err.println(text);
                }
                err.flush();
            }
        }

        private void line(String text) {
            synchronized (err) {
                if (barShown) {
                    err.print("\r" + " ".repeat(100) + "\r");
                    barShown = false;
                }
                err.println(text);
                err.flush();
            }
        }

        void end() {
            synchronized (err) {
                if (barShown) {
                    err.print("\r" + " ".repeat(100) + "\r");
                    barShown = false;
                }
                err.flush();
            }
        }

        static String duration(double seconds) {
            long s = Math.round(seconds);
            return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min " + (s % 60) + " s"
                    : (s / 3600) + " h " + (s % 3600) / 60 + " min";
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "What a sweep folder holds: counts, and per cell and seed its state and numbers.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The sweep folder.")
        Path dir;

        @Option(names = "--json", description = "One JSON object: cells, complete, missing, running, failed, diverged, rows.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = spec.commandLine().getOut();
            SweepFolder folder = new SweepFolder(dir);
            SweepStatus status;
            try {
                status = readStatus(folder);
            } catch (SweepException e) {
                return report(err, e);
            }
            if (json) {
                out.println(json(status.toJson(folder.root())));
                out.flush();
                return 0;
            }
            SweepSpec s = status.spec();
            out.printf(Locale.ROOT, "%s: %s%n", folder.root(), s.describe());
            out.printf(Locale.ROOT, "%d runs: %d complete (%d diverged), %d missing (%d interrupted), %d running, "
                    + "%d failed%n", status.rows().size(), status.complete(), status.count(CellState.DIVERGED),
                    status.missing(), status.count(CellState.INTERRUPTED), status.count(CellState.RUNNING),
                    status.count(CellState.FAILED));
            String yHead = s.y() == null ? "" : String.format(Locale.ROOT, " %10s", s.y().parameter().key());
            out.printf(Locale.ROOT, "%5s %10s%s %4s %-11s %6s %7s %8s %8s %9s %5s%n", "cell", s.x().parameter().key(),
                    yHead, "rep", "state", "epochs", "J", "lambda", "best acc", "best loss", "edge");
            for (SweepStatus.Row r : status.rows()) {
                var m = r.summary();
                String yValue = s.y() == null ? "" : String.format(Locale.ROOT, " %10s",
                        s.y().parameter().format(s.y().value(r.yIndex())));
                out.printf(Locale.ROOT, "%5d %10s%s %4d %-11s %6s %7s %8s %8s %9s %5s%n", r.cell(),
                        s.x().parameter().format(s.x().value(r.xIndex())), yValue, r.replicate(), r.state().label(),
                        m.epochsDone() + "/" + r.epochs(), num(m.finalJ(), "%.3f"), num(m.finalLambdaMax(), "%.3f"),
                        num(m.bestTestAccuracy(), "%.4f"), m.bestTestLossEpoch() > 0 ? m.bestTestLossEpoch() : "-",
                        m.edgeEpoch() > 0 ? m.edgeEpoch() : "-");
                if (r.problem() != null) {
                    out.println("      " + r.problem());
                }
            }
            out.flush();
            return 0;
        }

        private static String num(double v, String format) {
            return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Combine sweep folders (shards) into --out: the same sweep required, runs done in several folders checked equal (timings aside), runs done nowhere listed. Inputs are not changed.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "1..*", description = "Sweep folders to combine.")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "The merged folder (new, empty, or holding the same sweep).")
        Path out;

        @Option(names = "--tolerance", description = "Relative tolerance for duplicates (default: ${DEFAULT-VALUE}).")
        double tolerance = SweepMerger.DEFAULT_TOLERANCE;

        @Option(names = "--json", description = "A summary as one JSON object on stdout, with the missing runs.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
                throw new InvalidSettingException("--tolerance", "must be a finite number >= 0, got " + tolerance);
            }
            SweepMerger.Result r;
            try {
                r = SweepMerger.merge(inputs, out, tolerance);
            } catch (SweepException e) {
                return report(err, e);
            }
            SweepSpec s = r.spec();
            err.printf(Locale.ROOT, "merged %d folder(s) into %s: %d runs copied, %d already there, %d found in "
                    + "several folders (equal); %d of %d runs done%n", inputs.size(), out.toAbsolutePath().normalize(),
                    r.copied(), r.present(), r.duplicates(), s.runCount() - r.missing().size(), s.runCount());
            if (!r.missing().isEmpty()) {
                err.printf(Locale.ROOT, "%d run(s) missing:%n", r.missing().size());
                int shown = 0;
                for (int run : r.missing()) {
                    if (shown++ == 50) {
                        err.printf(Locale.ROOT, "  ... and %d more%n", r.missing().size() - 50);
                        break;
                    }
                    err.printf(Locale.ROOT, "  %s (%s)%n", SweepFolder.runName(s, run), s.describeRun(run));
                }
            }
            err.flush();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out", out.toAbsolutePath().normalize().toString());
                m.put("runs", s.runCount());
                m.put("copied", r.copied());
                m.put("alreadyThere", r.present());
                m.put("duplicates", r.duplicates());
                List<Map<String, Object>> missing = new ArrayList<>();
                for (int run : r.missing()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("index", s.cellOf(run));
                    row.put("replicate", s.replicateOf(run));
                    row.put("file", SweepFolder.CELLS + "/" + SweepFolder.runName(s, run) + ".json");
                    missing.add(row);
                }
                m.put("missing", missing);
                PrintWriter o = spec.commandLine().getOut();
                o.println(json(m));
                o.flush();
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Draw the sweep's map without a window: one cell per combination coloured by --metric (seeds' mean), the edge J = 1, the scaling law's lines of predicted epochs to the edge (when both axes are among lr, momentum, batch), diverged cells crossed. PNG or SVG by the file's extension; .csv writes the rows instead.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The sweep folder.")
        Path dir;

        @Option(names = "--metric", paramLabel = "M", description = "final-lambda, best-accuracy, best-loss-epoch, edge-epoch or final-j (default: ${DEFAULT-VALUE}).")
        String metric = "final-lambda";

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "FILE.png or FILE.svg (the map), or FILE.csv (one row per run, the fields of 'status --json').")
        Path out;

        @Option(names = "--width", description = "Width in pixels, 300..8000 (default: ${DEFAULT-VALUE}).")
        int width = 1200;

        @Option(names = "--height", description = "Height in pixels, 200..8000 (default: ${DEFAULT-VALUE}).")
        int height = 800;

        @Option(names = "--force", description = "Replace an existing file.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            SweepMetric m = SweepMetric.byKey(metric);
            if (m == null) {
                throw new InvalidSettingException("--metric", "expected one of " + SweepMetric.keys() + ", got '"
                        + metric + "'");
            }
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg") && !name.endsWith(".csv")) {
                throw new InvalidSettingException("--out", "the file must end in .png, .svg or .csv, got '" + out
                        + "'");
            }
            if (width < 300 || width > 8000) {
                throw new InvalidSettingException("--width", "must be in 300..8000, got " + width);
            }
            if (height < 200 || height > 8000) {
                throw new InvalidSettingException("--height", "must be in 200..8000, got " + height);
            }
            if (Files.isDirectory(out)) {
                throw new InvalidSettingException("--out", out.toAbsolutePath() + " is a folder; give the image file");
            }
            if (Files.exists(out) && !force) {
                throw new InvalidSettingException("--out", out.toAbsolutePath() + " exists; use --force to replace it");
            }
            SweepFolder folder = new SweepFolder(dir);
            SweepStatus status;
            try {
                status = readStatus(folder);
            } catch (SweepException e) {
                return report(err, e);
            }
            if (name.endsWith(".csv")) {
                SweepCsv.write(status, out);
                err.printf(Locale.ROOT, "wrote %s (%d rows)%n", out, status.rows().size());
                err.flush();
                return 0;
            }
            System.setProperty("java.awt.headless", "true");
            SweepMapPainter.export(new SweepMap(status, m), out, width, height);
            err.printf(Locale.ROOT, "wrote %s (%dx%d, %s, %d of %d runs done)%n", out, width, height, m.key(),
                    status.complete(), status.rows().size());
            err.flush();
            return 0;
        }
    }
}
