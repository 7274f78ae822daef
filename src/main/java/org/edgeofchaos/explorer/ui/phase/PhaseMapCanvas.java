package org.edgeofchaos.explorer.ui.phase;

import java.util.List;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.edgeofchaos.explorer.ui.charts.ZoomGestures;
import org.edgeofchaos.explorer.ui.charts.ZoomModel;
import org.edgeofchaos.explorer.ui.common.CanvasGraphics;
import org.edgeofchaos.explorer.ui.common.CanvasRegion;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.jfree.fx.FXGraphics2D;

/**
 * The phase diagram on the screen: {@link PhaseMapPainter} draws it on a canvas through FXGraphics2D (the same
 * code that writes the PNG and SVG files) in the window's theme, zoomed as the {@link #zoom() zoom} says (wheel,
 * drag a box, Ctrl+drag to pan; a click stays the click that opens a cell).
 *
 * <p>Setters only record state and mark the canvas dirty; the drawing happens in the next layout pass, which
 * JavaFX runs at most once per pulse, so many updates (cells arriving from the workers, epochs) cost one redraw.
 */
public final class PhaseMapCanvas extends CanvasRegion {
    private final PhaseMapPainter painter = new PhaseMapPainter(true);
    private final ZoomModel zoom = new ZoomModel();
    private final ZoomGestures gestures;
    private PhaseMap.Snapshot snapshot;
    private PhaseMap.Quantity quantity = PhaseMap.Quantity.LAMBDA_MAX;
    private double[][] edge = new double[0][];
    private List<PathLayer> paths = List.of();
    private String title = "";
    private String currentLabel = "";
    private int hoverCell = -1;
    private int selectedCell = -1;
    private ChartPainter.Frame frame;
    private long redraws;
    private boolean drewMap;
    private final List<Runnable> onFirstMap = new java.util.ArrayList<>();

    public PhaseMapCanvas() {
        getStyleClass().add("phase-map-canvas");
        setMinSize(300, 220);
        setPrefSize(760, 560);
        zoom.addListener(this::markDirty);
        gestures = ZoomGestures.install(this, zoom, () -> frame, this::markDirty, false);
        Theme.currentProperty().addListener((obs, o, n) -> markDirty());
    }

    // ---- state ----

    public void setSnapshot(PhaseMap.Snapshot value) {
        if (snapshot == null || value == null || !snapshot.spec().equals(value.spec())) {
            // another map (another range or grid): start from the whole of it
            zoom.reset();
        }
        snapshot = value;
        if (value != null) {
            PhaseMapSpec s = value.spec();
            zoom.setBounds(new ViewRange(s.xMin(), s.xMax(), s.yMin(), s.yMax()));
        }
        markDirty();
    }

    public void setQuantity(PhaseMap.Quantity value) {
        quantity = value;
        markDirty();
    }

    /** The mean-field edge as {x, y} points in data coordinates (NaN y breaks the line). */
    public void setEdge(double[][] points) {
        edge = points;
        markDirty();
    }

    public void setPaths(List<PathLayer> value) {
        paths = List.copyOf(value);
        markDirty();
    }

    public void setTitle(String value) {
        title = value;
        markDirty();
    }

    /** Text next to the live run's current point (its lambda_max and the map's value there). */
    public void setCurrentLabel(String value) {
        currentLabel = value == null ? "" : value;
        markDirty();
    }

    public void setHoverCell(int index) {
        if (hoverCell != index) {
            hoverCell = index;
            markDirty();
        }
    }

    public void setSelectedCell(int index) {
        selectedCell = index;
        markDirty();
    }

    /** The zoom of the map (the view's Reset zoom and Esc use it; exports draw its view). */
    public ZoomModel zoom() {
        return zoom;
    }

    /** The range shown when zoomed, or null for the whole map. */
    public ViewRange view() {
        return zoom.isZoomed() ? zoom.view() : null;
    }

    /** Whether a map (not the loading placeholder) has been drawn. */
    public boolean hasDrawnMap() {
        return drewMap;
    }

    /**
     * Runs {@code action} once a map (not the loading placeholder) has been drawn: now if it has, else right after
     * the first such paint (inside that layout pass: defer real work past the pulse).
     */
    public void whenMapDrawn(Runnable action) {
        if (drewMap) {
            action.run();
        } else {
            onFirstMap.add(action);
        }
    }

    /** Number of redraws so far (tests check that updates are coalesced). */
    public long redraws() {
        return redraws;
    }

    // ---- geometry ----

    /** The plot area (heatmap) in local coordinates. */
    public Rectangle2D plotArea() {
        java.awt.geom.Rectangle2D p = PhaseMapPainter.plotArea(getWidth(), getHeight(), 0);
        return new Rectangle2D(p.getX(), p.getY(), p.getWidth(), p.getHeight());
    }

    /** Data coordinates (x = J0/J, y = 1/J) at a local point, or null outside the plot area. */
    public double[] dataAt(double localX, double localY) {
        if (snapshot == null) {
            return null;
        }
        Rectangle2D p = plotArea();
        if (!p.contains(localX, localY)) {
            return null;
        }
        ViewRange v = zoom.view();
        double x = v.xMin() + (localX - p.getMinX()) / p.getWidth() * v.width();
        double y = v.yMax() - (localY - p.getMinY()) / p.getHeight() * v.height();
        return new double[] {x, y};
    }

    /** Local coordinates of a data point. */
    public double[] screenOf(double x, double y) {
        Rectangle2D p = plotArea();
        ViewRange v = zoom.view();
        return new double[] {p.getMinX() + (x - v.xMin()) / v.width() * p.getWidth(),
            p.getMinY() + (v.yMax() - y) / v.height() * p.getHeight()};
    }

    /** What the canvas shows, as one value (exports draw it with the same painter). */
    public PhasePicture picture() {
        return snapshot == null ? null : new PhasePicture(snapshot, quantity, edge, paths, title, currentLabel,
                selectedCell);
    }

    // ---- drawing ----

    @Override
    protected void paint(GraphicsContext gc, double w, double h) {
        redraws++;
        FXGraphics2D g = new CanvasGraphics(gc);
        // A new FXGraphics2D believes black is set while the canvas may hold the last paint's colour: set another
        // colour first, so that the projector theme's black background is really black.
        g.setColor(java.awt.Color.WHITE);
        ChartPainter.Style style = org.edgeofchaos.explorer.ui.charts.SpecChart.screenStyle();
        // the cells are one image scaled up: each cell a sharp block, at any zoom and render scale
        gc.setImageSmoothing(false);
        frame = painter.paint(g, picture(), view(), hoverCell, null, w, h, style);
        gc.setImageSmoothing(true);
        boolean first = frame != null && !drewMap;
        drewMap |= frame != null;
        if (first) {
            org.edgeofchaos.explorer.ui.common.StartupMilestones.reached("phase map painted");
            List<Runnable> waiting = List.copyOf(onFirstMap);
            onFirstMap.clear();
            waiting.forEach(Runnable::run);
        }
        gestures.paintBand(g, style);
        g.dispose();
    }
}
