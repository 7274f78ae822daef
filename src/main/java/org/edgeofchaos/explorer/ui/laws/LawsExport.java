package org.edgeofchaos.explorer.ui.laws;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.export.ExportSize;

/**
 * Exports a chart of the Laws tab as PNG, SVG or CSV: the file is asked for, the image drawn now through the same
 * chart painter as on screen, and written on the file executor (atomically, by {@link ChartImages}).
 */
public final class LawsExport {
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final ObjectProperty<ExportSize> size;
    private final StringProperty message;

    public LawsExport(TaskExecutor files, DialogService dialogs, ObjectProperty<ExportSize> size,
            StringProperty message) {
        this.files = files;
        this.dialogs = dialogs;
        this.size = size;
        this.message = message;
    }

    /** @param view the zoomed range shown on screen, or null for all the data */
    public void png(ChartSpec spec, String caption, double screenWidth, double screenHeight, ViewRange view) {
        dialogs.chooseSaveFile("Export chart as PNG", spec.key() + ".png", "PNG image", "png")
                .ifPresent(file -> pngTo(spec, caption, file, screenWidth, screenHeight, view));
    }

    public void pngTo(ChartSpec spec, String caption, Path file, double screenWidth, double screenHeight,
            ViewRange view) {
        double[] layout = size.get().layout(screenWidth > 50 ? screenWidth : 800, screenHeight > 50 ? screenHeight
                : 500);
        BufferedImage image = ChartImages.render(spec, caption, layout[0], layout[1], layout[2], view);
        write(file, () -> ChartImages.writePng(image, file), image.getWidth() + "×" + image.getHeight());
    }

    public void svg(ChartSpec spec, String caption, double screenWidth, double screenHeight, ViewRange view) {
        dialogs.chooseSaveFile("Export chart as SVG", spec.key() + ".svg", "SVG image", "svg").ifPresent(file -> {
            String document = ChartImages.svg(spec, caption, screenWidth > 50 ? screenWidth : 800,
                    screenHeight > 50 ? screenHeight : 500, view);
            write(file, () -> ChartImages.writeSvg(document, file), "vector");
        });
    }

    public void csv(ChartSpec spec) {
        dialogs.chooseSaveFile("Export chart data as CSV", spec.key() + ".csv", "CSV file", "csv")
                .ifPresent(file -> write(file, () -> ChartImages.writeCsv(spec, file), "data"));
    }

    private void write(Path file, BackgroundTask.ThrowingRunnable work, String what) {
        message.set("Exporting " + file.getFileName() + "…");
        files.execute(BackgroundTask.wrap(work)
                .onSuccess(v -> message.set("Exported " + file.getFileName() + " (" + what + ")"))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the chart", error.getMessage());
                }));
    }
}
