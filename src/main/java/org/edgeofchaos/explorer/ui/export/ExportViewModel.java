package org.edgeofchaos.explorer.ui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.ui.charts.ChartSpec;
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
    private final SimpleObjectProperty<ExportSize> size = new SimpleObjectProperty<>(ExportSize.SCREEN);
    private final SimpleStringProperty message = new SimpleStringProperty("");

    public ExportViewModel(ChartsViewModel charts, TaskExecutor files, DialogService dialogs) {
        this.charts = charts;
        this.files = files;
        this.dialogs = dialogs;
    }

    public ObjectProperty<ExportSize> sizeProperty() {
        return size;
    }

    /** The outcome of the last export, for the status bar. */
    /** Shows a one-off notice in the status bar's message area (e.g. that damaged settings were set aside). */
    public void showNotice(String text) {
        message.set(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Asks for a file, then exports the chart as PNG at the selected size. */
    public void exportPng(String key, double screenWidth, double screenHeight) {
        dialogs.chooseSaveFile("Export chart as PNG", charts.fileStem(key) + ".png", "PNG image", "png")
                .ifPresent(file -> exportPngTo(key, file, screenWidth, screenHeight));
    }

    /** Asks for a file, then exports the chart's data as CSV. */
    public void exportCsv(String key) {
        dialogs.chooseSaveFile("Export chart data as CSV", charts.fileStem(key) + ".csv", "CSV file", "csv")
                .ifPresent(file -> exportCsvTo(key, file));
    }

    /** Renders now (FX thread) and writes in the background. */
    public void exportPngTo(String key, Path file, double screenWidth, double screenHeight) {
        Optional<ChartSpec> spec = charts.chart(key);
        if (spec.isEmpty()) {
            return;
        }
        double[] layout = size.get().layout(screenWidth, screenHeight);
        BufferedImage image;
        try {
            image = ChartImages.render(spec.get(), charts.caption(), layout[0], layout[1], layout[2]);
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
