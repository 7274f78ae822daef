package org.edgeofchaos.explorer.ui.laws;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.ui.charts.SpecChart;

/** J against epoch for saved runs that differ in the weight decay only, with the best accuracy of each. */
public final class WeightDecayView extends VBox {
    private final SpecChart chart = new SpecChart();

    public WeightDecayView(CollapseViewModel model) {
        setSpacing(6);
        setPadding(new Insets(10));
        Label text = new Label();
        text.setId("weight-decay-text");
        text.setWrapText(true);
        text.textProperty().bind(model.weightDecayTextProperty());
        chart.setId("weight-decay-chart");
        chart.show(model.weightDecayProperty().get());
        model.weightDecayProperty().addListener((o, a, b) -> chart.show(b));
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(text, chart);
    }

    /** The chart, which the tab exports as shown (zoomed too). */
    public SpecChart chart() {
        return chart;
    }
}
