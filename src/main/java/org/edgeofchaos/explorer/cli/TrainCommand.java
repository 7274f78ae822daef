package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.experiment.RunEvent;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.Trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the paper's network (N inputs -> N tanh -> 10 softmax) with SGD, momentum and L2 "
                + "weight decay; after every epoch report loss, accuracy, J, J0, lambda_max and distance.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with the four IDX files (default: ${DEFAULT-VALUE}).")
    Path data = DatasetOptions.locateDefaultDirectory();

    @Option(names = "--lr", paramLabel = "ETA", description = "Learning rate > 0 (default: ${DEFAULT-VALUE}).")
    double learningRate = Hyperparameters.DEFAULTS.learningRate();

    @Option(names = "--momentum", paramLabel = "ALPHA", description = "Momentum in [0, 1) (default: ${DEFAULT-VALUE}).")
    double momentum = Hyperparameters.DEFAULTS.momentum();

    @Option(names = "--batch", paramLabel = "B", description = "Mini-batch size, 1..train size (default: ${DEFAULT-VALUE}).")
    int batch = Hyperparameters.DEFAULTS.batchSize();

    @Option(names = "--weight-decay", paramLabel = "LAMBDA",
            description = "L2 coefficient >= 0, Keras convention: lambda * sum(w^2) (default: ${DEFAULT-VALUE}).")
    double weightDecay = Hyperparameters.DEFAULTS.weightDecay();

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs >= 1 (default: ${DEFAULT-VALUE}).")
    int epochs = Hyperparameters.DEFAULTS.epochs();

    @Option(names = "--seed", description = "Seed of the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    long seed = Hyperparameters.DEFAULTS.seed();

    @Option(names = "--train-size", paramLabel = "S", description = "Training images used (default: ${DEFAULT-VALUE}).")
    int trainSize = DatasetOptions.DEFAULT_TRAIN_SIZE;

    @Option(names = "--random-subset", description = "Take a seeded random subset of --train-size images instead of the first ones.")
    boolean randomSubset;

    @Option(names = "--subset-seed", description = "Seed of the random subset (default: ${DEFAULT-VALUE}).")
    long subsetSeed = 1;

    @Option(names = "--resolution", description = "Input resolution: 28 (N = 784) or 14 (N = 196, 2x2 average-pooled) (default: ${DEFAULT-VALUE}).")
    int resolution = 28;

    @Option(names = "--init-j", paramLabel = "J", description = "Initial J of the hidden weights (default: ${DEFAULT-VALUE}).")
    double initJ = Hyperparameters.DEFAULTS.initJ();

    @Option(names = "--init-j0", paramLabel = "J0", description = "Initial J0 of the hidden weights (default: ${DEFAULT-VALUE}).")
    double initJ0 = Hyperparameters.DEFAULTS.initJ0();

    @Option(names = "--threads", description = "BLAS threads (default: ${DEFAULT-VALUE}, the cores up to 2; the results are reproducible per seed and thread count).")
    int threads = ComputeThreads.DEFAULT;

    @Option(names = "--json", description = "One JSON object per epoch on stdout instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the whole run as one JSON file (written atomically, after every epoch).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Hyperparameters hp = new Hyperparameters(learningRate, momentum, batch, weightDecay, epochs, seed, initJ,
                initJ0).validate(Integer.MAX_VALUE);
        ComputeThreads.set(threads);
        DatasetOptions options = new DatasetOptions(data, trainSize, randomSubset, subsetSeed, resolution);
        TrainingRun run = TrainingRun.prepare(options, hp);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        // The session owns the run; the recorder and the printer only observe it.
        RunSession session = run.newSession();
        if (out != null) {
            RunRecorder.attach(session, out);
        }
        Printer printer = json ? new JsonLines(stdout) : new Table(stdout, stderr, hp.epochs(),
                run.dataset().trainSize());
        session.observe(event -> event.applyTo(printer));
        RunOutcome outcome = run.train(session, DynamicsProbes.standard(), Trainer.DEFAULT_PROGRESS_INTERVAL);
        if (printer.saveError != null) {
            throw new IllegalArgumentException(printer.saveError);
        }
        if (outcome.state() == RunState.DIVERGED) {
            stderr.printf(Locale.ROOT, "diverged: the loss became NaN or infinite at epoch %d, mini-batch %d%n",
                    outcome.divergedEpoch(), outcome.divergedBatch());
        }
        stderr.flush();
        stdout.flush();
        return 0;
    }

    /** What the command line prints while a session runs; remembers the first failed save. */
    private abstract static class Printer implements RunEvent.Handler {
        String saveError;

        @Override
        public void started(String runId, Hyperparameters hyperparameters,
                org.edgeofchaos.explorer.experiment.DatasetInfo dataset) {
        }

        @Override
        public void stateChanged(RunState state) {
        }

        @Override
        public void finished(RunOutcome outcome) {
        }

        @Override
        public void saved(Path file) {
        }

        @Override
        public void saveFailed(Path file, String reason) {
            if (saveError == null) {
                saveError = reason;
            }
        }
    }

    /** {@code --json}: exactly the fields of {@link EpochMetrics}, one object per line. */
    private static final class JsonLines extends Printer {
        private static final ObjectWriter WRITER = org.edgeofchaos.explorer.experiment.RunFiles.MAPPER.writer()
                .without(SerializationFeature.INDENT_OUTPUT);
        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void progress(BatchProgress sample) {
        }

        @Override
        public void changed(HyperparameterChange change) {
        }

        @Override
        public void epochFinished(EpochMetrics metrics) {
            try {
                out.println(WRITER.writeValueAsString(metrics));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write epoch " + metrics.epoch() + " as JSON", e);
            }
            out.flush();
        }
    }

    /** A readable table on stdout and, when attached to a terminal, a progress bar on stderr. */
    private static final class Table extends Printer {
        private static final String HEADER = String.format(Locale.ROOT,
                "%5s %10s %9s %9s %8s %7s %7s %8s %9s %7s %9s", "epoch", "train loss", "train acc",
                "test loss", "test acc", "J", "J0", "lambda", "distance", "s", "samples/s");
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final int epochs;
        private final int trainSize;
        private boolean headerPrinted;

        Table(PrintWriter out, PrintWriter err, int epochs, int trainSize) {
            this.out = out;
            this.err = err;
            this.epochs = epochs;
            this.trainSize = trainSize;
        }

        @Override
        public void progress(BatchProgress p) {
            if (!terminal) {
                return;
            }
            int width = 30;
            double fraction = (double) p.batch() / p.batchesInEpoch();
            int filled = (int) Math.round(fraction * width);
            // Training time only: the per-epoch evaluation adds a little on top.
            double remaining = p.samplesPerSecond() > 0
                    ? (epochs - p.epoch() + 1 - fraction) * trainSize / p.samplesPerSecond() : 0;
            err.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %3.0f%%  loss %.4f  %,.0f samples/s  ETA %.0f s   ",
                    p.epoch(), epochs, "#".repeat(filled), ".".repeat(width - filled), 100 * fraction,
                    p.runningLoss(), p.samplesPerSecond(), remaining);
            err.flush();
        }

        @Override
        public void changed(HyperparameterChange change) {
            clearBar();
            out.printf(Locale.ROOT, "epoch %d, batch %d: %s %s -> %s%n", change.epoch(), change.batch(),
                    change.name(), change.oldValue(), change.newValue());
        }

        @Override
        public void epochFinished(EpochMetrics m) {
            clearBar();
            if (!headerPrinted) {
                out.println(HEADER);
                headerPrinted = true;
            }
            out.printf(Locale.ROOT, "%5d %10.4f %9.4f %9.4f %8.4f %7.4f %7.4f %8.4f %9.4f %7.2f %,9.0f%s%n",
                    m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.j(), m.j0(),
                    m.lambdaMax(), m.distance(), m.seconds(), m.samplesPerSecond(), m.diverged() ? "  diverged" : "");
            out.flush();
        }

        private void clearBar() {
            if (terminal) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }
}
