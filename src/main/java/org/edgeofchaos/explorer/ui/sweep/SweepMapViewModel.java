package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.sweep.SweepCsv;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepMap;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.sweep.SweepParameter;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.charts.Painter;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;

/**
 * The Sweeps tab's state: the open sweep folder (read on the files executor), the metric the map is coloured by,
 * the read-out of the cell under the pointer, and what a click does: the cell's runs go to the charts as saved
 * runs (Ctrl+click adds them to those shown) and the sliders move to the cell's settings.
 */
public final class SweepMapViewModel {
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final RunHistoryViewModel history;
    private final ControlsViewModel controls;
    private final ReadOnlyBooleanProperty runActive;
    private final SimpleObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<SweepStatus> status = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<SweepMetric> metric = new SimpleObjectProperty<>(SweepMetric.FINAL_LAMBDA);
    private final SimpleObjectProperty<SweepMap> map = new SimpleObjectProperty<>();
    private final SimpleStringProperty readout = new SimpleStringProperty("");
    private final SimpleStringProperty summary = new SimpleStringProperty("No sweep open");
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final SimpleBooleanProperty resumable = new SimpleBooleanProperty();
    /** The cell under the pointer, kept so that the read-out follows a cell that fills in while a sweep runs. */
    private int[] hovered;
    private final StringProperty message;

    /**
     * @param runActive while a run trains the sliders are not moved (as for a run chosen in the history)
     * @param message   the status bar's line (outcome of exports)
     */
    public SweepMapViewModel(TaskExecutor files, DialogService dialogs, RunHistoryViewModel history,
            ControlsViewModel controls, ReadOnlyBooleanProperty runActive, StringProperty message) {
        this.files = files;
        this.dialogs = dialogs;
        this.history = history;
        this.controls = controls;
        this.runActive = runActive;
        this.message = message;
        status.addListener((obs, o, n) -> {
            rebuild();
            resumable.set(n != null && n.missing() + n.count(org.edgeofchaos.explorer.sweep.CellState.FAILED) > 0);
        });
        metric.addListener((obs, o, n) -> rebuild());
    }

    private void rebuild() {
        SweepStatus s = status.get();
        map.set(s == null || metric.get() == null ? null : new SweepMap(s, metric.get()));
        hover(hovered);
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder;
    }

    public ReadOnlyObjectProperty<SweepStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<SweepMetric> metricProperty() {
        return metric;
    }

    /** The map to draw, null while no sweep is open. */
    public ReadOnlyObjectProperty<SweepMap> mapProperty() {
        return map;
    }

    /** The cell under the pointer: its settings and the metric's mean and spread over the seeds. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout;
    }

    /** The open sweep in one line: folder, grid, counts. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** The open sweep has runs to train (missing, interrupted or unreadable): Resume is offered. */
    public ReadOnlyBooleanProperty resumableProperty() {
        return resumable;
    }

    /**
     * Shows a status known without reading the folder: the sweep training in this window, updated once per pulse
     * by {@link SweepRunViewModel}.
     */
    void showStatus(Path dir, SweepStatus s) {
        Path normal = dir.toAbsolutePath().normalize();
        if (!normal.equals(folder.get())) {
            hovered = null;
        }
        folder.set(normal);
        status.set(s);
        summary.set(describe(normal, s));
    }

    /** Opens the example sweep shipped in {@code assets/}, if it is found. */
    public void openShipped() {
        ShippedSweep.find().ifPresentOrElse(this::open,
                () -> summary.set("The example sweep assets/" + ShippedSweep.NAME + " was not found; open a sweep "
                        + "folder"));
    }

    /** Asks for a sweep folder (one with a sweep.json) and opens it. */
    public void chooseFolder() {
        dialogs.chooseDirectory("Open a sweep folder (with sweep.json)", folder.get()).ifPresent(this::open);
    }

    /** Reads the folder's spec and every run file on the files executor; a bad folder is one message. */
    public void open(Path dir) {
        loading.set(true);
        files.execute(BackgroundTask.wrap(() -> {
            SweepFolder sweep = new SweepFolder(dir);
            if (!sweep.hasSpec()) {
                throw new IllegalArgumentException(sweep.root() + " is not a sweep folder: it has no "
                        + SweepFolder.SPEC_FILE);
            }
            return SweepStatus.read(sweep);
        }).onSuccess(s -> showStatus(dir, s)).onFailure(e -> dialogs.showError("Cannot open the sweep", e.getMessage()))
                .onFinished(() -> loading.set(false)));
    }

    /** Reads the open folder again (cells computed since). */
    public void reload() {
        if (folder.get() != null) {
            open(folder.get());
        }
    }

    private static String describe(Path dir, SweepStatus s) {
        SweepSpec spec = s.spec();
        String grid = spec.xSize() + (spec.y() == null ? "" : " × " + spec.ySize());
        int toTrain = s.missing() + s.count(org.edgeofchaos.explorer.sweep.CellState.FAILED);
        int running = s.count(org.edgeofchaos.explorer.sweep.CellState.RUNNING);
        return String.format(Locale.ROOT, "%s: %s cells × %d seed%s, %d of %d runs done%s%s%s%s",
                dir.getFileName(), grid, spec.seeds(), spec.seeds() == 1 ? "" : "s", s.complete(),
                s.rows().size(), s.count(org.edgeofchaos.explorer.sweep.CellState.DIVERGED) > 0
                        ? ", " + s.count(org.edgeofchaos.explorer.sweep.CellState.DIVERGED) + " diverged" : "",
                s.count(org.edgeofchaos.explorer.sweep.CellState.FAILED) > 0
                        ? ", " + s.count(org.edgeofchaos.explorer.sweep.CellState.FAILED) + " unreadable" : "",
                running > 0 ? ", " + running + " training" : "",
                toTrain > 0 && running == 0 ? " (" + toTrain + " to train: Resume)" : "");
    }

    /** The pointer is over cell (column, row); null: outside the cells. */
    public void hover(int[] cell) {
        hovered = cell;
        SweepMap m = map.get();
        if (m == null || cell == null) {
            readout.set("");
            return;
        }
        readout.set(describeCell(m, cell[0], cell[1]));
    }

    static String describeCell(SweepMap m, int column, int row) {
        SweepSpec spec = m.spec();
        SweepStatus.Cell cell = m.cell(column, row);
        StringBuilder b = new StringBuilder();
        b.append(setting(spec.x().parameter(), cell.xValue()));
        if (spec.y() != null) {
            b.append(", ").append(setting(spec.y().parameter(), cell.yValue()));
        }
        b.append(": ").append(m.metric().title()).append(' ');
        SweepStatus.Stats st = cell.stats(m.metric());
        if (st.count() == 0) {
            b.append("not available");
        } else if (st.count() == 1) {
            b.append(SweepMapPainter.format(m.metric(), st.mean())).append(" (1 seed)");
        } else {
            b.append(SweepMapPainter.format(m.metric(), st.mean())).append(" ± ")
                    .append(SweepMapPainter.format(m.metric(), st.std())).append(" (sd over ").append(st.count())
                    .append(" seeds, ").append(SweepMapPainter.format(m.metric(), st.min())).append(" to ")
                    .append(SweepMapPainter.format(m.metric(), st.max())).append(')');
        }
        if (cell.diverged() > 0) {
            b.append("; ").append(cell.diverged()).append(" of ").append(cell.seeds()).append(" diverged");
        }
        if (!cell.complete()) {
            if (cell.running() > 0 && cell.seeds() == 1) {
                b.append(String.format(Locale.ROOT, "; training, epoch %d of %d done",
                        Math.round(cell.progress() * spec.fixed().epochs()), spec.fixed().epochs()));
            } else {
                b.append(String.format(Locale.ROOT, "; %d of %d seeds done%s, %.0f%% trained", cell.done(),
                        cell.seeds(), cell.running() > 0 ? " (" + cell.running() + " training)" : "",
                        100 * cell.progress()));
            }
        }
        if (m.hasIsoLines() && spec.fixed().weightDecay() == 0) {
            double e = m.predictedEdgeEpochs(column, row);
            if (Double.isFinite(e)) {
                b.append(String.format(Locale.ROOT, "; scaling law: edge after %.3g epochs", e));
            }
        }
        return b.toString();
    }

    private static String setting(SweepParameter p, double v) {
        return p.symbol() + " = " + p.format(v);
    }

    /**
     * The user clicked cell (column, row): its readable runs (one per seed) are shown in the charts, added to those
     * shown if {@code overlay}; the sliders move to the cell's settings unless a run is training.
     */
    public void click(int[] cell, boolean overlay) {
        SweepStatus s = status.get();
        if (s == null || cell == null) {
            return;
        }
        SweepSpec spec = s.spec();
        int index = cell[1] * spec.xSize() + cell[0];
        List<RunRecord> runs = new ArrayList<>();
        for (SweepStatus.Row row : s.rows()) {
            if (row.cell() == index && row.record() != null) {
                runs.add(row.record());
            }
        }
        if (runs.isEmpty()) {
            message.set("This cell has no run yet: the sliders show its settings");
        } else {
            List<RunRecord> shown = new ArrayList<>(overlay ? history.selectedRunsProperty().get() : List.of());
            for (RunRecord r : runs) {
                if (!shown.contains(r)) {
                    shown.add(r);
                }
            }
            history.show(shown);
            message.set((overlay ? "Added " : "Showing ") + describeCell(map.get(), cell[0],
                    cell[1]));
        }
        if (!runActive.get()) {
            // the first seed's own settings: its derived seed (not the sweep's), so Start retrains that very run
            controls.apply(new RunRequest(spec.hyperparameters(spec.run(index, 0)), spec.data().trainSize(),
                    spec.data().resolution()));
        }
    }

    /** The map as PNG or SVG, written on the files executor after asking where. */
    public void export(boolean svg, int width, int height) {
        if (map.get() == null) {
            dialogs.showError("Nothing to export", "Open a sweep folder first.");
            return;
        }
        String ext = svg ? "svg" : "png";
        dialogs.chooseSaveFile("Export the sweep map as " + ext.toUpperCase(Locale.ROOT), stem() + "." + ext,
                svg ? "SVG image" : "PNG image", ext).ifPresent(file -> exportTo(svg, width, height, file));
    }

    public void exportTo(boolean svg, int width, int height, Path file) {
        SweepMap m = map.get();
        if (m == null) {
            return;
        }
        Painter painter = (g, w, h) -> SweepMapPainter.paint(g, m, (int) Math.round(w), (int) Math.round(h));
        ChartImages.writeInBackground(files, dialogs, message::set, painter, svg, width, height, 2, file);
    }

    /** One CSV row per run (cell, seed, settings, state, metrics), after asking where. */
    public void exportCsv() {
        if (status.get() == null) {
            dialogs.showError("Nothing to export", "Open a sweep folder first.");
            return;
        }
        dialogs.chooseSaveFile("Export the sweep's runs as CSV", stem() + ".csv", "CSV table", "csv")
                .ifPresent(this::exportCsvTo);
    }

    public void exportCsvTo(Path file) {
        SweepStatus s = status.get();
        if (s == null) {
            return;
        }
        files.execute(BackgroundTask.wrap(() -> SweepCsv.write(s, file))
                .onSuccess(v -> message.set("Saved " + file))
                .onFailure(e -> dialogs.showError("Export failed", "Could not write " + file + ": "
                        + e.getMessage())));
    }

    private String stem() {
        Path f = folder.get();
        String name = f == null || f.getFileName() == null ? "sweep" : f.getFileName().toString();
        return name + "-" + metric.get().key();
    }
}
