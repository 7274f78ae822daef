package org.edgeofchaos.explorer.ui.charts;

import java.util.List;
import java.util.Objects;

import javafx.scene.canvas.GraphicsContext;

import org.edgeofchaos.explorer.ui.common.CanvasGraphics;
import org.edgeofchaos.explorer.ui.common.CanvasRegion;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.jfree.fx.FXGraphics2D;

/**
 * A chart of a {@link ChartSpec} on the screen: {@link ChartPainter} draws it on a canvas through FXGraphics2D,
 * the same code that writes PNG and SVG files. Moving the pointer over the plot shows a crosshair with each
 * series' value there. The chart zooms ({@link ZoomGestures}: wheel, drag a box, Ctrl+drag to pan, double-click
 * to reset); an export draws the zoomed range too ({@link #view()}).
 *
 * <p>Why a canvas: a stock LineChart lays out a node per path element and re-creates its tick labels on every
 * update; with a thousand points per curve that took 40-90 ms of the FX thread per live update (measured with
 * JavaFX's pulse logger). Here {@link #show(ChartSpec)} only marks the chart dirty, and the next pulse repaints it
 * once, in a few milliseconds.
 */
public final class SpecChart extends CanvasRegion {
    /** How to zoom, for hints and tooltips. */
    public static final String ZOOM_HINT = "Wheel: zoom at the pointer · drag: zoom to a box · Ctrl+drag: pan · "
            + "double-click: whole chart";

    private final ZoomModel zoom = new ZoomModel();
    private final ZoomGestures gestures;
    private ChartSpec spec;
    private ChartPainter.Result last = ChartPainter.Result.EMPTY;
    private double hoverX = Double.NaN;

    public SpecChart() {
        getStyleClass().add("spec-chart");
        setPrefSize(640, 260);
        setMinSize(160, 120);
        setOnMouseMoved(e -> {
            ChartPainter.Frame f = last.frame();
            double x = f != null && f.contains(e.getX(), e.getY()) ? f.dataX(e.getX()) : Double.NaN;
            if (Double.compare(x, hoverX) != 0) {
                hoverX = x;
                markDirty();
            }
        });
        setOnMouseExited(e -> {
            hoverX = Double.NaN;
            markDirty();
        });
        zoom.addListener(this::markDirty);
        gestures = ZoomGestures.install(this, zoom, () -> last.frame(), this::markDirty, true);
        Theme.currentProperty().addListener((obs, o, n) -> markDirty());
        ChartScale.property().addListener((obs, o, n) -> markDirty());
    }

    /** The chart style of the window's look, at the size presentation mode asks for. */
    public static ChartPainter.Style screenStyle() {
        ChartPainter.Style base = switch (Theme.current()) {
            case DARK -> ChartPainter.Style.DARK;
            case PROJECTOR_DARK -> ChartPainter.Style.PROJECTOR_DARK;
            case PROJECTOR_LIGHT -> ChartPainter.Style.PROJECTOR_LIGHT;
            default -> ChartPainter.Style.LIGHT;
        };
        double scale = ChartScale.get();
        return scale == 1 ? base : base.scaled(scale, ChartScale.lineScale());
    }

    public ChartSpec spec() {
        return spec;
    }

    /**
     * Shows a new spec; the chart repaints once in the next pulse however often this is called. A zoom is kept
     * while the same curves grow (a live run) and dropped when other curves or another x axis are shown.
     */
    public void show(ChartSpec newSpec) {
        if (spec != null && newSpec != null && !sameCurves(spec, newSpec)) {
            zoom.reset();
        }
        spec = newSpec;
        markDirty();
    }

    private static boolean sameCurves(ChartSpec a, ChartSpec b) {
        return Objects.equals(a.xLabel(), b.xLabel()) && a.series().stream().map(ChartSpec.SeriesSpec::name).toList()
                .equals(b.series().stream().map(ChartSpec.SeriesSpec::name).toList());
    }

    /** The chart's zoom (tests and the view's "Reset zoom" use it). */
    public ZoomModel zoom() {
        return zoom;
    }

    /** The range shown when zoomed, or null for all the data: what an export of this chart should draw. */
    public ViewRange view() {
        return zoom.isZoomed() ? zoom.view() : null;
    }

    /** Where the plot was drawn last and which data it showed, or null before the first paint. */
    public ChartPainter.Frame frame() {
        return last.frame();
    }

    /**
     * Points drawn for a series in the last paint (after decimation; 0 if the series does not exist). Lets tests
     * see what reached the screen.
     */
    public int drawnPoints(int series) {
        List<Integer> drawn = last.drawnPoints();
        return series < drawn.size() ? drawn.get(series) : 0;
    }

    @Override
    protected void paint(GraphicsContext gc, double w, double h) {
        FXGraphics2D g = new CanvasGraphics(gc);
        ChartPainter.Style style = screenStyle();
        last = ChartPainter.paint(g, spec, null, w, h, style, gestures.active() ? Double.NaN : hoverX, view());
        if (last.full() != null) {
            // the data may have grown: the zoom's bounds follow (a zoomed view stays, clamped)
            zoom.setBounds(last.full());
        }
        gestures.paintBand(g, style);
        g.dispose();
    }
}
