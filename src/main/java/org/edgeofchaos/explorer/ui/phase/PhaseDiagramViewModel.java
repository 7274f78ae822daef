package org.edgeofchaos.explorer.ui.phase;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.export.ChartImages;

/**
 * The phase diagram: which map is shown (the shipped one, or a recomputation at another N or grid filling in on
 * the background computer and cached on disk), lambda_max or distance, the live run's path and overlaid saved runs,
 * the hovered cell's values and the inspected cell.
 *
 * <p>Threading: everything here is called on the FX thread. Workers only set a flag; {@link #poll()} (called by the
 * view once per frame) turns it into one new {@link #pictureProperty() picture}, so thousands of computed cells
 * cost one redraw per frame.
 */
public final class PhaseDiagramViewModel {
    /** The sizes offered for a recomputation. */
    public static final List<Integer> SIZES = List.of(100, 200, 400, 784, 1000);
    public static final List<Integer> GRIDS = List.of(25, 50, 100, 150);

    /** How the window reaches the rest of the application. */
    public interface Host {
        /** Finished epochs of the live run (FX thread), cleared when a run starts. */
        ObservableList<EpochMetrics> liveEpochs();

        /** Initial hyperparameters of the live run, or null when none ran. */
        Hyperparameters liveStart();

        /** Puts the cell's (J, J0) into the panel and starts a run with the panel's other settings. */
        void trainFrom(PhaseMapSpec.Cell cell);
    }

    private final Host host;
    private final TaskExecutor files;
    private final TaskExecutor inspectorExecutor;
    private final DialogService dialogs;
    private final PhaseMapCache cache;
    private final PhaseMapComputer computer;
    private final Supplier<Optional<PhaseMap>> shipped;
    private final AtomicBoolean cellsArrived = new AtomicBoolean();

    private final SimpleObjectProperty<PhaseMap> map = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<PhaseMapSpec> shownSpec = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<PhaseMap.Quantity> quantity =
            new SimpleObjectProperty<>(PhaseMap.Quantity.LAMBDA_MAX);
    private final SimpleObjectProperty<PhasePicture> picture = new SimpleObjectProperty<>();
    private final SimpleStringProperty hoverText = new SimpleStringProperty("");
    private final SimpleStringProperty mapInfo = new SimpleStringProperty("Loading the phase map…");
    private final SimpleStringProperty currentText = new SimpleStringProperty("");
    private final SimpleBooleanProperty computing = new SimpleBooleanProperty(false);
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(0);
    private final SimpleStringProperty progressText = new SimpleStringProperty("");
    private final SimpleIntegerProperty hoverCell = new SimpleIntegerProperty(-1);
    private final SimpleObjectProperty<CellInspectorViewModel> inspector = new SimpleObjectProperty<>();
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final ObservableList<RunRecord> overlays = FXCollections.observableArrayList();
    /** The saved runs selected in the history (a clicked sweep cell's runs): their paths are drawn too. */
    private List<RunRecord> selected = List.of();
    private PhaseMap shippedMap;
    private Function<PhaseMapSpec, Optional<PhaseMap>> otherShipped = spec -> Optional.empty();
    private PhaseMapComputer.Job job;
    private long pictureVersion = -1;

    /**
     * @param files             file work (loading maps, writing images)
     * @param inspectorExecutor trajectories of an inspected cell
     * @param shipped           loads the shipped map (called on the files executor)
     */
    public PhaseDiagramViewModel(Host host, TaskExecutor files, TaskExecutor inspectorExecutor,
            DialogService dialogs, PhaseMapCache cache, PhaseMapComputer computer,
            Supplier<Optional<PhaseMap>> shipped) {
        this.host = host;
        this.files = files;
        this.inspectorExecutor = inspectorExecutor;
        this.dialogs = dialogs;
        this.cache = cache;
        this.computer = computer;
        this.shipped = shipped;
        quantity.addListener((obs, o, n) -> refreshPicture());
        map.addListener((obs, o, n) -> shownSpec.set(n == null ? null : n.spec()));
        overlays.addListener((ListChangeListener<RunRecord>) c -> refreshPicture());
        host.liveEpochs().addListener((ListChangeListener<EpochMetrics>) c -> refreshPicture());
    }

    // ---- loading and recomputing ----

    /** Loads the shipped map in the background; without one, computes a small map (N = 100, 40 x 40). */
    public void loadShippedMap() {
        files.execute(BackgroundTask.wrap(() -> shipped.get())
                .onSuccess(found -> {
                    if (found.isPresent()) {
                        shippedMap = found.get();
                        show(shippedMap, "shipped map");
                    } else {
                        mapInfo.set("No shipped map found: computing a small one");
                        recompute(100, 40, 40);
                    }
                })
                .onFailure(error -> {
                    mapInfo.set("The shipped map cannot be read");
                    dialogs.showError("Cannot read the shipped phase map", error.getMessage());
                    recompute(100, 40, 40);
                }));
    }

    /**
     * Where to look for other shipped maps (read on the files executor): a recomputation whose parameters one of them
     * has exactly shows it instead of computing.
     */
    public void useShippedMaps(Function<PhaseMapSpec, Optional<PhaseMap>> lookup) {
        this.otherShipped = java.util.Objects.requireNonNull(lookup, "lookup");
    }

    /** Whether the map shown is the shipped one (loaded and not replaced by a recomputed map). */
    public boolean showingShippedMap() {
        return shippedMap != null && map.get() == shippedMap;
    }

    /** Shows a map that is already computed (or being computed elsewhere). */
    public void show(PhaseMap value, String origin) {
        map.set(value);
        PhaseMapSpec s = value.spec();
        mapInfo.set(String.format(Locale.ROOT, "%s: N = %d, %d×%d cells, %d steps, seed %d", origin, s.n(),
                s.columns(), s.rows(), s.steps(), s.seed()));
        inspector.set(null);
        refreshPicture();
    }

    /**
     * Recomputes the map at another N or grid (same ranges, steps and seed as the shown map): the cached cells are
     * shown at once, the missing ones fill in on the background computer, checkpointed into the cache.
     */
    public void recompute(int n, int columns, int rows) {
        PhaseMapSpec base = map.get() != null ? map.get().spec() : PhaseMapSpec.defaults();
        PhaseMapSpec spec;
        try {
            spec = base.withSize(n, columns, rows);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        cancelRecompute();
        if (shippedMap != null && shippedMap.spec().equals(spec)) {
            show(shippedMap, "shipped map");
            return;
        }
        computing.set(true);
        progressText.set("Opening the cache…");
        files.execute(BackgroundTask.wrap(() -> open(spec))
                .onSuccess(opened -> {
                    PhaseMapCache.Lookup lookup = opened.lookup();
                    show(lookup.map(), opened.origin());
                    if (lookup.problem() != null) {
                        message.set("Cache file ignored: " + lookup.problem());
                    }
                    startJob(lookup); // a complete map (a shipped or fully cached one) starts no computation
                })
                .onFailure(error -> {
                    computing.set(false);
                    dialogs.showError("Cannot open the phase-map cache", error.getMessage());
                }));
    }

    /** A map to show for a recomputation, and where it came from (for the map info line). */
    private record Opened(PhaseMapCache.Lookup lookup, String origin) {
    }

    /**
     * Another shipped map (N = 1000) with exactly these parameters, else the cache's map for them. A shipped map is
     * complete, so it needs no cache file. Files executor.
     */
    private Opened open(PhaseMapSpec spec) {
        Optional<PhaseMap> other = otherShipped.apply(spec);
        if (other.isPresent()) {
            return new Opened(new PhaseMapCache.Lookup(other.get(), null, null), "shipped map");
        }
        PhaseMapCache.Lookup lookup = cache.load(spec);
        return new Opened(lookup, lookup.map().isComplete() ? "cached map" : "computing");
    }

    private void startJob(PhaseMapCache.Lookup lookup) {
        PhaseMap target = lookup.map();
        updateProgress(target);
        if (target.isComplete()) {
            computing.set(false);
            progressText.set("");
            return;
        }
        job = computer.start(target, PhaseMapComputer.Checkpoint.to(lookup.file()), new PhaseMapComputer.Listener() {
            @Override
            public void cellComputed(int index, int computed, int total) {
                cellsArrived.set(true);
            }

            @Override
            public void finished(PhaseMapComputer.Result result) {
                files.runOnUi(() -> jobFinished(target, result));
            }
        });
    }

    private void jobFinished(PhaseMap target, PhaseMapComputer.Result result) {
        if (map.get() != target) {
            return; // a newer recomputation replaced this one
        }
        job = null;
        computing.set(false);
        cellsArrived.set(true);
        poll();
        switch (result.status()) {
            case COMPLETED -> {
                progressText.set(String.format(Locale.ROOT, "Done: %d cells in %s", result.computedByJob(),
                        Formats.duration(result.seconds())));
                show(target, "computed map");
            }
            case CANCELLED -> progressText.set(String.format(Locale.ROOT,
                    "Cancelled: %d of %d cells computed, kept in the cache", result.computed(), result.total()));
            case FAILED -> {
                progressText.set("Failed");
                dialogs.showError("Cannot compute the phase map", String.valueOf(result.failure().getMessage()));
            }
            default -> throw new IllegalStateException();
        }
        if (result.checkpointError() != null) {
            message.set("The cache could not be written: " + result.checkpointError().getMessage());
        }
    }

    /** Stops a recomputation; its cells stay in the map and in the cache. */
    public void cancelRecompute() {
        if (job != null) {
            job.cancel();
        }
    }

    /**
     * Applies what the workers computed since the last frame: one new picture at most. Called by the view every
     * frame while computing.
     */
    public void poll() {
        if (cellsArrived.getAndSet(false) && map.get() != null) {
            updateProgress(map.get());
            refreshPicture();
        }
    }

    private void updateProgress(PhaseMap target) {
        int done = target.computedCount();
        int total = target.spec().cellCount();
        progress.set((double) done / total);
        progressText.set(String.format(Locale.ROOT, "%d / %d cells (%s)", done, total,
                Formats.percent((double) done / total)));
    }

    // ---- pointer ----

    /** The pointer is at (x = J0/J, y = 1/J), or outside the map when {@code data} is null. */
    public void hover(double[] data) {
        PhaseMap m = map.get();
        int index = data == null || m == null ? -1 : m.spec().cellAt(data[0], data[1]);
        hoverCell.set(index);
        if (index < 0) {
            hoverText.set("");
            return;
        }
        PhaseMapSpec.Cell c = m.spec().cell(index);
        hoverText.set(String.format(Locale.ROOT, "J0/J = %s, 1/J = %s   →   J0 = %s, J = %s   ·   λmax = %s   ·   "
                        + "distance = %s", Formats.fixed(c.ratio(), 3), Formats.fixed(c.inverseJ(), 3),
                Formats.fixed(c.j0(), 3), Formats.fixed(c.j(), 3), valueText(m.lambdaMax(index), 4),
                m.isComputed(index) ? Formats.number(m.distance(index)) : "not computed yet"));
    }

    /** Opens the inspector for the cell at (x, y); returns false outside the map. */
    public boolean inspect(double[] data) {
        PhaseMap m = map.get();
        int index = data == null || m == null ? -1 : m.spec().cellAt(data[0], data[1]);
        if (index < 0) {
            return false;
        }
        inspector.set(new CellInspectorViewModel(m.spec(), index, m.lambdaMax(index), m.distance(index),
                inspectorExecutor, host::trainFrom));
        refreshPicture();
        return true;
    }

    public void closeInspector() {
        inspector.set(null);
        refreshPicture();
    }

    // ---- overlays ----

    /** Adds a saved run's path to the map, or removes it when it is shown already. */
    public void toggleOverlay(RunRecord run) {
        Optional<RunRecord> shown = overlays.stream().filter(r -> r.id().equals(run.id())).findFirst();
        if (shown.isPresent()) {
            overlays.remove(shown.get());
        } else {
            overlays.add(run);
        }
    }

    public boolean isOverlaid(RunRecord run) {
        return overlays.stream().anyMatch(r -> r.id().equals(run.id()));
    }

    public ObservableList<RunRecord> overlays() {
        return overlays;
    }

    /**
     * Draws the paths of the runs selected in the run history (or a clicked sweep cell), beside the overlays chosen
     * here; an empty list removes them.
     */
    public void showSelected(List<RunRecord> runs) {
        selected = runs == null ? List.of() : List.copyOf(runs);
        refreshPicture();
    }

    // ---- the picture ----

    /** The live run's path (start point and one point per finished epoch). */
    public List<TrainingPath.Point> livePath() {
        List<EpochMetrics> epochs = host.liveEpochs();
        if (epochs.isEmpty()) {
            return List.of();
        }
        return TrainingPath.of(host.liveStart(), epochs);
    }

    private void refreshPicture() {
        PhaseMap m = map.get();
        if (m == null) {
            return;
        }
        PhaseMap.Snapshot snapshot = m.snapshot();
        List<PathLayer> layers = new ArrayList<>();
        for (RunRecord run : overlays) {
            layers.add(new PathLayer(run.id(), TrainingPath.of(run), false));
        }
        for (RunRecord run : selected) {
            if (!run.epochs().isEmpty() && overlays.stream().noneMatch(o -> o.id().equals(run.id()))) {
                layers.add(new PathLayer(run.id(), TrainingPath.of(run), false));
            }
        }
        List<TrainingPath.Point> live = livePath();
        String current = "";
        if (!live.isEmpty()) {
            layers.add(new PathLayer("live run", live, true));
            TrainingPath.Point last = live.get(live.size() - 1);
            int index = m.spec().cellAt(last.ratio(), last.inverseJ());
            String mapValue = index < 0 ? "outside the map" : valueText(snapshot.lambdaMax(index), 3);
            current = "epoch " + last.epoch() + ": λmax run " + valueText(last.lambdaMax(), 3) + " · map "
                    + mapValue;
        }
        currentText.set(current);
        CellInspectorViewModel open = inspector.get();
        PhaseMapSpec s = m.spec();
        String title = title(s, quantity.get());
        picture.set(new PhasePicture(snapshot, quantity.get(), EdgeCurve.points(s.xMin(), s.xMax()), layers, title,
                current, open != null && open.spec().equals(s) ? open.cell().index() : -1));
        pictureVersion = snapshot.version();
    }

    /** Title of the map: quantity and parameters. */
    public static String title(PhaseMapSpec s, PhaseMap.Quantity q) {
        return String.format(Locale.ROOT, "%s of random tanh networks · N = %d · %d×%d · %d steps",
                q == PhaseMap.Quantity.LAMBDA_MAX ? "λmax" : "Asymptotic distance", s.n(), s.columns(), s.rows(),
                s.steps());
    }

    private static String valueText(double v, int decimals) {
        return Double.isNaN(v) ? "–" : Formats.fixed(v, decimals);
    }

    // ---- export ----

    /** Asks for a PNG file name. */
    public Optional<Path> choosePng(String stem) {
        return dialogs.chooseSaveFile("Export as PNG", stem + ".png", "PNG image", "png");
    }

    /** Writes a rendered image on the files executor; the outcome goes to {@link #messageProperty()}. */
    public void writePng(BufferedImage image, Path file) {
        message.set("Exporting " + file.getFileName() + "…");
        files.execute(BackgroundTask.wrap(() -> ChartImages.writePng(image, file))
                .onSuccess(v -> message.set("Exported " + file.getFileName() + " (" + image.getWidth() + "×"
                        + image.getHeight() + ")"))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the image", error.getMessage());
                }));
    }

    /** Asks for an SVG file name. */
    public Optional<Path> chooseSvg(String stem) {
        return dialogs.chooseSaveFile("Export as SVG", stem + ".svg", "SVG image", "svg");
    }

    /** Writes an SVG document on the files executor; the outcome goes to {@link #messageProperty()}. */
    public void writeSvg(String document, Path file) {
        message.set("Exporting " + file.getFileName() + "…");
        files.execute(BackgroundTask.wrap(() -> ChartImages.writeSvg(document, file))
                .onSuccess(v -> message.set("Exported " + file.getFileName() + " (vector)"))
                .onFailure(error -> {
                    message.set("Export failed");
                    dialogs.showError("Cannot export the image", error.getMessage());
                }));
    }

    /** Stops a computation; called when the window closes. */
    public void shutdown() {
        cancelRecompute();
        computer.close();
    }

    // ---- properties ----

    /** What the map on screen was computed from (N, grid), or null before one is shown. */
    public ReadOnlyObjectProperty<PhaseMapSpec> shownSpecProperty() {
        return shownSpec;
    }

    public ReadOnlyObjectProperty<PhaseMap> mapProperty() {
        return map;
    }

    public ObjectProperty<PhaseMap.Quantity> quantityProperty() {
        return quantity;
    }

    public ReadOnlyObjectProperty<PhasePicture> pictureProperty() {
        return picture;
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText;
    }

    public ReadOnlyIntegerProperty hoverCellProperty() {
        return hoverCell;
    }

    public ReadOnlyStringProperty mapInfoProperty() {
        return mapInfo;
    }

    /** The live run's epoch, its lambda_max and the map's value at its point. */
    public ReadOnlyStringProperty currentTextProperty() {
        return currentText;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyObjectProperty<CellInspectorViewModel> inspectorProperty() {
        return inspector;
    }

    /** Outcome of the last export or cache problem, for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    long pictureVersion() {
        return pictureVersion;
    }
}
