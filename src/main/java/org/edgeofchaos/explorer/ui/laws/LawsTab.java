package org.edgeofchaos.explorer.ui.laws;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import org.edgeofchaos.explorer.ui.common.InnerTabs;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.runs.RunListItem;

import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;

/**
 * The window's "Laws" tab: paper 1's guideline, applied to the sliders with one click, and the scaling collapse of
 * the saved runs selected in the run history (all saved runs when none is selected).
 */
public final class LawsTab implements FeatureTab {
    public static final String ID = "laws-tab";
    /** The tab's title. */
    public static final String TITLE = "Laws";

    private final GuidelineViewModel guideline;
    private final GuidelineView view;
    private final CollapseViewModel collapse;
    private final TabPane inner;
    private final LawsExport export;
    private final ExplorerContext context;
    private final CollapseView collapseView;
    private final WeightDecayView weightDecayView;

    public LawsTab(ExplorerContext context) {
        this.context = context;
        guideline = new GuidelineViewModel(context.controls());
        view = new GuidelineView(guideline);
        collapse = new CollapseViewModel(context.services().compute());
        export = new LawsExport(context.services().files(), context.services().dialogs(), context.exportSize(),
                context.message());
        Tab guidelineTab = new Tab("Guideline", view);
        guidelineTab.setClosable(false);
        guidelineTab.setId("guideline-tab");
        collapseView = new CollapseView(collapse);
        weightDecayView = new WeightDecayView(collapse);
        Tab collapseTab = new Tab("Scaling collapse", collapseView);
        collapseTab.setClosable(false);
        collapseTab.setId("collapse-tab");
        Tab weightDecayTab = new Tab("Weight decay", weightDecayView);
        weightDecayTab.setClosable(false);
        weightDecayTab.setId("weight-decay-tab");
        inner = new TabPane(guidelineTab, collapseTab, weightDecayTab);
        // the history has read the runs on the file executor already: here they are only converted and fitted
        // Refitted when the runs change and the tab is in the window; until it first is, only marked. Why: the
        // history re-reads the runs every few seconds while one trains, and converting and fitting every saved run
        // on the FX thread each time made frames late in a window that never showed this tab.
        context.history().selectedRunsProperty().addListener((o, a, b) -> showRunsWhenInWindow());
        context.history().items().addListener((javafx.collections.ListChangeListener<RunListItem>) c ->
                showRunsWhenInWindow());
        inner.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                showRunsIfStale();
            }
        });
        showRuns();
    }

    private boolean runsStale;

    private void showRunsWhenInWindow() {
        if (inner.getScene() == null) {
            runsStale = true;
        } else {
            showRuns();
        }
    }

    /** Asked for before the tab was shown, or shown at last: up to date all the same. */
    private void showRunsIfStale() {
        if (runsStale) {
            showRuns();
        }
    }

    private void showRuns() {
        runsStale = false;
        List<RunRecord> selected = context.history().selectedRunsProperty().get();
        List<RunRecord> runs = selected.isEmpty() ? context.history().items().stream()
                .filter(i -> !i.corrupt()).map(RunListItem::run).toList() : selected;
        String label = selected.isEmpty() ? "All " + runs.size() + " saved runs (select some in the run history to "
                + "compare fewer)" : selected.size() + " selected saved runs";
        if (runs.isEmpty()) {
            label = "No saved runs yet: train and save runs with different η, α or B to see their curves collapse.";
        }
        collapse.show(runs.stream().map(LawRun::of).toList(), label);
        guideline.setSavedRuns(context.history().items().stream().filter(i -> !i.corrupt())
                .map(i -> LawRun.of(i.run())).toList());
    }

    /** Brings an inner tab to the front by its node id (e.g. {@code logistic-map-tab}); false if there is none. */
    public boolean selectInner(String tabId) {
        return InnerTabs.select(inner, tabId);
    }

    /** The node id of the inner tab shown. */
    public String shownInner() {
        return InnerTabs.shown(inner);
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
        return inner;
    }

    /** The chart of the inner tab shown: J^2 against scaled time (the collapse), or J for different lambda. */
    private java.util.Optional<ChartSpec> shownChart() {
        return switch (inner.getSelectionModel().getSelectedIndex()) {
            case 1 -> java.util.Optional.of(collapse.byScaledTimeProperty().get());
            case 2 -> java.util.Optional.of(collapse.weightDecayProperty().get());
            default -> {
                context.message().set("The guideline has no chart to export; `guide --json` gives its proposals.");
                yield java.util.Optional.empty();
            }
        };
    }

    /** The chart node of the inner tab shown (its size and zoom go into the export). */
    private org.edgeofchaos.explorer.ui.charts.SpecChart shownNode() {
        return inner.getSelectionModel().getSelectedIndex() == 1 ? collapseView.scaledTimeChart()
                : weightDecayView.chart();
    }

    @Override
    public void exportFigure() {
        shownChart().ifPresent(spec -> export.png(spec, collapse.sourceProperty().get(), shownNode().getWidth(),
                shownNode().getHeight(), shownNode().view()));
    }

    @Override
    public boolean exportsVector() {
        return true;
    }

    @Override
    public void exportVector() {
        shownChart().ifPresent(spec -> export.svg(spec, collapse.sourceProperty().get(), shownNode().getWidth(),
                shownNode().getHeight(), shownNode().view()));
    }

    @Override
    public void exportData() {
        shownChart().ifPresent(export::csv);
    }

    public CollapseViewModel collapse() {
        showRunsIfStale();
        return collapse;
    }

    public GuidelineViewModel guideline() {
        showRunsIfStale();
        return guideline;
    }
}
