package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.ProcessMemory;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingListener;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench --memory}: a long run exactly as {@code train} does it (evaluation and dynamics probe every epoch),
 * printing the process's memory after each epoch, then again after the run has released what it allocated. A leak
 * shows as resident memory that keeps growing from epoch to epoch.
 */
final class MemorySoak {
    private static final ObjectWriter JSON = RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final CommandSpec spec;
    private final Path data;
    private final int trainSize;
    private final int batch;
    private final int epochs;
    private final int threads;
    private final boolean json;

    MemorySoak(CommandSpec spec, Path data, int trainSize, int batch, int epochs, int threads, boolean json) {
        this.spec = spec;
        this.data = data;
        this.trainSize = trainSize;
        this.batch = batch;
        this.epochs = epochs;
        this.threads = threads;
        this.json = json;
    }

    int run() throws Exception {
        if (epochs < 1 || epochs > 100_000) {
            throw new InvalidSettingException("--epochs", "must be in 1..100000, got " + epochs);
        }
        ComputeThreads.set(threads);
        PrintWriter out = spec.commandLine().getOut();
        TrainingRun run = TrainingRun.prepare(new DatasetOptions(data, trainSize, false, 1, 28),
                Hyperparameters.paperDefaults().withBatchSize(batch).withEpochs(epochs));
        print(out, "loaded", 0, ProcessMemory.now(), Double.NaN);
        run.execute(new TrainingControl(), new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                print(out, "epoch", metrics.epoch(), ProcessMemory.now(), metrics.seconds());
            }
        }, 1000);
        // The run has closed its arrays; a collection lets the JVM return what only the GC could free.
        System.gc();
        Thread.sleep(200);
        print(out, "closed", epochs, ProcessMemory.now(), Double.NaN);
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, String phase, int epoch, ProcessMemory m, double seconds) {
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("phase", phase);
            row.put("epoch", epoch);
            row.put("residentMb", round(m.residentMegabytes()));
            row.put("heapUsedMb", round(m.heapUsedMegabytes()));
            row.put("heapCommittedMb", round(m.heapCommittedMegabytes()));
            row.put("seconds", round(seconds));
            try {
                out.println(JSON.writeValueAsString(row));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.printf(Locale.ROOT, "%-7s %5d  resident %8.1f MB  heap used %7.1f MB of %7.1f MB%s%n",
                    phase, epoch, m.residentMegabytes(), m.heapUsedMegabytes(), m.heapCommittedMegabytes(),
                    Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "  epoch %.1f s", seconds));
        }
        out.flush();
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }
}
