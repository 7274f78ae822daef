package org.edgeofchaos.explorer.ui.live;

import javafx.scene.Node;

import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;
import org.edgeofchaos.explorer.ui.charts.SpecChart;
import org.edgeofchaos.explorer.ui.export.ExportViewModel;

/** The training-curves tab: loss, accuracy and dynamics of the live run or of saved runs, with their export. */
public final class TrainingCurvesTab implements FeatureTab {
    public static final String ID = "curves-tab";
    /** The tab's title. */
    public static final String TITLE = "Training curves";

    private final ChartsViewModel charts;
    private final ExportViewModel export;
    private final LiveChartsView view;

    public TrainingCurvesTab(ExplorerContext context) {
        charts = new ChartsViewModel(context.liveModel(), context.history().selectedRunsProperty());
        charts.xAxisModeProperty().bindBidirectional(context.xAxis());
        export = new ExportViewModel(charts, context.services().files(), context.services().dialogs(),
                context.exportSize(), context.message());
        view = new LiveChartsView(charts, export::exportPng, export::exportSvg, export::exportCsv);
    }

    private void exportPng(String key) {
        SpecChart chart = view.chart(key);
        export.exportPng(key, chart.getWidth(), chart.getHeight(), chart.view());
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
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "curves-toolbar",
                        "toolbar (x axis, smoothing, live/saved)", title()),
                org.edgeofchaos.explorer.ui.presentation.HideableControl.lookup(view, "charts-hint",
                        "how-to line (hover, zoom, export)", title()))
                .flatMap(java.util.Optional::stream).toList();
    }

    /** Exports the selected chart (the one last clicked). */
    @Override
    public void exportFigure() {
        exportPng(charts.selectedChartProperty().get());
    }

    @Override
    public boolean exportsVector() {
        return true;
    }

    @Override
    public void exportVector() {
        String key = charts.selectedChartProperty().get();
        SpecChart chart = view.chart(key);
        export.exportSvg(key, chart.getWidth(), chart.getHeight(), chart.view());
    }

    @Override
    public void exportData() {
        export.exportCsv(charts.selectedChartProperty().get());
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public ExportViewModel export() {
        return export;
    }

    public LiveChartsView chartsView() {
        return view;
    }
}
