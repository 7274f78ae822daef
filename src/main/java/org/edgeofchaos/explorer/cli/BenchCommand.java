package org.edgeofchaos.explorer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.Gemm;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.training.TrainingListener;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure training throughput on the real data (one full epoch per resolution and batch size",
            "after a warm-up), the time of one lambda_max estimate at N = 784, and the SGEMM rate of the BLAS on",
            "the batch's own product, so that the fraction of the roofline can be read off. With --torch-baseline",
            "the PyTorch peer runs in the same command, on the same data and settings, right after each",
            "measurement; with --repeat both are measured several times and the table shows median and spread."})
final class BenchCommand implements Callable<Integer> {
    /** FLOPs of one training sample in our step: 2N^2 forward, 2N^2 for dW, 6 * 10 N for the output layer. */
    static double flopsPerSample(int n) {
        return 4.0 * n * n + 60.0 * n;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", split = ",", paramLabel = "B", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> batches = new ArrayList<>(List.of(32, 128));

    @Option(names = "--resolution", split = ",", paramLabel = "R",
            description = "Input resolutions: 28 (N = 784) and/or 14 (2x2 pooling, N = 196) (default: ${DEFAULT-VALUE}).")
    List<Integer> resolutions = new ArrayList<>(List.of(28));

    @Option(names = "--repeat", paramLabel = "K",
            description = "Measurements per (resolution, batch), ours and PyTorch's back to back; the table gives the median and the spread (default: ${DEFAULT-VALUE}).")
    int repeat = 1;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: ${DEFAULT-VALUE}).")
    Path data = DatasetOptions.locateDefaultDirectory();

    @Option(names = "--train-size", paramLabel = "S", description = "Training images per measured epoch (default: ${DEFAULT-VALUE}).")
    int trainSize = DatasetOptions.DEFAULT_TRAIN_SIZE;

    @Option(names = "--threads", description = "Training threads (a team of threads, each on a one-thread BLAS), also given to PyTorch (default: ${DEFAULT-VALUE}, the cores up to 2; the results are reproducible per seed and thread count).")
    int threads = ComputeThreads.DEFAULT;

    @Option(names = "--torch-baseline", paramLabel = "SCRIPT",
            description = "Also run this PyTorch baseline script (../shared/bench/torch_baseline.py) for one epoch per measurement.")
    Path torchScript;

    @Option(names = "--python", description = "Python interpreter for --torch-baseline (default: ${DEFAULT-VALUE}).")
    String python = "/usr/bin/python3";

    @Option(names = "--json", description = "One JSON object on stdout (with --memory: one per epoch).")
    boolean json;

    @Option(names = "--memory", description = {"Memory soak instead of the throughput benchmark: train --epochs epochs at "
            + "the first --batch size with the per-epoch evaluation and dynamics probe, and print resident, native "
            + "and heap memory after every epoch and after the run is closed."})
    boolean memory;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs of the --memory soak (default: ${DEFAULT-VALUE}).")
    int epochs = 50;

    @Override
    public Integer call() throws Exception {
        if (memory) {
            return new MemorySoak(spec, data, trainSize, batches.get(0), epochs, threads, json).run();
        }
        for (int b : batches) {
            if (b < 1 || b > trainSize) {
                throw new InvalidSettingException("--batch", "each size must be in 1.." + trainSize + ", got " + b);
            }
        }
        for (int r : resolutions) {
            if (r != DatasetOptions.FULL_RESOLUTION && r != DatasetOptions.HALF_RESOLUTION) {
                throw new InvalidSettingException("--resolution", "each must be " + DatasetOptions.FULL_RESOLUTION
                        + " or " + DatasetOptions.HALF_RESOLUTION + ", got " + r);
            }
        }
        if (repeat < 1 || repeat > 100) {
            throw new InvalidSettingException("--repeat", "must be in 1..100, got " + repeat);
        }
        if (torchScript != null && !Files.isRegularFile(torchScript)) {
            throw new InvalidSettingException("--torch-baseline", "no such file " + torchScript.toAbsolutePath());
        }
        ComputeThreads.set(threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DynamicsProbe none = w -> new DynamicsProbe.Measurement(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("threads", threads);
        // how the trainer used them: a team of threads calling a one-thread BLAS, or OpenBLAS's own threads
        report.put("trainerThreads", ComputeThreads.teamSize() > 1 ? "team" : "blas");
        report.put("repeat", repeat);
        report.put("sgemmGflops", round(sgemmGflops(2048, 2048, 2048, 4)));
        report.put("sgemmShape", "2048x2048x2048");
        List<Map<String, Object>> rows = new ArrayList<>();
        double epochSecondsAt32 = Double.NaN;
        for (int resolution : resolutions) {
            Dataset dataset = Dataset.load(new DatasetOptions(data, trainSize, false, 1, resolution));
            TrainingData full = new TrainingData(dataset.trainFeatures(), dataset.trainLabels(),
                    dataset.testFeatures(), dataset.testLabels());
            int n = full.inputSize();
            for (int batch : batches) {
                String label = String.format(Locale.ROOT, "N = %d, batch %d", n, batch);
                err.printf(Locale.ROOT, "%s: warm-up...%n", label);
                err.flush();
                TrainingData warm = firstRows(full, Math.max(batch * 20, 2048));
                Hyperparameters hp = Hyperparameters.paperDefaults().withBatchSize(batch).withEpochs(1);
                new Trainer(warm, hp, none, new TrainingControl(), new TrainingListener() { }, 1000).run();
                double[] ours = new double[repeat];
                double[] torch = new double[torchScript != null ? repeat : 0];
                double[] seconds = new double[repeat];
                for (int k = 0; k < repeat; k++) {
                    err.printf(Locale.ROOT, "%s: one epoch of %d samples (%d/%d)...%n", label, full.trainSize(),
                            k + 1, repeat);
                    err.flush();
                    RunOutcome outcome = new Trainer(full, hp, none, new TrainingControl(),
                            new TrainingListener() { }, 1000).run();
                    ours[k] = outcome.lastEpoch().samplesPerSecond();
                    seconds[k] = outcome.lastEpoch().seconds();
                    err.printf(Locale.ROOT, "%s: %,.0f samples/s%n", label, ours[k]);
                    if (torchScript != null) {
                        err.printf(Locale.ROOT, "%s: PyTorch baseline (%d/%d)...%n", label, k + 1, repeat);
                        err.flush();
                        torch[k] = torchSamplesPerSecond(batch, resolution);
                        err.printf(Locale.ROOT, "%s: PyTorch %,.0f samples/s%n", label, torch[k]);
                    }
                }
                double samplesPerSecond = median(ours);
                // About 10 GFLOP per timed round: long enough to time, short enough at every size.
                double gemm = sgemmGflops(batch, n, n, (int) Math.max(20, 5e9 / ((double) batch * n * n)));
                double roofline = gemm * 1e9 / flopsPerSample(n);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("resolution", resolution);
                row.put("n", n);
                row.put("batch", batch);
                row.put("samplesPerSecond", round(samplesPerSecond));
                row.put("samplesPerSecondMin", round(min(ours)));
                row.put("samplesPerSecondMax", round(max(ours)));
                row.put("epochSeconds", round(median(seconds)));
                row.put("batchGemmGflops", round(gemm));
                row.put("rooflineSamplesPerSecond", round(roofline));
                row.put("rooflineFraction", round(samplesPerSecond / roofline));
                if (batch == 32 && n == 784) {
                    epochSecondsAt32 = median(seconds);
                }
                if (torchScript != null) {
                    double[] ratios = new double[repeat];
                    for (int k = 0; k < repeat; k++) {
                        ratios[k] = ours[k] / torch[k];
                    }
                    row.put("torchSamplesPerSecond", round(median(torch)));
                    row.put("torchSamplesPerSecondMin", round(min(torch)));
                    row.put("torchSamplesPerSecondMax", round(max(torch)));
                    row.put("speedupOverTorch", round(median(ratios)));
                    row.put("speedupOverTorchMin", round(min(ratios)));
                    row.put("speedupOverTorchMax", round(max(ratios)));
                }
                rows.add(row);
            }
        }
        report.put("rows", rows);
        if (resolutions.contains(DatasetOptions.FULL_RESOLUTION)) {
            int n = DatasetOptions.FULL_RESOLUTION * DatasetOptions.FULL_RESOLUTION;
            double lyapunovSeconds = lyapunovSeconds(n);
            report.put("lambdaMaxSeconds", round(lyapunovSeconds));
            report.put("lambdaMaxSettings", "N=784, transient 200, 1000 steps, distance 500 steps");
            if (Double.isFinite(epochSecondsAt32)) {
                report.put("lambdaMaxFractionOfEpochAtBatch32", round(lyapunovSeconds / epochSecondsAt32));
            }
        }

        if (json) {
            out.println(RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
        } else {
            print(out, report, rows);
        }
        out.flush();
        return 0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    private void print(PrintWriter out, Map<String, Object> report, List<Map<String, Object>> rows) {
        out.printf(Locale.ROOT, "SGEMM %s: %.1f GFLOP/s with %s threads on %s cores; training threads: %s; median "
                + "of %s run(s), [min-max]%n", report.get("sgemmShape"), report.get("sgemmGflops"), report.get("threads"),
                report.get("cores"), "team".equals(report.get("trainerThreads")) ? "a team, each on a one-thread BLAS"
                        : "OpenBLAS's", report.get("repeat"));
        out.printf(Locale.ROOT, "%4s %6s %24s %9s %12s %9s %24s %20s%n", "N", "batch", "samples/s", "epoch s",
                "GEMM GFLOP/s", "roofline", "torch samples/s", "speedup");
        for (Map<String, Object> r : rows) {
            boolean torch = r.containsKey("torchSamplesPerSecond");
            out.printf(Locale.ROOT, "%4d %6d %24s %9.2f %12.1f %9.2f %24s %20s%n", r.get("n"), r.get("batch"),
                    spread(r, "samplesPerSecond", "%,.0f"), r.get("epochSeconds"), r.get("batchGemmGflops"),
                    r.get("rooflineFraction"), torch ? spread(r, "torchSamplesPerSecond", "%,.0f") : "-",
                    torch ? spread(r, "speedupOverTorch", "%.2f") + "x" : "-");
        }
        if (report.containsKey("lambdaMaxSeconds")) {
            out.printf(Locale.ROOT, "lambda_max estimate (%s): %.3f s", report.get("lambdaMaxSettings"),
                    report.get("lambdaMaxSeconds"));
            if (report.containsKey("lambdaMaxFractionOfEpochAtBatch32")) {
                out.printf(Locale.ROOT, " = %.1f %% of an epoch at batch 32",
                        100 * (double) report.get("lambdaMaxFractionOfEpochAtBatch32"));
            }
            out.println();
        }
    }

    private static String spread(Map<String, Object> row, String key, String format) {
        String median = String.format(Locale.ROOT, format, row.get(key));
        if (repeatOf(row, key)) {
            return median + " [" + String.format(Locale.ROOT, format, row.get(key + "Min")) + "-"
                    + String.format(Locale.ROOT, format, row.get(key + "Max")) + "]";
        }
        return median;
    }

    private static boolean repeatOf(Map<String, Object> row, String key) {
        return row.containsKey(key + "Min") && !row.get(key + "Min").equals(row.get(key + "Max"));
    }

    private static TrainingData firstRows(TrainingData full, int rows) {
        int r = Math.min(rows, full.trainSize());
        INDArray x = full.trainX().get(NDArrayIndex.interval(0, r), NDArrayIndex.all()).dup('c');
        return new TrainingData(x, Arrays.copyOf(full.trainLabels(), r), full.testX(), full.testLabels());
    }

    /** Best-of GFLOP/s of the trainer's own SGEMM call for an (m x k) by (k x n) product. */
    static double sgemmGflops(int m, int k, int n, int reps) {
        // OpenBLAS's own rate with the threads the run may use, whether the trainer gives them to it or not
        return ComputeThreads.withBlasAtThreadCount(() -> Gemm.sgemmGflops(m, k, n, reps));
    }

    /** Median of three estimates at the standard settings on a J = 0.5 network (the trainer's per-epoch cost). */
    private static double lyapunovSeconds(int n) {
        INDArray w = org.edgeofchaos.explorer.dynamics.RandomNetworks.gaussian(n, 0.5, 0, 1);
        LyapunovEstimator estimator = new LyapunovEstimator();
        estimator.estimate(w);
        double[] times = new double[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            estimator.estimate(w);
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[1];
    }

    private double torchSamplesPerSecond(int batch, int resolution) throws IOException, InterruptedException {
        List<String> command = List.of(python, torchScript.toString(), "--data", data.toString(), "--epochs", "1",
                "--batch", Integer.toString(batch), "--threads", Integer.toString(threads),
                "--train-size", Integer.toString(trainSize), "--resolution", Integer.toString(resolution));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0 || last == null) {
            throw new IOException("the PyTorch baseline failed (" + String.join(" ", command) + "): "
                    + all.toString().lines().reduce((a, b) -> b).orElse("no output"));
        }
        JsonNode node = RunFiles.MAPPER.readTree(last);
        return node.get("samples_per_s").asDouble();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
