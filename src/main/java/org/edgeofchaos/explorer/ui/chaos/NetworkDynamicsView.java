package org.edgeofchaos.explorer.ui.chaos;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.edgeofchaos.explorer.ui.charts.GraphicsCanvas;


/**
 * The trained network's dynamics: the spectrum (W and D* against the unit circle) on the left, the return map and
 * the evolution over epochs on the right, a run chooser and an epoch slider on top, the epoch's summary below.
 */
public final class NetworkDynamicsView extends BorderPane {
    private final NetworkDynamicsViewModel model;
    private final GraphicsCanvas spectrum = new GraphicsCanvas();
    private final GraphicsCanvas returnMap = new GraphicsCanvas();
    private final GraphicsCanvas evolution = new GraphicsCanvas();

    public NetworkDynamicsView(NetworkDynamicsViewModel model) {
        this.model = model;
        getStyleClass().add("network-dynamics-view");
        spectrum.setId("network-spectrum");
        returnMap.setId("network-return-map");
        evolution.setId("network-evolution");

        ComboBox<NetworkDynamicsViewModel.RunChoice> runs = new ComboBox<>(model.choices());
        runs.setId("network-run");
        runs.setValue(model.shownProperty().get());
        runs.setOnShowing(e -> model.refreshRuns());
        runs.setOnAction(e -> {
            if (runs.getValue() != null && runs.getValue() != model.shownProperty().get()) {
                model.show(runs.getValue());
            }
        });
        model.shownProperty().addListener((obs, o, n) -> {
            if (runs.getValue() != n) {
                runs.setValue(n);
            }
        });
        runs.setTooltip(new Tooltip("The live run, or a saved run to replay epoch by epoch"));

        Slider slider = new Slider(0, 0, 0);
        slider.setId("network-epoch-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(300);
        slider.maxProperty().bind(model.epochCountProperty().subtract(1).map(v -> Math.max(0, v.intValue())));
        slider.disableProperty().bind(model.epochCountProperty().lessThan(2));
        slider.setValue(Math.max(0, model.epochIndexProperty().get()));
        slider.valueProperty().addListener((obs, o, n) -> {
            int i = (int) Math.round(n.doubleValue());
            if (i != model.epochIndexProperty().get() && i < model.epochCountProperty().get()) {
                model.epochIndexProperty().set(i);
            }
        });
        model.epochIndexProperty().addListener((obs, o, n) -> {
            if ((int) Math.round(slider.getValue()) != n.intValue() && n.intValue() >= 0) {
                slider.setValue(n.intValue());
            }
        });
        Label epochLabel = new Label();
        epochLabel.textProperty().bind(model.epochIndexProperty().add(1).asString("epoch %d of ")
                .concat(model.epochCountProperty().asString()));
        Button previous = new Button("<");
        previous.setTooltip(new Tooltip("Previous epoch"));
        previous.setId("network-previous");
        previous.setOnAction(e -> step(-1));
        Button next = new Button(">");
        next.setTooltip(new Tooltip("Next epoch"));
        next.setId("network-next");
        next.setOnAction(e -> step(1));

        MenuButton export = new MenuButton("Export");
        for (NetworkDynamicsViewModel.Chart chart : NetworkDynamicsViewModel.Chart.values()) {
            String name = switch (chart) {
                case SPECTRUM -> "Spectrum";
                case RETURN_MAP -> "Return map";
                case EVOLUTION -> "Dynamics over epochs";
            };
            GraphicsCanvas source = switch (chart) {
                case SPECTRUM -> spectrum;
                case RETURN_MAP -> returnMap;
                case EVOLUTION -> evolution;
            };
            for (boolean svg : new boolean[] {false, true}) {
                MenuItem item = new MenuItem(name + (svg ? " as SVG..." : " as PNG..."));
                item.setOnAction(e -> model.export(chart, svg, size(source.getWidth(), 700),
                        size(source.getHeight(), 600)));
                export.getItems().add(item);
            }
        }
        slider.setMinWidth(160);
        epochLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox epochs = new HBox(6, previous, slider, next, epochLabel);
        epochs.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(epochs, Priority.ALWAYS);
        HBox source = new HBox(6, new Label("Run:"), runs, export);
        source.setAlignment(Pos.CENTER_LEFT);
        FlowPane bar = new FlowPane(12, 6, source, epochs);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        // The two square charts side by side, the epochs overview across the whole width below.
        SplitPane pictures = new SplitPane(spectrum, returnMap);
        pictures.setOrientation(Orientation.HORIZONTAL);
        pictures.setDividerPositions(0.55);
        SplitPane split = new SplitPane(pictures, evolution);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setCenter(split);

        Label summary = new Label();
        summary.setId("network-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        Label message = new Label();
        message.getStyleClass().add("hint");
        message.textProperty().bind(model.messageProperty());
        Label hint = new Label("Neimark-Sacker: a complex pair of eigenvalues leaving the unit circle turns the fixed "
                + "point into a closed curve (quasi-periodic). Attractor rules: docs/science.md section 3.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox bottom = new VBox(2, summary, hint, message);
        bottom.setPadding(new Insets(6, 8, 6, 8));
        setBottom(bottom);

        model.spectrumProperty().addListener((obs, o, n) -> spectrum.setPainter(NetworkPainters.spectrum(n)));
        model.returnMapProperty().addListener((obs, o, n) -> returnMap.setPainter(NetworkPainters.returnMap(n)));
        model.evolutionProperty().addListener((obs, o, n) -> evolution.setPainter(NetworkPainters.evolution(n)));
        spectrum.setPainter(NetworkPainters.spectrum(model.spectrumProperty().get()));
        returnMap.setPainter(NetworkPainters.returnMap(model.returnMapProperty().get()));
        evolution.setPainter(NetworkPainters.evolution(model.evolutionProperty().get()));
    }

    private void step(int delta) {
        int i = model.epochIndexProperty().get() + delta;
        if (i >= 0 && i < model.epochCountProperty().get()) {
            model.epochIndexProperty().set(i);
        }
    }

    private static int size(double shown, int fallback) {
        return shown >= 50 ? (int) Math.round(shown) : fallback;
    }
}
