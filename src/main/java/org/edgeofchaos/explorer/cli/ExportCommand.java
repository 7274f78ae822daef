package org.edgeofchaos.explorer.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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

    @Option(names = "--width", description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    int width = 1600;

    @Option(names = "--height", description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
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
            List<Path> files = ChartRenderer.renderRunCharts(record, out, width, height);
            for (Path f : files) {
                err.printf(Locale.ROOT, "wrote %s%n", f);
            }
        }
        err.flush();
        return 0;
    }
}
