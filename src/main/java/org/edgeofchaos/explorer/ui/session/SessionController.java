package org.edgeofchaos.explorer.ui.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

import com.fasterxml.jackson.databind.JsonNode;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.session.ExplorerSession;
import org.edgeofchaos.explorer.session.SessionFileException;
import org.edgeofchaos.explorer.session.SessionFiles;
import org.edgeofchaos.explorer.session.SessionPart;
import org.edgeofchaos.explorer.session.SessionParts;
import org.edgeofchaos.explorer.session.SessionPaths;
import org.edgeofchaos.explorer.session.SessionProblems;
import org.edgeofchaos.explorer.session.SessionRuns;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.ui.ExplorerServices;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.live.LiveRunViewModel;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagramViewModel;
import org.edgeofchaos.explorer.ui.presentation.PresentationMode;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;
import org.edgeofchaos.explorer.ui.runs.RunListItem;
import org.edgeofchaos.explorer.ui.sweep.ShippedSweep;
import org.edgeofchaos.explorer.ui.sweep.SweepMapViewModel;

/**
 * File > Open session / Save session: captures what the window shows into an {@link ExplorerSession} and puts one
 * back. Files are read on the files executor (a session and its run files), then applied at once on the FX thread:
 * a malformed session is one error naming the file, line and field and changes nothing; a session whose run files
 * or folders are missing here opens the rest and says which are missing in the window's notification bar.
 */
public final class SessionController {

    /** What the window lends the sessions: its tabs, its data folder and where notices go. */
    public interface Window {
        /** Ids of the window's tabs, in order. */
        List<String> tabIds();

        String selectedTab();

        void selectTab(String id);

        void applyTheme(Theme theme);

        /** The data folder the user chose (File > Open data folder), or null for the bundled data set. */
        Path chosenDataDirectory();

        /** Uses a data folder as if chosen in File > Open data folder; throws with the reason if it is not one. */
        void useDataDirectory(Path folder);

        /** Shows a notice above the work area (problems of an opened session). */
        void notice(String text);

        /** The window's title should name the session now. */
        void sessionChanged(Path file);

        /**
         * Builds the tabs not built yet (the window builds those not in front after its start-up), so that every
         * part of a session file has its feature.
         */
        void completeFeatures();
    }

    private final Window window;
    private final ExplorerServices services;
    private final ControlsViewModel controls;
    private final LiveRunViewModel live;
    private final RunHistoryViewModel history;
    private final ObjectProperty<XAxisMode> xAxis;
    private final PresentationMode presentation;
    private final SessionParts parts;
    private final StringProperty message;
    private final Supplier<Optional<SweepMapViewModel>> sweeps;
    private final Supplier<Optional<PhaseDiagramViewModel>> phase;
    private final SimpleObjectProperty<Path> file = new SimpleObjectProperty<>();
    private Consumer<PhaseMapSpec> pendingInspection;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public SessionController(Window window, ExplorerServices services, ControlsViewModel controls,
            LiveRunViewModel live, RunHistoryViewModel history, ObjectProperty<XAxisMode> xAxis,
            PresentationMode presentation, SessionParts parts, StringProperty message,
            Supplier<Optional<SweepMapViewModel>> sweeps, Supplier<Optional<PhaseDiagramViewModel>> phase) {
        this.window = window;
        this.services = services;
        this.controls = controls;
        this.live = live;
        this.history = history;
        this.xAxis = xAxis;
        this.presentation = presentation;
        this.parts = parts;
        this.message = message;
        this.sweeps = sweeps;
        this.phase = phase;
    }

    /** The session file last opened or saved (Save session writes there), or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    // ---- saving ----

    /** What the window shows now. */
    public ExplorerSession capture() {
        window.completeFeatures();
        RunRequest r = controls.request();
        ExplorerSession.Settings settings = new ExplorerSession.Settings(r.hyperparameters(), r.trainSize(),
                r.resolution(), window.chosenDataDirectory());
        ExplorerSession.View view = new ExplorerSession.View(window.selectedTab(), xAxis.get().name(),
                Theme.current().name(), presentation.isActive(), presentation.hidden());
        ExplorerSession.Sweep sweep = sweeps.get().map(SweepMapViewModel::folderProperty)
                .map(ReadOnlyObjectProperty::get).map(folder -> {
                    String metric = sweeps.get().get().metricProperty().get().name();
                    boolean shipped = ShippedSweep.find().map(folder::equals).orElse(false);
                    return new ExplorerSession.Sweep(shipped ? null : folder, shipped, metric);
                }).orElse(null);
        ExplorerSession.PhaseView phaseView = phase.get().flatMap(p -> {
            PhaseMapSpec spec = p.shownSpecProperty().get();
            if (spec == null) {
                return Optional.empty();
            }
            Integer cell = p.inspectorProperty().get() == null ? null : p.inspectorProperty().get().cell().index();
            List<Path> overlays = p.overlays().stream().map(this::fileOf).flatMap(Optional::stream).toList();
            return Optional.of(new ExplorerSession.PhaseView(spec.n(), spec.columns(), spec.rows(),
                    p.quantityProperty().get().name(), cell, overlays));
        }).orElse(null);
        return new ExplorerSession(settings, view, history.selectedFilesProperty().get(), sweep, phaseView,
                Map.of());
    }

    private Optional<Path> fileOf(RunRecord run) {
        return history.items().stream().filter(i -> !i.corrupt() && i.run().id().equals(run.id()))
                .map(RunListItem::file).findFirst();
    }

    /** File > Save session: into the session's file, or asks for one the first time. */
    public void save() {
        if (file.get() == null) {
            saveAs();
        } else {
            saveTo(file.get());
        }
    }

    /** File > Save session as…: the file chooser confirms before replacing a file. */
    public void saveAs() {
        String name = file.get() != null ? file.get().getFileName().toString() : "class" + SessionFiles.SUFFIX;
        services.dialogs().chooseSaveFile("Save the session", name, "Explorer sessions (*.json)", "json")
                .ifPresent(this::saveTo);
    }

    /** Writes the session now (on the files executor); the outcome goes to the status bar. */
    public void saveTo(Path target) {
        ExplorerSession session = capture();
        SessionPaths paths = new SessionPaths(target);
        Map<String, JsonNode> saved = new LinkedHashMap<>();
        for (SessionPart part : parts.all()) {
            JsonNode node = part.save(paths);
            if (node != null) {
                saved.put(part.key(), node);
            }
        }
        services.files().execute(BackgroundTask.wrap(() -> SessionFiles.write(target, session, saved))
                .onSuccess(v -> {
                    file.set(target.toAbsolutePath().normalize());
                    window.sessionChanged(file.get());
                    message.set("Session saved to " + target.toAbsolutePath());
                })
                .onFailure(e -> services.dialogs().showError("Cannot save the session", e.getMessage())));
    }

    // ---- opening ----

    /** File > Open session…. */
    public void chooseAndOpen() {
        services.dialogs().chooseOpenFile("Open a session", "Explorer sessions (*.json)", "*.json")
                .ifPresent(this::open);
    }

    /** What a session and its files gave, read off the FX thread. */
    private record Read(ExplorerSession session, List<SessionRuns.Loaded> runs, List<SessionRuns.Loaded> overlays,
            SessionProblems problems, boolean sweepFound) {
    }

    /**
     * Opens a session file: read in the background, then applied in one go. A running run must be stopped first
     * (its settings are locked).
     */
    public void open(Path source) {
        if (live.activeProperty().get()) {
            services.dialogs().showError("A run is in progress",
                    "Stop the current run before opening a session: it sets the run's settings.");
            return;
        }
        Map<String, List<String>> names = Map.of(
                "view.theme", Arrays.stream(Theme.values()).map(Enum::name).toList(),
                "view.xAxis", Arrays.stream(XAxisMode.values()).map(Enum::name).toList());
        services.files().execute(BackgroundTask.wrap(() -> {
            ExplorerSession session = SessionFiles.read(source, names);
            SessionProblems problems = new SessionProblems();
            List<SessionRuns.Loaded> runs = SessionRuns.read(session.runs(), problems);
            List<Path> overlayFiles = session.phaseMap() == null ? List.of() : session.phaseMap().overlays();
            List<SessionRuns.Loaded> overlays = SessionRuns.read(overlayFiles.stream()
                    .filter(f -> !session.runs().contains(f)).toList(), problems);
            List<SessionRuns.Loaded> all = new ArrayList<>(runs);
            all.addAll(overlays);
            List<SessionRuns.Loaded> overlaid = overlayFiles.stream().flatMap(f -> all.stream()
                    .filter(l -> l.file().equals(f)).findFirst().stream()).toList();
            boolean sweepFound = session.sweep() == null || session.sweep().shipped()
                    || new SweepFolder(session.sweep().folder()).hasSpec();
            return new Read(session, runs, overlaid, problems, sweepFound);
        }).onSuccess(read -> apply(source, read)).onFailure(e -> services.dialogs().showError(
                "Cannot open the session", e instanceof SessionFileException ? e.getMessage()
                        : source.toAbsolutePath() + ": " + e.getMessage())));
    }

    private void apply(Path source, Read read) {
        window.completeFeatures();
        ExplorerSession s = read.session();
        SessionProblems problems = read.problems();
        SessionPaths paths = new SessionPaths(source);
        if (live.activeProperty().get()) {
            services.dialogs().showError("A run is in progress", "Stop the current run before opening a session.");
            return;
        }
        // Parts first (a lesson step may set sliders and choose a tab), then everything as it was on screen.
        for (Map.Entry<String, JsonNode> e : s.parts().entrySet()) {
            Optional<SessionPart> part = parts.get(e.getKey());
            if (part.isPresent()) {
                try {
                    part.get().restore(e.getValue(), paths, problems);
                } catch (RuntimeException ex) {
                    problems.add("the " + e.getKey() + " part cannot be restored (" + ex.getMessage() + ")");
                }
            } else {
                problems.add("this version has no \"" + e.getKey() + "\" feature; that part is skipped");
            }
        }

        ExplorerSession.Settings settings = s.settings();
        controls.apply(new RunRequest(settings.hyperparameters(), settings.trainSize(), settings.resolution()));
        if (settings.dataDirectory() != null) {
            if (!Files.isDirectory(settings.dataDirectory())) {
                problems.missing(settings.dataDirectory(), "data folder");
            } else {
                try {
                    window.useDataDirectory(settings.dataDirectory());
                } catch (RuntimeException e) {
                    problems.add("data folder " + settings.dataDirectory() + " cannot be used (" + e.getMessage()
                            + ")");
                }
            }
        }

        history.show(read.runs().stream().map(SessionRuns.Loaded::run).toList(),
                read.runs().stream().map(SessionRuns.Loaded::file).toList());

        ExplorerSession.Sweep sweep = s.sweep();
        if (sweep != null) {
            sweeps.get().ifPresent(model -> {
                if (sweep.metric() != null) {
                    model.metricProperty().set(SweepMetric.valueOf(sweep.metric()));
                }
                if (sweep.shipped()) {
                    model.openShipped();
                } else if (!read.sweepFound()) {
                    problems.missing(sweep.folder(), "sweep folder");
                } else if (!sweep.folder().equals(model.folderProperty().get())) {
                    model.open(sweep.folder());
                }
            });
        }

        ExplorerSession.PhaseView pv = s.phaseMap();
        if (pv != null) {
            phase.get().ifPresent(model -> restorePhase(model, pv, read.overlays()));
        }

        ExplorerSession.View view = s.view();
        if (view != null) {
            List<String> unknown = presentation.setHidden(view.hiddenControls());
            if (!unknown.isEmpty()) {
                problems.add("hidden controls this window does not have: " + String.join(", ", unknown));
            }
            if (view.xAxis() != null) {
                xAxis.set(XAxisMode.valueOf(view.xAxis()));
            }
            presentation.setActive(false);
            if (view.theme() != null) {
                window.applyTheme(Theme.valueOf(view.theme()));
            }
            presentation.setActive(view.presentation());
            if (view.tab() != null) {
                if (window.tabIds().contains(view.tab())) {
                    window.selectTab(view.tab());
                } else {
                    problems.add("the tab " + view.tab() + " is not in this version");
                }
            }
        }

        file.set(source.toAbsolutePath().normalize());
        window.sessionChanged(file.get());
        message.set("Session opened: " + source.getFileName());
        if (!problems.isEmpty()) {
            window.notice(problems.summary());
        }
    }

    private void restorePhase(PhaseDiagramViewModel model, ExplorerSession.PhaseView pv,
            List<SessionRuns.Loaded> overlays) {
        if (pv.quantity() != null) {
            model.quantityProperty().set(PhaseMap.Quantity.valueOf(pv.quantity()));
        }
        model.overlays().setAll(overlays.stream().map(SessionRuns.Loaded::run).toList());
        PhaseMapSpec shown = model.shownSpecProperty().get();
        boolean same = shown != null && shown.n() == pv.n() && shown.columns() == pv.columns()
                && shown.rows() == pv.rows();
        pendingInspection = null;
        if (pv.inspectedCell() != null) {
            int index = pv.inspectedCell();
            pendingInspection = spec -> {
                PhaseMapSpec.Cell cell = spec.cell(index);
                model.inspect(new double[] {cell.ratio(), cell.inverseJ()});
            };
        } else {
            model.closeInspector();
        }
        if (same) {
            runPendingInspection(shown);
        } else {
            // The map at that N and grid comes from the cache or is computed; the inspector opens once it shows.
            // While the shipped map is still loading, the recomputation waits for it (it may be the one asked for).
            boolean[] requested = {shown != null};
            model.shownSpecProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends PhaseMapSpec> obs, PhaseMapSpec o,
                        PhaseMapSpec n) {
                    if (n != null && n.n() == pv.n() && n.columns() == pv.columns() && n.rows() == pv.rows()) {
                        obs.removeListener(this);
                        runPendingInspection(n);
                    } else if (n != null && !requested[0]) {
                        requested[0] = true;
                        model.recompute(pv.n(), pv.columns(), pv.rows());
                    }
                }
            });
            if (shown != null) {
                model.recompute(pv.n(), pv.columns(), pv.rows());
            }
        }
    }

    private void runPendingInspection(PhaseMapSpec spec) {
        if (pendingInspection != null) {
            Consumer<PhaseMapSpec> p = pendingInspection;
            pendingInspection = null;
            p.accept(spec);
        }
    }
}
