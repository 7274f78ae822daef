package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.laws.Collapse;
import org.edgeofchaos.explorer.laws.EpochWindow;
import org.edgeofchaos.explorer.laws.GrowthFit;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.Optimum;
import org.edgeofchaos.explorer.laws.PublishedSlopes;
import org.edgeofchaos.explorer.laws.ScalingExponents;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.experiment.RunFiles;

import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "laws", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit paper 1's scaling law to saved runs: per run the growth of J^2 per epoch in a window,",
            "k = slope (1 - alpha) B / eta with its error, the optimum (lowest test loss, J there); across runs the",
            "exponents of eta, 1/(1 - alpha) and 1/B, the collapse quality and lambda* = k/(4S); beside each",
            "slope the authors' published one where they measured the same settings (Fig 3)."})
final class LawsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Run files, or folders of run files (saved runs, a sweep folder).")
    List<Path> runs;

    @Option(names = "--window", paramLabel = "FIRST:LAST",
            description = "Epoch window of the fits, e.g. 0:50 as the authors (default: the ordered phase after "
                    + "the first epoch, per run).")
    String window;

    @Option(names = "--json", description = "One JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        EpochWindow fixed = window == null ? null : parseWindow(window);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LawRun> loaded = RunFolders.load(runs);
        if (loaded.isEmpty()) {
            throw new InvalidSettingException("--runs", "no run files found in " + runs);
        }
        List<LawRun> fitted = new ArrayList<>();
        List<GrowthFit> fits = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LawRun run : loaded) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", run.name());
            row.put("lr", run.hyperparameters().learningRate());
            row.put("momentum", run.hyperparameters().momentum());
            row.put("batch", run.hyperparameters().batchSize());
            row.put("trainSize", run.trainSize());
            row.put("resolution", run.resolution());
            Optional<GrowthFit> fit;
            try {
                fit = fixed != null ? Optional.of(GrowthFit.of(run, fixed)) : GrowthFit.ordered(run);
            } catch (IllegalArgumentException e) {
                err.println("skipped " + e.getMessage());
                fit = Optional.empty();
            }
            fit.ifPresent(f -> {
                fitted.add(run);
                fits.add(f);
                row.put("window", f.window().toString());
                row.put("slope", f.slope());
                row.put("slopeError", f.slopeError());
                row.put("k", f.k());
                row.put("kError", f.kError());
                row.put("rSquared", f.rSquared());
            });
            PublishedSlopes.of(run.hyperparameters()).ifPresent(s -> row.put("authorsSlope", s.slope()));
            Optimum.of(run).ifPresent(o -> {
                row.put("lowestTestLossEpoch", o.lowestTestLossEpoch());
                row.put("lowestTestLoss", o.lowestTestLoss());
                row.put("jAtLowestTestLoss", o.jAtLowestTestLoss());
                row.put("bestTestAccuracy", o.bestTestAccuracy());
                row.put("jAtBestTestAccuracy", o.jAtBestTestAccuracy());
            });
            run.edgeEpoch().ifPresent(e -> row.put("edgeEpoch", e));
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", rows);
        ScalingExponents.Result exponents = null;
        try {
            exponents = ScalingExponents.fit(fitted, fits);
            result.put("exponents", exponents.all());
        } catch (IllegalArgumentException e) {
            result.put("exponents", null);
            err.println("no exponents: " + e.getMessage());
        }
        if (loaded.size() >= 2) {
            result.put("collapseJ2Epoch", Collapse.quality(loaded, Collapse.Axis.EPOCH, Collapse.jSquared()).quality());
            result.put("collapseJ2Scaled",
                    Collapse.quality(loaded, Collapse.Axis.SCALED_TIME, Collapse.jSquared()).quality());
            result.put("collapseTestLossScaled",
                    Collapse.quality(loaded, Collapse.Axis.SCALED_TIME, EpochMetrics::testLoss).quality());
        }
        if (json) {
            out.println(RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } else {
            print(out, rows, exponents, result);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, List<Map<String, Object>> rows, ScalingExponents.Result exponents,
            Map<String, Object> result) {
        out.printf(Locale.ROOT, "%-8s %-8s %-5s %-12s %-20s %-10s %-14s %-9s %-8s%n", "lr", "momentum", "batch",
                "window", "slope (+- error)", "authors", "k (+- error)", "edge", "best acc");
        for (Map<String, Object> row : rows) {
            out.printf(Locale.ROOT, "%-8s %-8s %-5s %-12s %-20s %-10s %-14s %-9s %-8s%n", row.get("lr"),
                    row.get("momentum"), row.get("batch"), row.getOrDefault("window", "-"),
                    row.containsKey("slope") ? String.format(Locale.ROOT, "%.3g +- %.2g", row.get("slope"),
                            row.get("slopeError")) : "-",
                    row.containsKey("authorsSlope") ? String.format(Locale.ROOT, "%.3g", row.get("authorsSlope"))
                            : "-",
                    row.containsKey("k") ? String.format(Locale.ROOT, "%.2f +- %.2f", row.get("k"),
                            row.get("kError")) : "-",
                    row.containsKey("edgeEpoch") ? String.format(Locale.ROOT, "%.1f", row.get("edgeEpoch")) : "-",
                    row.containsKey("bestTestAccuracy") ? String.format(Locale.ROOT, "%.4f",
                            row.get("bestTestAccuracy")) : "-");
        }
        if (exponents != null) {
            for (ScalingExponents.Exponent e : exponents.all()) {
                out.printf(Locale.ROOT, "exponent of %-12s %s%n", e.quantity(), e.varied()
                        ? String.format(Locale.ROOT, "%.3f +- %.3f", e.value(), e.error()) : "not varied");
            }
        }
        if (result.containsKey("collapseJ2Scaled")) {
            out.printf(Locale.ROOT, "collapse quality of J^2: %.3f against epochs, %.3f against epoch*eta/((1-alpha)B)"
                    + "; of test loss against scaled time: %.3f%n", result.get("collapseJ2Epoch"),
                    result.get("collapseJ2Scaled"), result.get("collapseTestLossScaled"));
        }
    }

    static EpochWindow parseWindow(String text) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 2) {
                return new EpochWindow(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("--window", e.getMessage());
        }
        throw new InvalidSettingException("--window", "expected FIRST:LAST epochs such as 0:50, got '" + text + "'");
    }
}
