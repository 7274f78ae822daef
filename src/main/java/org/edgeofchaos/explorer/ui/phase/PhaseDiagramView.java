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
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.collections.ObservableList;

import java.util.List;

import org.controlsfx.control.SegmentedButton;
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
    private final StackPane mapPane = new StackPane();
    private final Supplier<ExportSize> exportSize;
    private final AnimationTimer pump;
    private static final double INSPECTOR_MAX_WIDTH = 380;
    /** How to use the map, in the status line until a cell is hovered, and on the Reset zoom button. */
    static final String ZOOM_HINT = "wheel or drag a box: zoom · Ctrl+drag: pan · Esc: whole map";
    static final String HINT = "Click: inspect · " + ZOOM_HINT;
    private final SplitPane inspectorSplit = new SplitPane();
    private CellInspectorView inspectorView;
    private javafx.stage.Stage inspectorWindow;
    private boolean detached;

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
        // One menu for both formats: the tool bar stays one line on a laptop.
        MenuItem exportPng = new MenuItem("PNG… (File → Export size sets the size; Ctrl+E)");
        exportPng.setId("phase-export-png");
        exportPng.setOnAction(e -> exportMap());
        MenuItem exportSvg = new MenuItem("SVG, vector for papers… (Ctrl+Alt+E)");
        exportSvg.setId("phase-export-svg");
        exportSvg.setOnAction(e -> exportMapSvg());
        MenuButton export = new MenuButton("Export", null, exportPng, exportSvg);
        export.setId("phase-export");
        export.setTooltip(new Tooltip("Export the map as shown (zoomed too); the inspector has its own button"));
        // On the map's top-right corner while it is zoomed (the tool bar stays one line on a laptop).
        Button resetZoom = new Button("Reset zoom");
        resetZoom.setId("phase-reset-zoom");
        resetZoom.getStyleClass().add("small");
        resetZoom.setTooltip(new Tooltip("Show the whole map (Esc) · " + ZOOM_HINT));
        resetZoom.setVisible(false);
        resetZoom.setOnAction(e -> canvas.zoom().reset());
        canvas.zoom().addListener(() -> resetZoom.setVisible(canvas.zoom().isZoomed()));
        mapPane.getChildren().setAll(canvas, resetZoom);
        StackPane.setAlignment(resetZoom, Pos.TOP_RIGHT);
        StackPane.setMargin(resetZoom, new Insets(PhaseMapPainter.TOP + 6, PhaseMapPainter.RIGHT + 6, 0, 0));

        // The N and grid boxes show the map on screen until the user picks another one to compute.
        model.shownSpecProperty().addListener((obs, o, n) -> {
            if (n != null && !model.computingProperty().get()) {
                size.setValue(n.n());
                if (n.columns() == n.rows() && !grid.getItems().contains(n.columns())) {
                    grid.getItems().add(n.columns());
                    grid.getItems().sort(null);
                }
                grid.setValue(n.columns());
            }
        });

        SegmentedButton quantity = new SegmentedButton(lambda, distance);
        quantity.setToggleGroup(group);
        HBox view = new HBox(6, quantity, overlays);
        HBox compute = new HBox(6, new Label("N"), size, new Label("grid"), grid, recompute, cancel, progress);
        HBox files = new HBox(6, export);
        for (HBox box : List.of(view, compute, files)) {
            box.setAlignment(Pos.CENTER_LEFT);
        }
        // A flow, not a row: on a narrow window the groups wrap onto a second line instead of leaving the screen.
        FlowPane toolbar = new FlowPane(14, 4, view, compute, files);
        toolbar.setId("phase-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.prefWrapLengthProperty().bind(widthProperty());
        setTop(toolbar);

        inspectorSplit.setOrientation(javafx.geometry.Orientation.HORIZONTAL);
        setCenter(mapPane);
        setFocusTraversable(true);
        // Esc closes the inspector, then resets the zoom (before the window's Esc = Stop, which only acts while a
        // run is going).
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE) {
                return;
            }
            if (model.inspectorProperty().get() != null) {
                model.closeInspector();
                e.consume();
            } else if (canvas.zoom().isZoomed()) {
                canvas.zoom().reset();
                e.consume();
            }
        });

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
        // Until a cell is hovered, the status line says how to use the map.
        Label hint = new Label(HINT);
        hint.setId("phase-hint");
        hint.getStyleClass().add("hint");
        hint.setMinWidth(0);
        hint.visibleProperty().bind(model.hoverTextProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        hover.visibleProperty().bind(hint.visibleProperty().not());
        hover.managedProperty().bind(hover.visibleProperty());
        HBox status = new HBox(12, hint, hover, statusSpacer, current, progressText, message, info);
        status.setId("phase-status");
        status.setPadding(new Insets(3, 8, 3, 8));
        status.setAlignment(Pos.CENTER_LEFT);
        setBottom(status);

        // pointer
        canvas.setOnMouseMoved(e -> model.hover(canvas.dataAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> model.hover(null));
        canvas.setOnMouseClicked(e -> {
            // a click that ended a zoom box or a pan is not a click on a cell
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                requestFocus();
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

    /**
     * The inspector opens beside the map in a split pane: the map keeps most of the width (the inspector is at
     * most {@link #INSPECTOR_MAX_WIDTH} wide and can be dragged narrower), and its header with the close button is
     * always at the top.
     */
    private void showInspector(CellInspectorViewModel inspector) {
        if (inspector == null) {
            inspectorSplit.getItems().clear();
            inspectorView = null;
            setCenter(mapPane);
            if (inspectorWindow != null) {
                inspectorWindow.hide();
            }
            return;
        }
        CellInspectorView view = new CellInspectorView(inspector);
        view.closeButton().setOnAction(e -> model.closeInspector());
        view.exportButton().setOnAction(e -> exportInspector(inspector));
        view.detachButton().setOnAction(e -> {
            detached = true;
            showInspector(inspector);
        });
        inspectorView = view;
        if (detached) {
            showInWindow(view);
            return;
        }
        view.setMinWidth(280);
        view.setMaxWidth(INSPECTOR_MAX_WIDTH);
        boolean wasOpen = getCenter() == inspectorSplit;
        inspectorSplit.getItems().setAll(mapPane, view);
        SplitPane.setResizableWithParent(view, false);
        if (!wasOpen) {
            setCenter(inspectorSplit);
            double width = Math.max(1, getWidth());
            inspectorSplit.setDividerPositions(Math.max(0.55, 1 - Math.min(INSPECTOR_MAX_WIDTH, 0.4 * width) / width));
        }
        requestFocus();
    }

    /**
     * The inspector in a window of its own (after ↗): the map takes the whole tab, the window keeps its place for
     * the next cell, and closing it (× of the window, its ✕ or Esc) closes the inspector and docks it again.
     */
    private void showInWindow(CellInspectorView view) {
        inspectorSplit.getItems().clear();
        setCenter(mapPane);
        view.detachButton().setVisible(false);
        view.detachButton().setManaged(false);
        if (inspectorWindow == null) {
            inspectorWindow = new javafx.stage.Stage();
            inspectorWindow.setTitle("Cell inspector · Edge of Chaos Explorer");
            if (getScene() != null) {
                inspectorWindow.initOwner(getScene().getWindow());
            }
            javafx.scene.Scene scene = new javafx.scene.Scene(new StackPane(), 420, 680);
            if (getScene() != null) {
                // the window's own stylesheet and theme class, so that the detached inspector looks the same
                scene.getStylesheets().setAll(getScene().getStylesheets());
                scene.getRoot().getStyleClass().setAll(getScene().getRoot().getStyleClass());
            }
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    model.closeInspector();
                    e.consume();
                }
            });
            inspectorWindow.setScene(scene);
            inspectorWindow.setOnHidden(e -> {
                detached = false;
                if (model.inspectorProperty().get() != null) {
                    model.closeInspector();
                }
            });
        }
        inspectorWindow.getScene().setRoot(view);
        if (!inspectorWindow.isShowing()) {
            inspectorWindow.show();
        }
    }

    /** The inspector's own window while it is detached and shown, or null. */
    public javafx.stage.Stage inspectorWindow() {
        return inspectorWindow != null && inspectorWindow.isShowing() ? inspectorWindow : null;
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

    /** PNG of the map as shown (zoomed too), at the window's export size, drawn now and written in the background. */
    private void exportMap() {
        PhasePicture picture = model.pictureProperty().get();
        if (picture == null) {
            return;
        }
        model.choosePng("phase-diagram").ifPresent(file -> {
            double[] layout = exportSize.get().layout(canvas.getWidth(), canvas.getHeight() + 40);
            model.writePng(PhaseImages.renderMap(picture, canvas.view(), model.mapInfoProperty().get(), layout[0],
                    layout[1], layout[2]), file);
        });
    }

    /** SVG of the map as shown, at its size on screen. */
    public void exportMapSvg() {
        PhasePicture picture = model.pictureProperty().get();
        if (picture == null) {
            return;
        }
        model.chooseSvg("phase-diagram").ifPresent(file -> model.writeSvg(PhaseImages.svgMap(picture, canvas.view(),
                model.mapInfoProperty().get(), Math.max(600, canvas.getWidth()), Math.max(450,
                        canvas.getHeight() + 40)), file));
    }

    private void exportInspector(CellInspectorViewModel inspector) {
        model.choosePng(inspector.fileStem()).ifPresent(file -> {
            double[] layout = exportSize.get().layout(Math.max(360, inspectorView == null ? 0
                    : inspectorView.getWidth()), Math.max(560, inspectorView == null ? 0 : inspectorView.getHeight()));
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
        return inspectorView;
    }
}
