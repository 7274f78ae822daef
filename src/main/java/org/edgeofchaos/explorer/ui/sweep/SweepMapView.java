package org.edgeofchaos.explorer.ui.sweep;

import java.util.Arrays;

import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.edgeofchaos.explorer.sweep.SweepMap;
import org.edgeofchaos.explorer.sweep.SweepMetric;
import org.edgeofchaos.explorer.ui.charts.GraphicsCanvas;

/**
 * The Sweeps tab: a tool bar (open a folder, the metric, reload), a second one for the sweep trained here (new,
 * resume, cancel, overall progress), the map drawn by {@link SweepMapPainter} on a canvas, and the read-out of the
 * cell under the pointer. Clicks go to the view model with the cell they hit.
 */
public final class SweepMapView extends BorderPane {
    private final SweepMapViewModel model;
    private final GraphicsCanvas canvas = new GraphicsCanvas();

    private final AnimationTimer pump;

    /**
     * @param run      the sweep trained from the window (start, cancel, resume, progress)
     * @param newSweep opens the "New sweep" dialog
     */
    public SweepMapView(SweepMapViewModel model, SweepRunViewModel run, Runnable newSweep) {
        this.model = model;
        Button open = new Button("Open sweep…");
        open.setId("sweep-open");
        open.setOnAction(e -> model.chooseFolder());
        Button example = new Button("Example");
        example.setId("sweep-example");
        example.setTooltip(new Tooltip("The classroom sweep shipped with the explorer: 6 learning rates × 5 batch "
                + "sizes, 10 epochs"));
        example.setOnAction(e -> model.openShipped());
        Button reload = new Button("Reload");
        reload.setId("sweep-reload");
        reload.setTooltip(new Tooltip("Read the folder again (cells computed since, for example by `sweep run`)"));
        reload.setOnAction(e -> model.reload());
        reload.disableProperty().bind(model.folderProperty().isNull());
        ComboBox<SweepMetric> metric = new ComboBox<>(FXCollections.observableList(
                Arrays.asList(SweepMetric.values())));
        metric.setId("sweep-metric");
        metric.valueProperty().bindBidirectional(model.metricProperty());
        metric.setCellFactory(l -> new MetricCell());
        metric.setButtonCell(new MetricCell());
        Label colour = new Label("Colour by");
        Label summary = new Label();
        summary.setId("sweep-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.setMinWidth(0);
        Tooltip summaryTip = new Tooltip();
        summaryTip.textProperty().bind(model.summaryProperty());
        summary.setTooltip(summaryTip);
        for (Region r : new Region[] {open, example, reload, colour, metric}) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the summary shrinks (with an ellipsis), never the buttons
        }
        HBox bar = new HBox(8, open, example, reload, colour, metric, summary);
        bar.setId("sweep-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

        // the sweep trained from the window: new, resume, cancel, and the overall progress with the time left
        Button create = new Button("New sweep…");
        create.setId("sweep-new");
        create.setTooltip(new Tooltip("Define a sweep (one or two hyperparameters, their values, epochs, seeds) and "
                + "train it here, as `sweep run` does"));
        create.setOnAction(e -> newSweep.run());
        create.disableProperty().bind(run.runningProperty());
        Button resume = new Button("Resume");
        resume.setId("sweep-resume");
        resume.setTooltip(new Tooltip("Train the open sweep's missing and interrupted runs (done runs are kept)"));
        resume.setOnAction(e -> run.resume(Runtime.getRuntime().availableProcessors()));
        resume.disableProperty().bind(run.runningProperty().or(model.resumableProperty().not()));
        Button cancel = new Button("Cancel");
        cancel.setId("sweep-cancel");
        cancel.setTooltip(new Tooltip("Stop every run after its mini-batch; finished runs and epochs are kept, "
                + "Resume continues"));
        cancel.setOnAction(e -> run.cancel());
        cancel.disableProperty().bind(run.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("sweep-progress");
        progress.progressProperty().bind(run.progressProperty());
        progress.visibleProperty().bind(run.runningProperty());
        progress.managedProperty().bind(run.runningProperty());
        progress.setPrefWidth(90);
        Label progressText = new Label();
        progressText.setId("sweep-progress-text");
        progressText.textProperty().bind(run.progressTextProperty());
        progressText.setMinWidth(0);
        Tooltip progressTip = new Tooltip();
        progressTip.textProperty().bind(run.progressTextProperty());
        progressText.setTooltip(progressTip);
        for (Region r : new Region[] {create, resume, cancel, progress}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox runBar = new HBox(8, create, resume, cancel, progress, progressText);
        runBar.setAlignment(Pos.CENTER_LEFT);
        runBar.setPadding(new Insets(0, 8, 6, 8));

        // the workers' reports arrive in a queue; one poll per frame applies them (one redraw at most)
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                run.poll();
            }
        };
        run.runningProperty().addListener((obs, o, n) -> {
            if (n) {
                pump.start();
            } else {
                pump.stop();
                run.poll();
            }
        });

        canvas.setId("sweep-map");
        canvas.setPainter((g, w, h) -> {
            SweepMap map = model.mapProperty().get();
            if (map != null) {
                SweepMapPainter.paint(g, map, (int) w, (int) h);
            } else {
                g.setColor(java.awt.Color.WHITE);
                g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, w, h));
                g.setColor(java.awt.Color.DARK_GRAY);
                g.drawString(model.loadingProperty().get() ? "Reading the sweep…" : "Open a sweep folder, "
                        + "or define one with New sweep…", 20, 30);
            }
        });
        model.mapProperty().addListener((obs, o, n) -> canvas.repaint());
        model.loadingProperty().addListener((obs, o, n) -> canvas.repaint());
        canvas.setOnMouseMoved(e -> model.hover(cellAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> model.hover(null));
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.click(cellAt(e.getX(), e.getY()), e.isShortcutDown());
            }
        });

        // the cell under the pointer, else how to use the map
        Label readout = new Label();
        readout.setId("sweep-readout");
        readout.textProperty().bind(javafx.beans.binding.Bindings.when(model.readoutProperty().isEmpty())
                .then("Click a cell: its run in the charts and its settings on the sliders; Ctrl+click: overlay")
                .otherwise(model.readoutProperty()));
        readout.setPadding(new Insets(4, 8, 4, 8));
        readout.setMaxWidth(Double.MAX_VALUE);
        BorderPane bottom = new BorderPane(readout);

        setTop(new VBox(bar, runBar));
        setCenter(canvas);
        setBottom(bottom);
    }

    private int[] cellAt(double x, double y) {
        SweepMap map = model.mapProperty().get();
        return map == null ? null : SweepMapPainter.cellAt(map, Math.floor(canvas.getWidth()),
                Math.floor(canvas.getHeight()), x, y);
    }

    /** The screen position of a cell's centre, for tests that click it. */
    public javafx.geometry.Point2D cellCentreOnScreen(int column, int row) {
        double[] c = SweepMapPainter.cellCentre(model.mapProperty().get(), Math.floor(canvas.getWidth()),
                Math.floor(canvas.getHeight()), column, row);
        return canvas.localToScreen(c[0], c[1]);
    }

    private static final class MetricCell extends ListCell<SweepMetric> {
        @Override
        protected void updateItem(SweepMetric item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
