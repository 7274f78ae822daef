package org.edgeofchaos.explorer.ui.phase;

import java.lang.System.Logger.Level;
import java.util.Optional;

import javafx.animation.AnimationTimer;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.WindowEvent;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.phase.PhaseMapComputer;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.ExplorerServices;
import org.edgeofchaos.explorer.ui.MainWindow;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.FxTaskExecutor;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * Puts the phase diagram into the main window's phase-diagram tab and connects it: the live run's epochs, the saved
 * runs for overlays, the export size, "Train from here" through the controls panel and the window's start action.
 * The shipped map is loaded in the background at once; the time until it is on screen is logged (INFO,
 * {@code org.edgeofchaos.explorer.ui.phase}).
 */
public final class PhaseDiagram {
    private static final System.Logger LOG = System.getLogger("org.edgeofchaos.explorer.ui.phase");

    private final PhaseDiagramViewModel model;
    private final PhaseDiagramView view;
    private final FxTaskExecutor inspectorExecutor = new FxTaskExecutor("eoc-phase-inspector");
    private volatile double firstMapMillis = Double.NaN;

    private PhaseDiagram(MainWindow window, TaskExecutor files, DialogService dialogs, PhaseMapCache cache) {
        ControlsViewModel controls = window.controls();
        PhaseDiagramViewModel.Host host = new PhaseDiagramViewModel.Host() {
            @Override
            public ObservableList<EpochMetrics> liveEpochs() {
                return window.liveRun().epochs();
            }

            @Override
            public Hyperparameters liveStart() {
                RunData run = window.liveRun().runProperty().get();
                return run == null ? null : run.initial();
            }

            @Override
            public void trainFrom(PhaseMapSpec.Cell cell) {
                if (window.liveRun().activeProperty().get()) {
                    dialogs.showError("A run is in progress",
                            "Stop the current run before starting one from this cell.");
                    return;
                }
                RunRequest current = controls.request();
                double j = clamp(cell.j(), controls.initJ().min(), controls.initJ().max());
                double j0 = clamp(cell.j0(), controls.initJ0().min(), controls.initJ0().max());
                controls.apply(new RunRequest(current.hyperparameters().withInit(j, j0), current.trainSize(),
                        current.resolution()));
                window.start();
            }
        };
        model = new PhaseDiagramViewModel(host, files, inspectorExecutor, dialogs, cache,
                new PhaseMapComputer(), PhaseDiagram::loadShipped);
        view = new PhaseDiagramView(model, window.history().items(), () -> window.export().sizeProperty().get());
        window.setPhaseDiagramView(view);
    }

    /** Installs the phase diagram with the per-user cache, shows its tab and starts loading the shipped map. */
    public static PhaseDiagram install(MainWindow window, ExplorerServices services) {
        return install(window, services.files(), services.dialogs(), PhaseMapCache.standard());
    }

    /** Installs with the given file executor, dialogs and cache (tests pass their own). */
    public static PhaseDiagram install(MainWindow window, TaskExecutor files, DialogService dialogs,
            PhaseMapCache cache) {
        PhaseDiagram diagram = new PhaseDiagram(window, files, dialogs, cache);
        diagram.selectTab(window);
        diagram.measureFirstMap(window);
        window.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> diagram.shutdown());
        diagram.model.loadShippedMap();
        return diagram;
    }

    private static Optional<PhaseMap> loadShipped() {
        try {
            return ShippedMap.load();
        } catch (PhaseMapFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void selectTab(MainWindow window) {
        selectTab(window.scene().getRoot());
    }

    /** Walks the scene graph (including split-pane items, which are not children before the skin exists). */
    private static boolean selectTab(Node node) {
        if (node instanceof TabPane tabs) {
            Optional<javafx.scene.control.Tab> tab = tabs.getTabs().stream()
                    .filter(t -> MainWindow.PHASE_DIAGRAM_TAB_ID.equals(t.getId())).findFirst();
            tab.ifPresent(t -> tabs.getSelectionModel().select(t));
            return tab.isPresent();
        }
        java.util.List<Node> children = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.SplitPane split) {
            children.addAll(split.getItems());
        } else if (node instanceof javafx.scene.layout.BorderPane border) {
            java.util.stream.Stream.of(border.getCenter(), border.getTop(), border.getLeft(), border.getRight())
                    .filter(java.util.Objects::nonNull).forEach(children::add);
        } else if (node instanceof javafx.scene.Parent parent) {
            children.addAll(parent.getChildrenUnmodifiable());
        }
        for (Node child : children) {
            if (selectTab(child)) {
                return true;
            }
        }
        return false;
    }

    /** Logs the time from the window being shown until the first map is drawn. */
    private void measureFirstMap(MainWindow window) {
        long[] shownAt = {window.stage().isShowing() ? System.nanoTime() : 0};
        window.stage().addEventHandler(WindowEvent.WINDOW_SHOWN, e -> shownAt[0] = System.nanoTime());
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (shownAt[0] != 0 && view.canvas().hasDrawnMap()) {
                    stop();
                    firstMapMillis = (System.nanoTime() - shownAt[0]) / 1e6;
                    LOG.log(Level.INFO, String.format(java.util.Locale.ROOT,
                            "phase map on screen %.0f ms after the window was shown (%s)", firstMapMillis,
                            model.mapInfoProperty().get()));
                }
            }
        }.start();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    public PhaseDiagramViewModel model() {
        return model;
    }

    public PhaseDiagramView view() {
        return view;
    }

    /** Milliseconds from the window being shown until the map was first drawn; NaN before. */
    public double firstMapMillis() {
        return firstMapMillis;
    }

    public void shutdown() {
        model.shutdown();
        inspectorExecutor.shutdown();
    }
}
