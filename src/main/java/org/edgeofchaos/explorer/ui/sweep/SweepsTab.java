package org.edgeofchaos.explorer.ui.sweep;

import javafx.scene.Node;

import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;

/**
 * The window's "Sweeps" tab: the map of a hyperparameter sweep (the shipped classroom example at first), coloured
 * by a chosen metric; a click loads a cell's runs into the charts and its settings onto the sliders. Ctrl+E /
 * Ctrl+Alt+E export the map, Ctrl+Shift+E its runs as CSV.
 */
public final class SweepsTab implements FeatureTab {
    public static final String ID = "sweeps-tab";

    private final SweepMapViewModel model;
    private final SweepMapView view;

    public SweepsTab(ExplorerContext context) {
        var services = context.services();
        model = new SweepMapViewModel(services.files(), services.dialogs(), context.history(), context.controls(),
                context.live().activeProperty(), context.message());
        view = new SweepMapView(model);
        model.openShipped();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Sweeps";
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

    public SweepMapView mapView() {
        return view;
    }
}
