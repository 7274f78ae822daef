package org.edgeofchaos.explorer.ui.phase;

import java.util.function.Supplier;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.ui.export.ExportSize;
import org.edgeofchaos.explorer.ui.runs.RunListItem;

/**
 * The phase-diagram tab: a toolbar (λmax / distance, overlays, recompute at another N or grid, export), the map on
 * a canvas, the cell inspector on the right once a cell is clicked, and a status line with the hovered cell.
 */
public final class PhaseDiagramView extends BorderPane {
    private final PhaseDiagramViewModel model;
    private final PhaseMapCanvas canvas = new PhaseMapCanvas();
    private final Supplier<ExportSize> exportSize;
    private final AnimationTimer pump;

    /**
     * @param runs       the saved runs (from the history), offered as overlays
     * @param exportSize the window's chosen export size
     */
    public PhaseDiagramView(PhaseDiagramViewModel model, ObservableList<RunListItem> runs,
            Supplier<ExportSize> exportSize) {
        this.model = model;
        this.exportSize = exportSize;
        setId("phase-diagram");
        getStyleClass().add("phase-diagram");
        canvas.setId("phase-map");

        // toolbar
        ToggleGroup group = new ToggleGroup();
        ToggleButton lambda = new ToggleButton("λmax");
        lambda.setId("phase-show-lambda");
        lambda.setTooltip(new Tooltip("Colour by the maximal Lyapunov exponent (0 at the edge of chaos)"));
        ToggleButton distance = new ToggleButton("distance");
        distance.setId("phase-show-distance");
        distance.setTooltip(new Tooltip("Colour by the paper's asymptotic distance of two trajectories started 1e-4 "
                + "apart (relative to their initial distance)"));
        lambda.setToggleGroup(group);
        distance.setToggleGroup(group);
        lambda.setSelected(true);
        group.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true); // one is always on
            } else {
                model.quantityProperty().set(n == lambda ? PhaseMap.Quantity.LAMBDA_MAX : PhaseMap.Quantity.DISTANCE);
            }
        });

        MenuButton overlays = new MenuButton("Overlay runs");
        overlays.setId("phase-overlays");
        overlays.setTooltip(new Tooltip("Draw the paths of saved runs on the map"));
        overlays.setOnShowing(e -> {
            overlays.getItems().clear();
            for (RunListItem item : runs) {
                if (item.corrupt() || item.run().epochs().isEmpty()) {
                    continue;
                }
                CheckMenuItem check = new CheckMenuItem(item.title());
                check.setSelected(model.isOverlaid(item.run()));
                check.setOnAction(a -> model.toggleOverlay(item.run()));
                overlays.getItems().add(check);
            }
            if (overlays.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No saved runs with finished epochs");
                none.setDisable(true);
                overlays.getItems().add(none);
            }
        });

        ComboBox<Integer> size = new ComboBox<>();
        size.getItems().setAll(PhaseDiagramViewModel.SIZES);
        size.setValue(400);
        size.setId("phase-n");
        size.setTooltip(new Tooltip("Network size N of the recomputed map"));
        ComboBox<Integer> grid = new ComboBox<>();
        grid.getItems().setAll(PhaseDiagramViewModel.GRIDS);
        grid.setValue(50);
        grid.setId("phase-grid");
        grid.setTooltip(new Tooltip("Cells per side of the recomputed map"));
        grid.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v + "×" + v;
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.split("×")[0].trim());
            }
        });
        Button recompute = new Button("Recompute");
        recompute.setId("phase-recompute");
        recompute.setTooltip(new Tooltip("Compute the map at this N and grid in the background (2 threads); cached on "
                + "disk, so a cancelled computation continues later"));
        recompute.setOnAction(e -> model.recompute(size.getValue(), grid.getValue(), grid.getValue()));
        Button cancel = new Button("Cancel");
        cancel.setId("phase-cancel");
        cancel.disableProperty().bind(model.computingProperty().not());
        cancel.setOnAction(e -> model.cancelRecompute());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.computingProperty());
        progress.managedProperty().bind(model.computingProperty());
        progress.setPrefWidth(110);
        Label progressText = new Label();
        progressText.setId("phase-progress");
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.getStyleClass().add("hint");
        Button export = new Button("PNG…");
        export.setTooltip(new Tooltip("Export the map as PNG (File → Export size sets the size)"));
        export.setId("phase-export");
        export.setOnAction(e -> exportMap());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, lambda, distance, new Separator(javafx.geometry.Orientation.VERTICAL), overlays,
                new Separator(javafx.geometry.Orientation.VERTICAL), new Label("N"), size, new Label("grid"), grid,
                recompute, cancel, progress, spacer, export);
        for (javafx.scene.Node node : toolbar.getChildren()) {
            if (node instanceof Region region && node != spacer) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        setTop(toolbar);

        setCenter(canvas);

        Label hover = new Label();
        hover.setId("phase-hover");
        hover.textProperty().bind(model.hoverTextProperty());
        Label info = new Label();
        info.setId("phase-map-info");
        info.textProperty().bind(model.mapInfoProperty());
        info.getStyleClass().add("hint");
        Label current = new Label();
        current.setId("phase-current");
        current.textProperty().bind(model.currentTextProperty());
        current.getStyleClass().add("derived");
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add("hint");
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        HBox status = new HBox(12, hover, statusSpacer, current, progressText, message, info);
        status.setPadding(new Insets(3, 8, 3, 8));
        status.setAlignment(Pos.CENTER_LEFT);
        setBottom(status);

        // pointer
        canvas.setOnMouseMoved(e -> model.hover(canvas.dataAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> model.hover(null));
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                model.inspect(canvas.dataAt(e.getX(), e.getY()));
            }
        });
        model.hoverCellProperty().addListener((obs, o, n) -> canvas.setHoverCell(n.intValue()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.hoverTextProperty());
        tip.setShowDelay(javafx.util.Duration.millis(250));
        Tooltip.install(canvas, tip);

        // picture and inspector
        model.pictureProperty().addListener((obs, o, n) -> n.applyTo(canvas));
        if (model.pictureProperty().get() != null) {
            model.pictureProperty().get().applyTo(canvas);
        }
        model.inspectorProperty().addListener((obs, o, n) -> showInspector(n));

        // Cells from the workers arrive as a flag; one poll per frame turns them into at most one redraw.
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.poll();
            }
        };
        model.computingProperty().addListener((obs, o, n) -> {
            if (n) {
                pump.start();
            } else {
                pump.stop();
                model.poll();
            }
        });
    }

    private void showInspector(CellInspectorViewModel inspector) {
        if (inspector == null) {
            setRight(null);
            return;
        }
        CellInspectorView view = new CellInspectorView(inspector);
        view.closeButton().setOnAction(e -> model.closeInspector());
        view.exportButton().setOnAction(e -> exportInspector(inspector));
        VBox box = new VBox(view);
        VBox.setVgrow(view, Priority.ALWAYS);
        box.setStyle("-fx-border-color: #e2e8f0; -fx-border-width: 0 0 0 1.5;");
        setRight(box);
    }

    /** Ctrl+E: the inspector's plots while a cell is inspected, the map otherwise. */
    public void exportShown() {
        CellInspectorViewModel inspector = model.inspectorProperty().get();
        if (inspector != null) {
            exportInspector(inspector);
        } else {
            exportMap();
        }
    }

    private void exportMap() {
        PhasePicture picture = model.pictureProperty().get();
        if (picture == null) {
            return;
        }
        model.choosePng("phase-diagram").ifPresent(file -> {
            double[] layout = exportSize.get().layout(canvas.getWidth(), canvas.getHeight() + 40);
            model.writePng(PhaseImages.renderMap(picture, model.mapInfoProperty().get(), layout[0], layout[1],
                    layout[2]), file);
        });
    }

    private void exportInspector(CellInspectorViewModel inspector) {
        model.choosePng(inspector.fileStem()).ifPresent(file -> {
            double[] layout = exportSize.get().layout(Math.max(360, getRight().getLayoutBounds().getWidth()),
                    Math.max(560, getRight().getLayoutBounds().getHeight()));
            model.writePng(PhaseImages.renderInspector(inspector, layout[0], layout[1], layout[2]), file);
        });
    }

    public PhaseMapCanvas canvas() {
        return canvas;
    }

    public PhaseDiagramViewModel model() {
        return model;
    }

    /** The inspector shown, or null. */
    public CellInspectorView inspectorView() {
        return getRight() instanceof VBox box && !box.getChildren().isEmpty()
                && box.getChildren().get(0) instanceof CellInspectorView v ? v : null;
    }
}
