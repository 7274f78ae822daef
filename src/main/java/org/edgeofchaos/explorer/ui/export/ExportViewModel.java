package org.edgeofchaos.explorer.ui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.live.ChartsViewModel;

/**
 * Exports the shown charts: PNG (rendered on the FX thread, encoded and written atomically on the file executor)
 * and CSV. Failures (e.g. a full disk) become a dialog naming the file and the problem.
 */
public final class ExportViewModel {
    private final ChartsViewModel charts;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final ObjectProperty<ExportSize> size;
    private final StringProperty message;

    /**
     * @param size    the window's export size (shared by every tab)
     * @param message the window's line for the outcome of the last export (shown in the status bar)
     */
    public ExportViewModel(ChartsViewModel charts, TaskExecutor files, DialogService dialogs,
            ObjectProperty<ExportSize> size, StringProperty message) {
        this.charts = charts;
        this.files = files;
        this.dialogs = dialogs;
        this.size = size;
        this.message = message;
    }

    public ObjectProperty<ExportSize> sizeProperty() {
        return size;
    }

    /** The outcome of the last export, for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /**
     * Asks for a file, then exports the chart as PNG at the selected size.
     *
     * @param view the zoomed range the chart shows, or null for all its data
     */
    public void exportPng(String key, double screenWidth, double screenHeight, ViewRange view) {
        dialogs.chooseSaveFile("Export chart as PNG", charts.fileStem(key) + ".png", "PNG image", "png")
                .ifPresent(file -> exportPngTo(key, file, screenWidth, screenHeight, view));
    }

    /** Asks for a file, then exports the chart as SVG (vector, for papers) at the size it has on screen. */
    public void exportSvg(String key, double screenWidth, double screenHeight, ViewRange view) {
        dialogs.chooseSaveFile("Export chart as SVG", charts.fileStem(key) + ".svg", "SVG image", "svg")
                .ifPresent(file -> exportSvgTo(key, file, screenWidth, screenHeight, view));
    }

    /** Draws the SVG now and writes it in the background. */
    public void exportSvgTo(String key, Path file, double screenWidth, double screenHeight, ViewRange view) {
        Optional<ChartSpec> spec = charts.chart(key);
        if (spec.isEmpty()) {
            return;
        }
        double w = screenWidth > 50 ? screenWidth : 960;
        double h = screenHeight > 50 ? screenHeight : 600;
        String document = ChartImages.svg(spec.get(), charts.caption(), w, h, view);
        files.execute(BackgroundTask.wrap(() -> ChartImages.writeSvg(document, file))
                .onSuccess(v -> message.set("Exported " + file.getFileName() + " (vector)"))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the chart", error.getMessage());
                }));
    }

    /** Asks for a file, then exports the chart's data as CSV. */
    public void exportCsv(String key) {
        dialogs.chooseSaveFile("Export chart data as CSV", charts.fileStem(key) + ".csv", "CSV file", "csv")
                .ifPresent(file -> exportCsvTo(key, file));
    }

    /** Renders now (FX thread) and writes in the background. */
    public void exportPngTo(String key, Path file, double screenWidth, double screenHeight, ViewRange view) {
        Optional<ChartSpec> spec = charts.chart(key);
        if (spec.isEmpty()) {
            return;
        }
        double[] layout = size.get().layout(screenWidth, screenHeight);
        BufferedImage image;
        try {
            image = ChartImages.render(spec.get(), charts.caption(), layout[0], layout[1], layout[2], view);
        } catch (RuntimeException e) {
            dialogs.showError("Cannot export the chart", "Drawing the chart for " + file.toAbsolutePath()
                    + " failed: " + e.getMessage());
            return;
        }
        message.set("Exporting " + file.getFileName() + "…");
        files.execute(BackgroundTask.wrap(() -> ChartImages.writePng(image, file))
                .onSuccess(v -> message.set("Exported " + file.getFileName() + " (" + image.getWidth() + "×"
                        + image.getHeight() + ")"))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the chart", error.getMessage());
                }));
    }

    public void exportCsvTo(String key, Path file) {
        Optional<ChartSpec> spec = charts.chart(key);
        if (spec.isEmpty()) {
            return;
        }
        ChartSpec data = spec.get();
        files.execute(BackgroundTask.wrap(() -> ChartImages.writeCsv(data, file))
                .onSuccess(v -> message.set("Exported " + file.getFileName()))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the chart data", error.getMessage());
                }));
    }
}
