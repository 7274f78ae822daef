package org.edgeofchaos.explorer.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.export.ChartRenderer;
import org.edgeofchaos.explorer.ui.phase.PhaseImages;
import org.edgeofchaos.explorer.training.InvalidSettingException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render images without opening a window.",
            "With --map: the phase diagram (and, with --run, that run's path on it) as one PNG file.",
            "Without --map: the charts of the run given by --run (loss, accuracy, dynamics) as PNG files in --out."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--map", paramLabel = "FILE", description = "A phase map written by the 'phase' command.")
    Path map;

    @Option(names = "--run", paramLabel = "RUNFILE", description = "A saved run (JSON) whose path to draw, or whose charts to render.")
    Path run;

    @Option(names = "--quantity", paramLabel = "lambda|distance", description = "Colour the map by lambda_max or the asymptotic distance (default: ${DEFAULT-VALUE}).")
    String quantity = "lambda";

    @Option(names = "--out", paramLabel = "PNG|DIR", required = true, description = "The PNG file (with --map) or the folder for the run's charts.")
    Path out;

    /** One range for every kind of image, so that the same sizes work with --map and with --run. */
    static final int MIN_WIDTH = 200;
    static final int MIN_HEIGHT = 150;
    static final int MAX_SIDE = 10_000;

    @Option(names = "--width", description = "Image width in pixels, " + MIN_WIDTH + ".." + MAX_SIDE + " (default: ${DEFAULT-VALUE}).")
    int width = 1600;

    @Option(names = "--height", description = "Image height in pixels, " + MIN_HEIGHT + ".." + MAX_SIDE + " (default: ${DEFAULT-VALUE}).")
    int height = 1000;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (map == null && run == null) {
            throw new InvalidSettingException("--map", "give a phase map (--map), a run (--run), or both");
        }
        PhaseMap.Quantity q = switch (quantity.toLowerCase(Locale.ROOT)) {
            case "lambda", "lambdamax", "lambda_max" -> PhaseMap.Quantity.LAMBDA_MAX;
            case "distance" -> PhaseMap.Quantity.DISTANCE;
            default -> throw new InvalidSettingException("--quantity", "expected lambda or distance, got '"
                    + quantity + "'");
        };
        if (width < MIN_WIDTH || width > MAX_SIDE) {
            throw new InvalidSettingException("--width", "must be in " + MIN_WIDTH + ".." + MAX_SIDE + " pixels, got "
                    + width);
        }
        if (height < MIN_HEIGHT || height > MAX_SIDE) {
            throw new InvalidSettingException("--height", "must be in " + MIN_HEIGHT + ".." + MAX_SIDE
                    + " pixels, got " + height);
        }
        if (map == null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidSettingException("--out", out.toAbsolutePath() + " is a file; without --map, --out is "
                    + "the folder the run's chart images are written into");
        }
        RunRecord record = run == null ? null : RunFiles.read(run);
        if (map != null) {
            if (Files.isDirectory(out)) {
                throw new InvalidSettingException("--out", "" + out.toAbsolutePath() + " is a folder; with --map give "
                        + "the PNG file to write");
            }
            PhaseMap phaseMap = PhaseMapFile.read(map);
            BufferedImage image = PhaseImages.renderForCommandLine(phaseMap, record, q, width, height);
            ChartImages.writePng(image, out);
            err.printf(Locale.ROOT, "wrote %s (%dx%d)%n", out, image.getWidth(), image.getHeight());
        } else {
            List<Path> files = renderRunCharts(record);
            for (Path f : files) {
                err.printf(Locale.ROOT, "wrote %s%n", f);
            }
        }
        err.flush();
        return 0;
    }

    /** The run's charts into --out; if writing fails, no half-filled folder that this command created is left. */
    private List<Path> renderRunCharts(RunRecord record) throws java.io.IOException {
        Path folder = out.toAbsolutePath();
        Path firstCreated = folder;
        while (firstCreated.getParent() != null && !Files.exists(firstCreated.getParent())) {
            firstCreated = firstCreated.getParent();
        }
        boolean created = !Files.exists(folder);
        try {
            // The folder first: a destination that cannot be written fails before the slow rendering.
            Files.createDirectories(folder);
            return ChartRenderer.renderRunCharts(record, folder, width, height);
        } catch (java.io.IOException e) {
            if (created) {
                removeEmptied(folder, record.id(), firstCreated);
            }
            if (e instanceof AtomicFiles.WriteException) {
                throw e;
            }
            throw new AtomicFiles.WriteException(folder, e);
        }
    }

    private static void removeEmptied(Path folder, String runId, Path stopAt) {
        try (var files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith(runId + "-")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (java.io.IOException ignored) {
            // the folder may not even exist: nothing to remove
        }
        for (Path p = folder; p != null && p.startsWith(stopAt); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (java.io.IOException notEmpty) {
                return;
            }
        }
    }
}
