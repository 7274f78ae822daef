package org.edgeofchaos.explorer.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.lessons.LessonRules;
import org.edgeofchaos.explorer.lessons.LessonTab;
import org.edgeofchaos.explorer.lessons.StepAction;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.ui.chaos.LogisticMapViewModel;
import org.edgeofchaos.explorer.ui.chaos.RouteToChaosTab;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.laws.LawsTab;
import org.edgeofchaos.explorer.ui.lessons.LessonHost;
import org.edgeofchaos.explorer.ui.live.TrainingCurvesTab;
import org.edgeofchaos.explorer.ui.phase.CellInspectorViewModel;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagram;
import org.edgeofchaos.explorer.ui.phase.PhaseDiagramViewModel;
import org.edgeofchaos.explorer.ui.sweep.ShippedSweep;
import org.edgeofchaos.explorer.ui.sweep.SweepMapViewModel;
import org.edgeofchaos.explorer.ui.sweep.SweepsTab;

/**
 * Carries out lesson steps on the window, only through the view models the user's own clicks go through: the
 * controls panel, the tabs, the phase diagram's inspector, the Sweeps tab, the logistic map, the run history's
 * selection and the Start action. Each future completes when the result is on screen.
 */
final class WindowLessonHost implements LessonHost {
    private final MainWindow window;
    private final ExplorerServices services;
    private final Runnable start;

    WindowLessonHost(MainWindow window, ExplorerServices services, Runnable start) {
        this.window = window;
        this.services = services;
        this.start = start;
    }

    /**
     * The window's rules for lesson files: the core's, and then each slider's range. Shipped folders are checked
     * by name only: where one is missing on disk (an unusual installation) the step that loads it says so, and the
     * other lessons still open.
     */
    static LessonRules rules(ControlsViewModel controls) {
        return LessonRules.core().withSettings((key, value) -> key.equals(LessonRules.RESOLUTION) ? null
                : controls.setting(key).map(s -> s.problem(value)).orElse(null));
    }

    @Override
    public boolean runActive() {
        return window.liveRun().activeProperty().get();
    }

    @Override
    public CompletableFuture<Void> stopRun() {
        window.liveRun().stop();
        return when(() -> !runActive(), window.liveRun().activeProperty());
    }

    @Override
    public CompletableFuture<Void> perform(StepAction action) {
        try {
            return doPerform(action);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Void> doPerform(StepAction action) {
        if (action instanceof StepAction.SetControls set) {
            return set(set.values());
        }
        if (action instanceof StepAction.SelectTab tab) {
            selectTab(tab.tab());
            return done();
        }
        if (action instanceof StepAction.CloseInspector) {
            phase().closeInspector();
            return done();
        }
        if (action instanceof StepAction.LoadPhaseMap) {
            return shippedMap();
        }
        if (action instanceof StepAction.Inspect cell) {
            return shippedMapOrAny().thenCompose(v -> inspect(cell));
        }
        if (action instanceof StepAction.LoadSweep sweep) {
            return loadSweep(folder(sweep.folder()));
        }
        if (action instanceof StepAction.ColourSweepBy metric) {
            window.feature(SweepsTab.class).model().metricProperty().set(metric.metric());
            return done();
        }
        if (action instanceof StepAction.ShowRuns runs) {
            return showRuns(folder(runs.folder()));
        }
        if (action instanceof StepAction.LogisticR r) {
            LogisticMapViewModel logistic = window.feature(RouteToChaosTab.class).logistic();
            logistic.jumpTo(new LogisticMapViewModel.Landmark("r", "", r.r()));
            return done();
        }
        if (action instanceof StepAction.Train) {
            return train();
        }
        return CompletableFuture.failedFuture(new IllegalArgumentException("unknown action " + action));
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> set(Map<String, Double> values) {
        if (runActive()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "A run is in progress: stop it before this step moves the sliders."));
        }
        ControlsViewModel controls = window.controls();
        controls.setAdjusting(true);
        try {
            values.forEach((key, value) -> {
                if (key.equals(LessonRules.RESOLUTION)) {
                    controls.setResolution(value.intValue());
                } else {
                    controls.setting(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key))
                            .set(value);
                }
            });
        } finally {
            controls.setAdjusting(false);
        }
        return done();
    }

    private void selectTab(LessonTab tab) {
        switch (tab) {
            case CURVES -> window.select(window.feature(TrainingCurvesTab.class));
            case PHASE_DIAGRAM -> window.select(window.feature(PhaseDiagram.class));
            case SWEEPS -> window.select(window.feature(SweepsTab.class));
            case NETWORK_DYNAMICS, LOGISTIC_MAP -> {
                RouteToChaosTab route = window.feature(RouteToChaosTab.class);
                window.select(route);
                route.selectInner(tab == LessonTab.LOGISTIC_MAP ? "logistic-map-tab" : "network-dynamics-tab");
            }
            case GUIDELINE, COLLAPSE, WEIGHT_DECAY -> {
                LawsTab laws = window.feature(LawsTab.class);
                window.select(laws);
                laws.selectInner(switch (tab) {
                    case GUIDELINE -> "guideline-tab";
                    case COLLAPSE -> "collapse-tab";
                    default -> "weight-decay-tab";
                });
            }
        }
    }

    /** The tab a lesson tab names is in front (for tests: "sets what it says"). */
    boolean showing(LessonTab tab) {
        return switch (tab) {
            case CURVES -> window.selected() instanceof TrainingCurvesTab;
            case PHASE_DIAGRAM -> window.selected() instanceof PhaseDiagram;
            case SWEEPS -> window.selected() instanceof SweepsTab;
            case NETWORK_DYNAMICS -> window.selected() instanceof RouteToChaosTab r
                    && r.shownInner().equals("network-dynamics-tab");
            case LOGISTIC_MAP -> window.selected() instanceof RouteToChaosTab r
                    && r.shownInner().equals("logistic-map-tab");
            case GUIDELINE -> window.selected() instanceof LawsTab l && l.shownInner().equals("guideline-tab");
            case COLLAPSE -> window.selected() instanceof LawsTab l && l.shownInner().equals("collapse-tab");
            case WEIGHT_DECAY -> window.selected() instanceof LawsTab l && l.shownInner().equals("weight-decay-tab");
        };
    }

    private PhaseDiagramViewModel phase() {
        return window.feature(PhaseDiagram.class).model();
    }

    /** Shows the shipped map (read again only if another map replaced it). */
    private CompletableFuture<Void> shippedMap() {
        PhaseDiagramViewModel phase = phase();
        if (phase.showingShippedMap()) {
            return done();
        }
        CompletableFuture<Void> shown = when(phase::showingShippedMap, phase.mapProperty());
        if (phase.mapProperty().get() != null) {
            phase.loadShippedMap(); // another map replaced it; with none yet, the tab's own first load is awaited
        }
        return shown;
    }

    /** The shipped map, unless another map is already shown (the teacher's recomputed one is kept). */
    private CompletableFuture<Void> shippedMapOrAny() {
        PhaseDiagramViewModel phase = phase();
        return phase.mapProperty().get() != null ? done() : when(() -> phase.mapProperty().get() != null,
                phase.mapProperty());
    }

    private CompletableFuture<Void> inspect(StepAction.Inspect cell) {
        PhaseDiagramViewModel phase = phase();
        if (!phase.inspect(new double[] {cell.j0OverJ(), cell.oneOverJ()})) {
            return CompletableFuture.failedFuture(new IllegalStateException("The cell (J0/J = " + cell.j0OverJ()
                    + ", 1/J = " + cell.oneOverJ() + ") is outside the map shown."));
        }
        CellInspectorViewModel inspector = phase.inspectorProperty().get();
        return when(() -> !inspector.loadingProperty().get(), inspector.loadingProperty());
    }

    private Path folder(StepAction.Folder folder) {
        if (!folder.shipped()) {
            return folder.path();
        }
        return ShippedSweep.findFolder(folder.shippedName()).orElseThrow(() -> new IllegalStateException(
                "The shipped folder assets/" + folder.shippedName() + " was not found next to the application."));
    }

    private CompletableFuture<Void> loadSweep(Path dir) {
        SweepMapViewModel sweeps = window.feature(SweepsTab.class).model();
        CompletableFuture<Void> result = new CompletableFuture<>();
        Path wanted = dir.toAbsolutePath().normalize();
        CompletableFuture<Void> loaded = sweeps.folderProperty().get() != null
                && sweeps.folderProperty().get().equals(wanted) && sweeps.statusProperty().get() != null
                && !sweeps.loadingProperty().get() ? done() : when(() -> !sweeps.loadingProperty().get()
                        && wanted.equals(sweeps.folderProperty().get()), sweeps.loadingProperty(),
                        sweeps.folderProperty());
        if (!loaded.isDone()) {
            sweeps.open(dir);
            // a folder that fails to open ends the wait with the reason (the dialog has told the user)
            when(() -> !sweeps.loadingProperty().get(), sweeps.loadingProperty()).thenRun(() -> {
                if (!wanted.equals(sweeps.folderProperty().get())) {
                    result.completeExceptionally(new IllegalStateException("The sweep " + dir
                            + " could not be opened."));
                }
            });
        }
        loaded.thenRun(() -> {
            SweepStatus status = sweeps.statusProperty().get();
            List<RunRecord> runs = status.rows().stream().map(SweepStatus.Row::record)
                    .filter(java.util.Objects::nonNull).toList();
            window.history().show(runs);
            result.complete(null);
        });
        return result;
    }

    private CompletableFuture<Void> showRuns(Path dir) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        services.files().execute(BackgroundTask.wrap(() -> new RunStore(dir).list().stream()
                        .filter(RunStore.Entry::readable).map(RunStore.Entry::run).toList())
                .onSuccess(runs -> {
                    if (runs.isEmpty()) {
                        result.completeExceptionally(new IllegalStateException("The folder " + dir
                                + " holds no readable run files."));
                        return;
                    }
                    window.history().show(runs);
                    result.complete(null);
                })
                .onFailure(e -> result.completeExceptionally(new IllegalStateException("The runs in " + dir
                        + " cannot be read: " + e.getMessage()))));
        return result;
    }

    private CompletableFuture<Void> train() {
        window.history().select(List.of()); // the charts follow the live run again
        start.run();
        if (!runActive()) {
            return CompletableFuture.failedFuture(new IllegalStateException("The run did not start: "
                    + window.controls().firstError()));
        }
        return when(() -> !runActive(), window.liveRun().activeProperty()).thenCompose(v -> {
            String status = window.liveRun().statusTextProperty().get();
            return status.startsWith("Could not run") ? CompletableFuture.failedFuture(
                    new IllegalStateException(status)) : done();
        });
    }

    /** Completes (on the FX thread) once {@code condition} holds; checked now and whenever a dependency changes. */
    static CompletableFuture<Void> when(BooleanSupplier condition, ObservableValue<?>... dependencies) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (condition.getAsBoolean()) {
            f.complete(null);
            return f;
        }
        ChangeListener<Object> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<?> o, Object a, Object b) {
                if (!f.isDone() && condition.getAsBoolean()) {
                    for (ObservableValue<?> d : dependencies) {
                        d.removeListener(this);
                    }
                    f.complete(null);
                }
            }
        };
        for (ObservableValue<?> d : dependencies) {
            d.addListener(listener);
        }
        return f;
    }
}
