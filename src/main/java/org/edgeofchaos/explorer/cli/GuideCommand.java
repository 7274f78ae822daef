package org.edgeofchaos.explorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.laws.GuidelineCheck;
import org.edgeofchaos.explorer.laws.Guideline;
import org.edgeofchaos.explorer.laws.KEstimate;
import org.edgeofchaos.explorer.laws.KModel;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.Proposal;
import org.edgeofchaos.explorer.laws.ShippedScaling;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.TrainingListener;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "guide", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Propose learning rate, momentum and batch size that bring J to 1 (the edge of chaos) after",
            "a budget of E epochs, and the weight decay lambda* = k/(4S) that holds it there (paper 1's guideline).",
            "k is the shipped value for the resolution, or refitted from --runs."})
final class GuideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "E", required = true, description = "Epochs until J should reach 1, >= 1.")
    int epochs;

    @Option(names = "--resolution", paramLabel = "R", description = "28 (N = 784) or 14 (N = 196) (default: ${DEFAULT-VALUE}).")
    int resolution = 28;

    @Option(names = "--train-size", paramLabel = "S", description = "Training images (default: ${DEFAULT-VALUE}); k and lambda* scale with S.")
    int trainSize = DatasetOptions.DEFAULT_TRAIN_SIZE;

    @Option(names = "--momentum", paramLabel = "ALPHA", description = "Fix the momentum (default: propose 0.5, 0.9 and 0).")
    Double momentum;

    @Option(names = "--init-j", paramLabel = "J", description = "Initial J, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double initJ = 0.5;

    @Option(names = "--runs", paramLabel = "PATH", arity = "1..*",
            description = "Refit k from these run files or folders of run files (a sweep folder, the saved runs) "
                    + "instead of the shipped k; runs at other resolutions are skipped.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--verify", description = "Train the first proposal for 2E epochs (weight decay from the epoch "
            + "after the edge) and report whether J reached 1 within E +- 20 % and then stayed in [0.9, 1.25].")
    boolean verify;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder for --verify (default: ${DEFAULT-VALUE}).")
    Path data = DatasetOptions.locateDefaultDirectory();

    @Option(names = "--seed", description = "Seed of the --verify run (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--threads", description = "Training threads of the --verify run (default: ${DEFAULT-VALUE}).")
    int threads = ComputeThreads.DEFAULT;

    @Option(names = "--json", description = "The proposals as one JSON array (and, with --verify, the check as a "
            + "second line).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new InvalidSettingException("--epochs", "must be >= 1, got " + epochs);
        }
        if (trainSize < 1) {
            throw new InvalidSettingException("--train-size", "must be >= 1, got " + trainSize);
        }
        if (resolution != 14 && resolution != 28) {
            throw new InvalidSettingException("--resolution", "must be 14 or 28, got " + resolution);
        }
        if (!(initJ > 0 && initJ < 1)) {
            throw new InvalidSettingException("--init-j", "must be in (0, 1) to reach the edge from the ordered "
                    + "phase, got " + initJ);
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) {
            throw new InvalidSettingException("--momentum", "must be in [0, 1), got " + momentum);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KModel model = runs.isEmpty() ? ShippedScaling.model(resolution) : refit(err);
        KEstimate k = model.at(epochs, trainSize);
        List<Proposal> proposals;
        try {
            proposals = Guideline.propose(epochs, k, initJ, momentum == null ? Double.NaN : momentum);
        } catch (IllegalArgumentException e) {
            // the settings were checked above: what is left is a budget no stable learning rate meets
            throw new InvalidSettingException("--epochs", e.getMessage());
        }
        ObjectWriter writer = RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);
        if (json) {
            // An unknown spread is null in JSON (Jackson would write the string "NaN" where a number belongs).
            com.fasterxml.jackson.databind.JsonNode tree = RunFiles.MAPPER.valueToTree(proposals);
            for (com.fasterxml.jackson.databind.JsonNode p : tree) {
                if (Double.isNaN(p.path("kError").asDouble(0))) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) p).putNull("kError");
                }
            }
            out.println(writer.writeValueAsString(tree));
        } else {
            String spread = Double.isNaN(k.kError()) ? " (spread unknown: too few distinct edges)"
                    : String.format(Locale.ROOT, " +- %.2f", k.kError());
            out.printf(Locale.ROOT, "k = %.2f%s for %dx%d, %,d images (%s; %s)%n", k.k(), spread,
                    resolution, resolution, trainSize, k.window(), k.source());
            out.printf(Locale.ROOT, "%-9s %-9s %-6s %-11s %-10s %s%n", "lr", "momentum", "batch", "edge epoch",
                    "lambda*", "from epoch");
            for (Proposal p : proposals) {
                out.printf(Locale.ROOT, "%-9.4g %-9.2f %-6d %-11.1f %-10.3g %d%n", p.lr(), p.momentum(), p.batch(),
                        p.predictedEdgeEpoch(), p.weightDecay(), p.weightDecayFromEpoch());
            }
            for (Proposal p : proposals) {
                out.printf(Locale.ROOT, "- lr %.4g, momentum %.2f, batch %d: %s%n", p.lr(), p.momentum(), p.batch(),
                        p.explanation());
            }
        }
        out.flush();
        if (verify) {
            ComputeThreads.set(threads);
            DatasetOptions options = new DatasetOptions(data, trainSize,
                    trainSize < DatasetOptions.DEFAULT_TRAIN_SIZE, 1, resolution);
            Proposal first = proposals.get(0);
            TrainingListener progress = new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics m) {
                    err.printf(Locale.ROOT, "epoch %3d  J %.3f  lambda_max %+.3f  test accuracy %.4f%n", m.epoch(),
                            m.j(), m.lambdaMax(), m.testAccuracy());
                    err.flush();
                }
            };
            GuidelineCheck.Result check = GuidelineCheck.follow(options, first, epochs,
                    Hyperparameters.paperDefaults().withSeed(seed).withInit(initJ, 0), progress);
            if (json) {
                out.println(writer.writeValueAsString(new VerifyJson(check)));
            } else {
                out.printf(Locale.ROOT, "followed lr %.4g, momentum %.2f, batch %d: J reached 1 at epoch %s "
                        + "(budget %d +- 20 %%: %s); with weight decay from epoch %d, J in [%.3f, %.3f] "
                        + "(band [%.2f, %.2f]: %s)%n", first.lr(), first.momentum(), first.batch(),
                        check.edgeEpoch().isPresent() ? String.format(Locale.ROOT, "%.1f",
                                check.edgeEpoch().getAsDouble()) : "never",
                        epochs, check.edgeOnTime() ? "yes" : "no", first.weightDecayFromEpoch(), check.minJAfter(),
                        check.maxJAfter(), GuidelineCheck.J_LOW, GuidelineCheck.J_HIGH,
                        check.heldNearEdge() ? "yes" : "no");
            }
            out.flush();
            return check.passed() ? 0 : 1;
        }
        return 0;
    }

    /** The --verify line of --json. */
    record VerifyJson(double lr, double momentum, int batch, double weightDecay, int weightDecayFromEpoch,
            int budget, Double edgeEpoch, double minJAfter, double maxJAfter, boolean edgeOnTime,
            boolean heldNearEdge, String state) {
        VerifyJson(GuidelineCheck.Result r) {
            this(r.proposal().lr(), r.proposal().momentum(), r.proposal().batch(), r.proposal().weightDecay(),
                    r.proposal().weightDecayFromEpoch(), r.budget(),
                    r.edgeEpoch().isPresent() ? r.edgeEpoch().getAsDouble() : null, r.minJAfter(), r.maxJAfter(),
                    r.edgeOnTime(), r.heldNearEdge(), r.state().name());
        }
    }

    private KModel refit(PrintWriter err) throws IOException, RunFileException {
        List<LawRun> all = RunFolders.load(runs);
        List<LawRun> loaded = all.stream().filter(r -> r.resolution() == resolution).toList();
        if (loaded.size() < all.size()) {
            err.printf(Locale.ROOT, "skipped %d run(s) not at %dx%d%n", all.size() - loaded.size(), resolution,
                    resolution);
        }
        try {
            return KModel.fromRuns(loaded, String.format(Locale.ROOT, "refitted from %d loaded run(s)",
                    loaded.size()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--runs", "none of the " + loaded.size() + " run(s) at " + resolution
                    + "x" + resolution + " reaches J = 1 from below, so k cannot be refitted; leave out --runs to "
                    + "use the shipped k");
        }
    }
}
