package org.edgeofchaos.explorer.ui.laws;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

import org.edgeofchaos.explorer.ui.charts.SpecChart;

/**
 * The collapse view: J^2, test loss or test accuracy (a chooser) against epoch and against scaled time side by side,
 * each run's lowest test loss ringed, the per-run fits in a table, the collapse quality and the exponents.
 */
public final class CollapseView extends VBox {
    private final SpecChart byEpoch = new SpecChart();
    private final SpecChart byScaledTime = new SpecChart();
    private final SpecChart optimum = new SpecChart();

    public CollapseView(CollapseViewModel model) {
        setSpacing(6);
        setPadding(new Insets(10));
        Label source = new Label();
        source.setId("collapse-source");
        source.textProperty().bind(model.sourceProperty());
        TextField from = new TextField();
        from.setId("collapse-window-from");
        from.setPrefColumnCount(4);
        from.setPromptText("auto");
        from.textProperty().bindBidirectional(model.windowFromProperty());
        TextField to = new TextField();
        to.setId("collapse-window-to");
        to.setPrefColumnCount(4);
        to.setPromptText("auto");
        to.textProperty().bindBidirectional(model.windowToProperty());
        Tooltip tip = new Tooltip("Epochs the J² growth is fitted over. Blank: each run's ordered phase after the "
                + "first epoch (J² jumps in the first epoch, then grows more slowly).");
        from.setTooltip(tip);
        to.setTooltip(tip);
        Label error = new Label();
        error.setStyle("-fx-text-fill: #c0392b;");
        error.textProperty().bind(model.errorProperty());
        ComboBox<CollapseViewModel.Quantity> quantity = new ComboBox<>(FXCollections.observableArrayList(
                CollapseViewModel.Quantity.values()));
        quantity.setId("collapse-quantity");
        quantity.valueProperty().bindBidirectional(model.quantityProperty());
        quantity.setTooltip(new Tooltip("What the two charts plot against epoch and against scaled time: J² "
                + "(paper 1, Fig 4), test loss (Fig 5) or test accuracy"));
        quantity.setMinWidth(Region.USE_PREF_SIZE);
        source.setMinWidth(0);
        Label plot = new Label("Plot");
        Label windowLabel = new Label("Fit window: epochs");
        Label toLabel = new Label("to");
        // everything but the source line keeps its width; the source line shrinks with an ellipsis
        for (Region r : new Region[] {plot, windowLabel, toLabel, from, to}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        Tooltip sourceTip = new Tooltip();
        sourceTip.textProperty().bind(model.sourceProperty());
        source.setTooltip(sourceTip);
        HBox top = new HBox(8, plot, quantity, windowLabel, from, toLabel, to, error, source);
        top.setAlignment(Pos.CENTER_LEFT);

        byEpoch.setId("collapse-epoch-chart");
        byScaledTime.setId("collapse-scaled-chart");
        byEpoch.show(model.byEpochProperty().get());
        byScaledTime.show(model.byScaledTimeProperty().get());
        model.byEpochProperty().addListener((o, a, b) -> byEpoch.show(b));
        model.byScaledTimeProperty().addListener((o, a, b) -> byScaledTime.show(b));
        HBox charts = new HBox(8, byEpoch, byScaledTime);
        HBox.setHgrow(byEpoch, Priority.ALWAYS);
        HBox.setHgrow(byScaledTime, Priority.ALWAYS);
        byEpoch.setPrefSize(270, 300);
        byScaledTime.setPrefSize(270, 300);
        VBox.setVgrow(charts, Priority.ALWAYS);

        Label quality = new Label();
        quality.setId("collapse-quality");
        quality.setWrapText(true);
        quality.textProperty().bind(model.qualityProperty());
        Label exponents = new Label();
        exponents.setId("collapse-exponents");
        exponents.setWrapText(true);
        exponents.textProperty().bind(model.exponentsProperty());

        TableView<CollapseViewModel.FitRow> table = new TableView<>(model.rows());
        table.setId("collapse-fits");
        table.getColumns().add(column("Run", 150, CollapseViewModel.FitRow::run));
        table.getColumns().add(column("Settings", 160, CollapseViewModel.FitRow::settings));
        table.getColumns().add(column("Fit window", 140, CollapseViewModel.FitRow::window));
        table.getColumns().add(column("k ± error", 120, CollapseViewModel.FitRow::k));
        table.getColumns().add(column("Optimum", 340, CollapseViewModel.FitRow::optimum));
        table.setPrefHeight(150);
        table.setMinHeight(110);
        table.setPlaceholder(new Label("No runs"));
        optimum.setId("collapse-optimum-chart");
        optimum.show(model.optimumProperty().get());
        model.optimumProperty().addListener((o, a, b) -> optimum.show(b));
        optimum.setPrefSize(230, 300);
        HBox.setHgrow(optimum, Priority.ALWAYS);
        charts.getChildren().add(optimum);
        getChildren().addAll(top, charts, quality, exponents, table);
    }

    private static TableColumn<CollapseViewModel.FitRow, String> column(String title, double width,
            Function<CollapseViewModel.FitRow, String> value) {
        TableColumn<CollapseViewModel.FitRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** The collapse chart (J^2 against scaled time), which the tab exports as shown (zoomed too). */
    public SpecChart scaledTimeChart() {
        return byScaledTime;
    }
}
