package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;
import org.edgeofchaos.explorer.phase.PhaseMapShards;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.training.InvalidSettingException;

import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "phase", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute the order-chaos phase diagram: lambda_max and the asymptotic distance of a random",
            "network W_ij ~ N(J0/N, J^2/N) at every cell of a grid over x = J0/J, y = 1/J, on every core.",
            "Progress goes to stderr; the map is checkpointed to --out every few seconds, and rerunning the same",
            "command continues an interrupted computation where it stopped."})
final class PhaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", description = "Network size N (default: ${DEFAULT-VALUE}).")
    int n = 400;

    @Option(names = "--grid", paramLabel = "COLSxROWS", description = "Cells along J0/J and 1/J (default: ${DEFAULT-VALUE}).")
    String grid = "100x100";

    @Option(names = "--steps", description = "Iterations per trajectory; lambda_max discards the first fifth (default: ${DEFAULT-VALUE}).")
    int steps = 500;

    @Option(names = "--seed", description = "Master seed; every cell derives its own (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--x-range", paramLabel = "MIN:MAX", description = "Range of J0/J (default: ${DEFAULT-VALUE}).")
    String xRange = "-1:2";

    @Option(names = "--y-range", paramLabel = "MIN:MAX", description = "Range of 1/J (default: ${DEFAULT-VALUE}).")
    String yRange = "0.02:2";

    @Option(names = "--threads", description = "Worker threads, one cell each (default: ${DEFAULT-VALUE}, the cores).")
    int threads = PhaseMapComputer.DEFAULT_WORKERS;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The map file (JSON; gzip-compressed if the name ends in .gz); resumed if it holds the same parameters.")
    Path out;

    @Option(names = "--force", description = "Start afresh when --out holds a map with other parameters (or cannot be read).")
    boolean force;

    @Option(names = "--json", description = "A summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--shard", paramLabel = "I/N", description = "Compute only shard I of N (0-based): the cells whose index has index %% N == I. Combine the shards' files with --merge.")
    String shard;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*", description = "Instead of computing: merge these map files (shards of the same parameters; cells in several files must agree) into --out.")
    java.util.List<Path> merge;

    @Override
    public Integer call() throws Exception {
        if (merge != null) {
            return merge();
        }
        org.edgeofchaos.explorer.sweep.Shard share = shard == null ? org.edgeofchaos.explorer.sweep.Shard.ALL
                : org.edgeofchaos.explorer.sweep.Shard.parse("--shard", shard);
        int[] cells = parseGrid(grid);
        double[] x = parseRange("--x-range", xRange);
        double[] y = parseRange("--y-range", yRange);
        if (threads < 1 || threads > 64) {
            throw new InvalidSettingException("--threads", "must be in 1..64, got " + threads);
        }
        PhaseMapSpec wanted = new PhaseMapSpec(n, cells[0], cells[1], steps, seed, x[0], x[1], y[0], y[1]);
        requireHeap(wanted, threads, Runtime.getRuntime().maxMemory());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();

        // Two processes computing into the same map would overwrite each other's cells: the second is refused.
        try (RunLock lock = RunLock.acquire(out)) {
            return compute(wanted, share, stdout, stderr);
        }
    }

    /**
     * Refuses, before any cell is computed, a map whose workers would run out of Java heap (an OutOfMemoryError
     * hours into a big map helps nobody): it says what N needs, what this JVM has, and the two ways out.
     */
    static void requireHeap(PhaseMapSpec spec, int workers, long maxHeap) {
        long perWorker = spec.heapBytesPerWorker();
        long need = perWorker * workers;
        // 64 MB left for the rest of the process (the map, the file writer, the JIT's data)
        long room = maxHeap - (64L << 20);
        if (need > room) {
            int fit = (int) Math.max(0, room / perWorker);
            throw new InvalidSettingException("--n", String.format(Locale.ROOT,
                    "N = %d needs about %.1f GB of Java heap per worker (W three times at 4 N² bytes), %.1f GB for "
                    + "%d workers, and this JVM may use %.1f GB: %s, or give Java more memory "
                    + "(java -Xmx%dg -jar ...)", spec.n(), perWorker / 1e9, need / 1e9, workers, maxHeap / 1e9,
                    fit >= 1 ? "use --threads " + fit : "no worker fits", (need >> 30) + 2));
        }
    }

    private Integer compute(PhaseMapSpec wanted, org.edgeofchaos.explorer.sweep.Shard share, PrintWriter stdout,
            PrintWriter stderr) throws Exception {
        PhaseMap map = new PhaseMap(wanted);
        int resumed = 0;
        if (Files.exists(out)) {
            try {
                PhaseMap existing = PhaseMapFile.read(out);
                if (existing.spec().equals(wanted)) {
                    map = existing;
                    resumed = existing.computedCount();
                } else if (!force) {
                    throw new InvalidSettingException("--out", "" + out.toAbsolutePath() + " holds a map with other "
                            + "parameters (" + existing.spec().describe() + "); use --force to replace it");
                }
            } catch (PhaseMapFileException e) {
                if (!force) {
                    throw new InvalidSettingException("--out", e.getMessage() + "; use --force to replace it");
                }
            }
        }
        if (!share.isAll()) {
            stderr.printf(Locale.ROOT, "shard %s: the cells with index %% %d == %d%n", share, share.count(),
                    share.index());
        }
        if (resumed > 0) {
            stderr.printf(Locale.ROOT, "resuming %s: %d of %d cells already computed%n", out, resumed,
                    wanted.cellCount());
            stderr.flush();
        }

        PhaseMapComputer.Result result;
        try (PhaseMapComputer computer = new PhaseMapComputer(threads)) {
            Progress progress = new Progress(stderr, System.console() != null);
            PhaseMapComputer.Job job = computer.start(map, PhaseMapComputer.Checkpoint.to(out), progress,
                    PhaseMapShards.cells(share.index(), share.count()));
            // Ctrl-C: stop the workers and let the final checkpoint finish before the JVM exits.
            Thread hook = new Thread(() -> {
                job.cancel();
                try {
                    job.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "phase-map-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                result = job.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
            progress.end();
        }
        if (result.status() == PhaseMapComputer.Status.FAILED) {
            Throwable f = result.failure();
            throw f instanceof Exception e ? e : new IllegalStateException(f);
        }
        if (result.checkpointError() != null) {
            throw result.checkpointError();
        }
        double cellsPerSecond = result.seconds() > 0 ? result.computedByJob() / result.seconds() : 0;
        stderr.printf(Locale.ROOT, "%s: %d cells computed in %.1f s, %.2f cells/s on %d threads (%d of %d in the file)%n",
                out, result.computedByJob(), result.seconds(), cellsPerSecond, threads, result.computed(),
                result.total());
        stderr.flush();

        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toAbsolutePath().toString());
            summary.put("status", result.status().name());
            summary.put("n", wanted.n());
            summary.put("columns", wanted.columns());
            summary.put("rows", wanted.rows());
            summary.put("steps", wanted.steps());
            summary.put("seed", wanted.seed());
            summary.put("cells", wanted.cellCount());
            summary.put("computed", result.computed());
            summary.put("resumedFrom", resumed);
            summary.put("computedNow", result.computedByJob());
            summary.put("seconds", Math.round(result.seconds() * 1000) / 1000.0);
            summary.put("threads", threads);
            summary.put("cellsPerSecond", Math.round(cellsPerSecond * 1000) / 1000.0);
            summary.put("workerCpuSeconds", Math.round(result.cpuSeconds() * 1000) / 1000.0);
            summary.put("cellsPerCpuSecond", result.cpuSeconds() > 0
                    ? Math.round(result.computedByJob() / result.cpuSeconds() * 1000) / 1000.0 : Double.NaN);
            PhaseMap.Snapshot s = map.snapshot();
            int chaotic = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double l : s.lambdaMax()) {
                if (!Double.isNaN(l)) {
                    chaotic += l > 0 ? 1 : 0;
                    min = Math.min(min, l);
                    max = Math.max(max, l);
                }
            }
            summary.put("chaoticCells", chaotic);
            summary.put("lambdaMaxMin", result.computed() > 0 ? min : Double.NaN);
            summary.put("lambdaMaxMax", result.computed() > 0 ? max : Double.NaN);
            summary.put("meanFieldAgreement", meanFieldAgreement(s));
            stdout.println(RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
            stdout.flush();
        }
        return 0;
    }

    /** {@code --merge}: combines shard files into --out; cells computed nowhere are counted, not invented. */
    private int merge() throws Exception {
        PrintWriter stderr = spec.commandLine().getErr();
        if (Files.exists(out) && !force && !merge.contains(out)) {
            throw new org.edgeofchaos.explorer.training.InvalidSettingException("--out", out.toAbsolutePath()
                    + " exists; use --force to replace it");
        }
        PhaseMapShards.Result r = PhaseMapShards.merge(merge, 0);
        PhaseMapFile.write(out, r.map());
        stderr.printf(Locale.ROOT, "%s: merged %d file(s), %d of %d cells computed, %d found in several files "
                + "(equal)%s%n", out, merge.size(), r.map().computedCount(), r.map().spec().cellCount(),
                r.duplicates(), r.missing().isEmpty() ? "" : "; " + r.missing().size() + " cells missing (rerun "
                + "the missing shards, or 'phase' with the same parameters and --out " + out + " to fill them)");
        stderr.flush();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", out.toAbsolutePath().toString());
            summary.put("cells", r.map().spec().cellCount());
            summary.put("computed", r.map().computedCount());
            summary.put("duplicates", r.duplicates());
            summary.put("missing", r.missing().size());
            spec.commandLine().getOut().println(RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** Cells whose mean-field lambda_max is at least this far from 0 count as "away from the edge". */
    static final double EDGE_MARGIN = 0.1;

    /**
     * How often the sign of the measured lambda_max (chaotic or ordered) agrees with the large-N mean-field theory,
     * separately for cells away from the edge (|mean-field lambda_max| >= {@value #EDGE_MARGIN}) and near it:
     * finite-size effects shrink with N, so the agreement away from the edge should rise towards 1 as N grows.
     */
    static Map<String, Object> meanFieldAgreement(PhaseMap.Snapshot s) {
        PhaseMapSpec spec = s.spec();
        int away = 0;
        int awayAgree = 0;
        int near = 0;
        int nearAgree = 0;
        double[] lambda = s.lambdaMax();
        for (int i = 0; i < lambda.length; i++) {
            if (Double.isNaN(lambda[i])) {
                continue;
            }
            PhaseMapSpec.Cell cell = spec.cell(i);
            double theory = MeanFieldTheory.lambdaMax(cell.j0(), cell.j());
            boolean agree = (lambda[i] > 0) == (theory > 0);
            if (Math.abs(theory) >= EDGE_MARGIN) {
                away++;
                awayAgree += agree ? 1 : 0;
            } else {
                near++;
                nearAgree += agree ? 1 : 0;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("margin", EDGE_MARGIN);
        result.put("awayCells", away);
        result.put("awayAgreement", away > 0 ? Math.round(1e4 * awayAgree / (double) away) / 1e4 : Double.NaN);
        result.put("nearCells", near);
        result.put("nearAgreement", near > 0 ? Math.round(1e4 * nearAgree / (double) near) / 1e4 : Double.NaN);
        return result;
    }

    static int[] parseGrid(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidSettingException("--grid", "expected COLUMNSxROWS such as 100x100, got '" + text + "'");
    }

    static double[] parseRange(String option, String text) {
        String[] parts = text.trim().split(":");
        try {
            if (parts.length == 2) {
                return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidSettingException(option, "expected MIN:MAX such as -1:2, got '" + text + "'");
    }

    /** Progress on stderr: a rewritten line on a terminal, otherwise a line every 5 s. */
    private static final class Progress implements PhaseMapComputer.Listener {
        private final PrintWriter err;
        private final boolean terminal;
        private final long start = System.nanoTime();
        private final AtomicLong lastPrint = new AtomicLong(System.nanoTime());
        private volatile boolean printedBar;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void cellComputed(int index, int computed, int total) {
            long now = System.nanoTime();
            long last = lastPrint.get();
            long interval = terminal ? 250_000_000L : 5_000_000_000L;
            if (now - last < interval && computed < total || !lastPrint.compareAndSet(last, now)) {
                return;
            }
            double seconds = (now - start) / 1e9;
            synchronized (err) {
                err.printf(Locale.ROOT, "%sphase map: %d/%d cells (%.0f %%), %.0f s%s", terminal ? "\r" : "",
                        computed, total, 100.0 * computed / total, seconds, terminal ? "   " : "\n");
                err.flush();
                printedBar = terminal;
            }
        }

        @Override
        public void checkpointFailed(org.edgeofchaos.explorer.experiment.AtomicFiles.WriteException error) {
            synchronized (err) {
                err.println((terminal ? "\n" : "") + "warning: checkpoint failed: " + error.getMessage());
                err.flush();
            }
        }

        void end() {
            synchronized (err) {
                if (printedBar) {
                    err.println();
                    err.flush();
                }
            }
        }
    }
}
