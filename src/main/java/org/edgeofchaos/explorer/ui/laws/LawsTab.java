package org.edgeofchaos.explorer.ui.laws;

import javafx.scene.Node;

import org.edgeofchaos.explorer.ui.ExplorerContext;
import org.edgeofchaos.explorer.ui.FeatureTab;

/** The window's "Laws" tab: paper 1's guideline, applied to the sliders with one click. */
public final class LawsTab implements FeatureTab {
    public static final String ID = "laws-tab";

    private final GuidelineViewModel guideline;
    private final GuidelineView view;
    private final ExplorerContext context;

    public LawsTab(ExplorerContext context) {
        this.context = context;
        guideline = new GuidelineViewModel(context.controls());
        view = new GuidelineView(guideline);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Laws";
    }

    @Override
    public Node view() {
        return view;
    }

    /** The guideline is text and buttons, not a chart: there is no figure to export here. */
    @Override
    public void exportFigure() {
        context.message().set("The Laws tab has no chart to export; the proposals are also given by `guide --json`.");
    }

    public GuidelineViewModel guideline() {
        return guideline;
    }
}
