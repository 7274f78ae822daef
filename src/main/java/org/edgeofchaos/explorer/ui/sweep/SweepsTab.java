package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.Path;

import javafx.scene.Node;

import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.experiment.DynamicsProbes;
import org.edgeofchaos.explorer.sweep.SweepFolder;

import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;

/**
 * The window's "Sweeps" tab: the map of a hyperparameter sweep (the shipped classroom example at first), coloured
 * by a chosen metric; a click loads a cell's runs into the charts and its settings onto the sliders. New sweeps are
 * defined, trained, cancelled and resumed here with the core's runner (as {@code sweep run}); closing the window
 * cancels a running sweep and waits for its runs to save. Ctrl+E / Ctrl+Alt+E export the map, Ctrl+Shift+E its
 * runs as CSV.
 */
public final class SweepsTab implements FeatureTab {
    public static final String ID = "sweeps-tab";
    /** The tab's title. */
    public static final String TITLE = "Sweeps";

    /** How long closing the window waits for a cancelled sweep's runs to stop and save. */
    private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

    private final ExplorerContext context;
    private final SweepMapViewModel model;
    private final SweepRunViewModel run;
    private final SweepMapView view;

    public SweepsTab(ExplorerContext context) {
        this(context, SweepTraining.onData(() -> context.services().trainingService().dataDirectory(),
                DynamicsProbes::standard));
    }

    /** With another way to train (tests: probes without the Lyapunov exponent). */
    public SweepsTab(ExplorerContext context, SweepTraining training) {
        this.context = context;
        var services = context.services();
        model = new SweepMapViewModel(services.files(), services.dialogs(), context.history(), context.controls(),
                context.live().activeProperty(), context.message());
        run = new SweepRunViewModel(model, services.training(), services.files(), services.dialogs(), training,
                context.live().activeProperty(), context.live()::setTrainingTakenBy);
        view = new SweepMapView(model, run, this::newSweep);
        model.openShipped();
    }

    /** Opens the "New sweep" dialog with the controls panel's settings; Start trains the sweep. */
    public void newSweep() {
        NewSweepViewModel form = newSweepForm();
        NewSweepDialog dialog = new NewSweepDialog(view.getScene() == null ? null : view.getScene().getWindow(),
                form, initial -> context.services().dialogs().chooseDirectory("Folder of the new sweep", initial));
        dialog.showAndWait().filter(b -> b == NewSweepDialog.START).flatMap(b -> form.result())
                .ifPresent(plan -> run.start(plan.spec(), plan.folder(), plan.parallel()));
    }

    /** The form as the dialog opens it: the panel's settings and a new folder under the user's data folder. */
    public NewSweepViewModel newSweepForm() {
        Path folder = AppDirectories.dataDirectory().resolve("sweeps").resolve("sweep-" + SweepFolder.stamp());
        return new NewSweepViewModel(context.controls().request(),
                context.services().trainingService().dataDirectory(), folder);
    }

    @Override
    public void shutdown() {
        run.shutdown(SHUTDOWN_WAIT_MILLIS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return TITLE;
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public java.util.List<org.edgeofchaos.explorer.ui.presentation.HideableControl> hideableControls() {
        return java.util.stream.Stream.of(
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "sweep-toolbar", "toolbar (open, example, metric)", title()),
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "sweep-readout", "cell read-out", title()))
                .flatMap(java.util.Optional::stream).toList();
    }

    @Override
    public void exportFigure() {
        model.export(false, 1000, 760);
    }

    @Override
    public boolean exportsVector() {
        return true;
    }

    @Override
    public void exportVector() {
        model.export(true, 1000, 760);
    }

    @Override
    public void exportData() {
        model.exportCsv();
    }

    public SweepMapViewModel model() {
        return model;
    }

    public SweepRunViewModel runModel() {
        return run;
    }

    public SweepMapView mapView() {
        return view;
    }
}
