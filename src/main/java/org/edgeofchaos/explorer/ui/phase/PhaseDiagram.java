package org.edgeofchaos.explorer.ui.phase;

import java.util.Optional;

import javafx.collections.ObservableList;
import javafx.scene.Node;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * The phase-diagram tab, built from the window's context like every feature: the live run's epochs, the saved runs
 * for overlays, the export size, and "Train from here" through the controls panel and the window's start action.
 * The shipped map starts loading (on the files executor) as soon as the tab is built.
 */
public final class PhaseDiagram implements FeatureTab {
    public static final String ID = "phase-diagram-tab";
    /** The tab's title. */
    public static final String TITLE = "Phase diagram";

    private final PhaseDiagramViewModel model;
    private final PhaseDiagramView view;

    public PhaseDiagram(ExplorerContext context) {
        ControlsViewModel controls = context.controls();
        PhaseDiagramViewModel.Host host = new PhaseDiagramViewModel.Host() {
            @Override
            public ObservableList<EpochMetrics> liveEpochs() {
                return context.liveModel().epochs();
            }

            @Override
            public Hyperparameters liveStart() {
                RunData run = context.liveModel().runProperty().get();
                return run == null ? null : run.initial();
            }

            @Override
            public void trainFrom(PhaseMapSpec.Cell cell) {
                if (context.live().activeProperty().get()) {
                    context.services().dialogs().showError("A run is in progress",
                            "Stop the current run before starting one from this cell.");
                    return;
                }
                RunRequest current = controls.request();
                double j = clamp(cell.j(), controls.initJ().min(), controls.initJ().max());
                double j0 = clamp(cell.j0(), controls.initJ0().min(), controls.initJ0().max());
                controls.apply(new RunRequest(current.hyperparameters().withInit(j, j0), current.trainSize(),
                        current.resolution()));
                context.startRun().run();
            }
        };
        model = new PhaseDiagramViewModel(host, context.services().files(), context.services().compute(),
                context.services().dialogs(), context.services().phaseMaps(), new PhaseMapComputer(),
                PhaseDiagram::loadShipped);
        view = new PhaseDiagramView(model, context.history().items(), () -> context.exportSize().get());
        // the runs selected in the history (a sweep cell clicked on the Sweeps tab) show their paths here
        context.history().selectedRunsProperty().addListener((obs, o, n) -> model.showSelected(n));
        model.showSelected(context.history().selectedRunsProperty().get());
        model.useShippedMaps(PhaseDiagram::findShipped);
        model.loadShippedMap();
    }

    private static Optional<PhaseMap> findShipped(org.edgeofchaos.explorer.phase.PhaseMapSpec spec) {
        try {
            return ShippedMap.find(spec);
        } catch (PhaseMapFileException e) {
            return Optional.empty(); // an unreadable shipped file: the map is computed instead
        }
    }

    private static Optional<PhaseMap> loadShipped() {
        try {
            return ShippedMap.load();
        } catch (PhaseMapFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return TITLE;
    }

    /** Once the map (shipped, cached or being computed) is on the canvas. */
    @Override
    public void whenShown(Runnable action) {
        view.canvas().whenMapDrawn(action);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public java.util.List<org.edgeofchaos.explorer.ui.presentation.HideableControl> hideableControls() {
        return java.util.stream.Stream.of(
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "phase-toolbar", "toolbar (λmax/distance, overlays, N and grid)", title()),
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "phase-status", "status line (hovered cell, map info)", title()))
                .flatMap(java.util.Optional::stream).toList();
    }

    /** Exports the map, or the inspector's plots while a cell is inspected. */
    @Override
    public void exportFigure() {
        view.exportShown();
    }

    @Override
    public boolean exportsVector() {
        return true;
    }

    /** The map as SVG (the inspector has no vector form). */
    @Override
    public void exportVector() {
        view.exportMapSvg();
    }

    public PhaseDiagramViewModel model() {
        return model;
    }

    public PhaseDiagramView diagramView() {
        return view;
    }

    @Override
    public void shutdown() {
        model.shutdown();
    }
}
