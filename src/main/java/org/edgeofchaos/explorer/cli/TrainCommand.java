package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
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
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingControl;

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

    @Option(names = "--threads", description = "Training threads, each on a one-thread BLAS (default: ${DEFAULT-VALUE}, the cores up to 2; the results are reproducible per seed and thread count).")
    int threads = ComputeThreads.DEFAULT;

    @Option(names = "--spectra", description = "Eigenvalues of W and D* every epoch whatever N (by default only up to N = 400: at N = 784 they cost about 2.4 s per epoch).")
    boolean spectra;

    @Option(names = "--json", description = "One JSON object per epoch on stdout instead of the table (without the eigenvalues and return-map series, which --out saves).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Save the whole run as one JSON file (written atomically, after every epoch), with a checkpoint beside it (FILE without .json + .checkpoint).")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Option(names = "--resume", description = {"Continue the run saved in --out from its last finished epoch (after a stop, a crash or a kill), "
            + "with its own settings and data; --epochs may be raised to extend a finished run. The numbers equal those of an uninterrupted run "
            + "with the same thread count."})
    boolean resume;

    /** Options that set up a new run, which a continued run takes from its file instead. */
    private static final List<String> NEW_RUN_OPTIONS = List.of("--data", "--lr", "--momentum", "--batch",
            "--weight-decay", "--seed", "--train-size", "--random-subset", "--subset-seed", "--resolution",
            "--init-j", "--init-j0");

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (resume) {
            checkResumeOptions();
        } else {
            // Before anything slow: the range of --batch is known from --train-size (checked again on the data).
            new Hyperparameters(learningRate, momentum, batch, weightDecay, epochs, seed, initJ, initJ0)
                    .validate(Math.min(trainSize, DatasetOptions.DEFAULT_TRAIN_SIZE));
        }
        if (out != null) {
            RunDestination.check(out, force, resume);
        }
        ComputeThreads.set(threads);
        TrainingRun run;
        if (resume) {
            run = TrainingRun.resume(out, epochsGiven() ? epochs : 0);
        } else {
            Hyperparameters hp = new Hyperparameters(learningRate, momentum, batch, weightDecay, epochs, seed,
                    initJ, initJ0);
            run = TrainingRun.prepare(new DatasetOptions(data, trainSize, randomSubset, subsetSeed, resolution), hp);
        }
        Hyperparameters hp = run.hyperparameters();
        if (resume) {
            stderr.printf(Locale.ROOT, "continuing %s after epoch %d of %d%n", out, run.firstEpochDone(),
                    hp.epochs());
            stderr.flush();
        }

        // The session owns the run; the recorder, the printer and the save reporter only observe it.
        TrainingControl control = new TrainingControl();
        RunSession session = run.newSession(control);
        RunRecorder recorder = out == null ? null : run.record(session, out);
        SaveReporter saves = new SaveReporter(stderr);
        Printer printer = json ? new JsonLines(stdout)
                : new Table(stdout, stderr, hp.epochs(), run.dataset().trainSize(), run.firstEpochDone());
        session.observe(event -> event.applyTo(saves));
        session.observe(event -> event.applyTo(printer));
        // Ctrl-C or a kill: stop after the current mini-batch and let the run be saved as stopped before the JVM
        // exits (the recorder writes the finished epochs and their checkpoint).
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.stop();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "train-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try {
            outcome = run.train(session, DynamicsProbes.standard(spectra), Trainer.DEFAULT_PROGRESS_INTERVAL);
            if (outcome.state() == RunState.STOPPED && out != null) {
                stderr.printf(Locale.ROOT, "stopped after epoch %d; saved in %s (continue with --resume)%n",
                        run.firstEpochDone() + outcome.epochs().size(), out);
            }
            stderr.flush();
        } finally {
            if (recorder != null) {
                recorder.close();
            }
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waited for the save above
            }
        }
        if (outcome.state() == RunState.DIVERGED) {
            stderr.printf(Locale.ROOT, "diverged: the loss became NaN or infinite at epoch %d, mini-batch %d%n",
                    outcome.divergedEpoch(), outcome.divergedBatch());
        }
        int code = recorder == null ? 0 : saves.summarise(recorder.saveStatus());
        stderr.flush();
        stdout.flush();
        return code;
    }

    private boolean epochsGiven() {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--epochs");
    }

    private void checkResumeOptions() {
        if (out == null) {
            throw new InvalidSettingException("--resume", "needs --out FILE, the run to continue");
        }
        if (force) {
            throw new InvalidSettingException("--resume", "cannot be combined with --force");
        }
        var parsed = spec.commandLine().getParseResult();
        for (String option : NEW_RUN_OPTIONS) {
            if (parsed != null && parsed.hasMatchedOption(option)) {
                throw new InvalidSettingException(option, "a continued run keeps the settings and data saved in "
                        + out + "; only --epochs, --threads and --json can be given with --resume");
            }
        }
    }

    /** What the command line does with a session's events; each printer overrides what it shows. */
    private abstract static class Printer implements RunEvent.Handler {
        @Override
        public void started(String runId, Hyperparameters hyperparameters, DatasetInfo dataset) {
        }

        @Override
        public void stateChanged(RunState state) {
        }

        @Override
        public void progress(BatchProgress sample) {
        }

        @Override
        public void epochFinished(EpochMetrics metrics) {
        }

        @Override
        public void changed(HyperparameterChange change) {
        }

        @Override
        public void finished(RunOutcome outcome) {
        }

        @Override
        public void saved(Path file) {
        }

        @Override
        public void saveFailed(Path file, String reason) {
        }
    }

    /**
     * Tells the user about saves as they happen: a failed save is a warning at that epoch (training goes on and
     * the next epoch tries again); at the end, one line on what the file holds if anything went wrong.
     */
    private static final class SaveReporter extends Printer {
        private final PrintWriter err;
        private int epoch;
        private int failures;

        SaveReporter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void epochFinished(EpochMetrics metrics) {
            epoch = metrics.epoch();
        }

        @Override
        public void saveFailed(Path file, String reason) {
            failures++;
            err.printf(Locale.ROOT, "warning: epoch %d not saved: %s; training goes on, saving again after the "
                    + "next epoch%n", epoch, reason);
            err.flush();
        }

        /** @return the exit code: 1 if the file does not hold the whole run */
        int summarise(RunRecorder.SaveStatus status) {
            if (!status.saved()) {
                String held = status.savedEpochs() < 0 ? "nothing was saved"
                        : status.file() + " holds epochs 1.." + status.savedEpochs()
                                + (status.checkpointEpoch() > 0 ? " (continue from epoch " + status.checkpointEpoch()
                                        + " with --resume)" : "");
                err.printf(Locale.ROOT, "error: the run is not saved completely: %s; last failure: %s%n", held,
                        status.lastError().getMessage());
                return 1;
            }
            if (failures > 0) {
                err.printf(Locale.ROOT, "saved: %s holds all %d epochs (%d earlier save%s failed and %s retried)%n",
                        status.file(), status.savedEpochs(), failures, failures == 1 ? "" : "s",
                        failures == 1 ? "was" : "were");
            }
            return 0;
        }
    }

    /** {@code --json}: the fields of {@link EpochMetrics} but the bulky portrait, one object per line. */
    private static final class JsonLines extends Printer {
        private static final ObjectWriter WRITER = org.edgeofchaos.explorer.experiment.RunFiles.MAPPER.copy()
                .addMixIn(EpochMetrics.class, WithoutPortrait.class).writer()
                .without(SerializationFeature.INDENT_OUTPUT);

        @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"portrait"})
        private abstract static class WithoutPortrait {
        }

        private final PrintWriter out;

        JsonLines(PrintWriter out) {
            this.out = out;
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
                "%5s %10s %9s %9s %8s %7s %7s %8s %9s %7s %9s  %6s %s", "epoch", "train loss", "train acc",
                "test loss", "test acc", "J", "J0", "lambda", "distance", "s", "samples/s", "||D*||", "attractor");
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final int epochs;
        private final int trainSize;
        private final int firstEpochDone;
        private boolean headerPrinted;
        private boolean divergingTold;

        Table(PrintWriter out, PrintWriter err, int epochs, int trainSize, int firstEpochDone) {
            this.out = out;
            this.err = err;
            this.epochs = epochs;
            this.trainSize = trainSize;
            this.firstEpochDone = firstEpochDone;
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
            // A saturated hidden layer leaves lambda_max at the estimator's floor: a number that means nothing.
            String lambda = m.saturated() ? "saturated" : String.format(Locale.ROOT, "%8.4f", m.lambdaMax());
            String attractor = m.attractor() == null ? "" : m.period() == null ? m.attractor()
                    : m.attractor() + " " + m.period();
            out.printf(Locale.ROOT, "%5d %10.4f %9.4f %9.4f %8.4f %7.4f %7.4f %8s %9.4f %7.2f %,9.0f  %6.4f %s%s%n",
                    m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.j(), m.j0(),
                    lambda, m.distance(), m.seconds(), m.samplesPerSecond(), m.jacobianNorm(), attractor,
                    m.diverged() ? "  diverged" : m.diverging() ? "  diverging" : "");
            out.flush();
            if (m.diverging() && !divergingTold) {
                divergingTold = true;
                err.printf(Locale.ROOT, "warning: diverging: the training loss has stayed above ln 10 = %.3f, the "
                        + "loss of guessing, for %d epochs (a smaller learning rate or momentum may help)%n",
                        EpochMetrics.LOSS_OF_GUESSING, EpochMetrics.DIVERGING_EPOCHS);
                err.flush();
            }
        }

        private void clearBar() {
            if (terminal) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }
}
