package org.edgeofchaos.explorer.ui.charts;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.edgeofchaos.explorer.ui.common.CanvasRegion;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.jfree.fx.FXGraphics2D;

/**
 * A chart of a {@link ChartSpec} on the screen: {@link ChartPainter} draws it on a canvas through FXGraphics2D,
 * the same code that writes PNG and SVG files. Moving the pointer over the plot shows a crosshair with each
 * series' value there.
 *
 * <p>Why a canvas: a stock LineChart lays out a node per path element and re-creates its tick labels on every
 * update; with a thousand points per curve that took 40-90 ms of the FX thread per live update (measured with
 * JavaFX's pulse logger). Here {@link #show(ChartSpec)} only marks the chart dirty, and the next pulse repaints it
 * once, in a few milliseconds.
 */
public final class SpecChart extends CanvasRegion {
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

    /** Shows a new spec; the chart repaints once in the next pulse however often this is called. */
    public void show(ChartSpec newSpec) {
        spec = newSpec;
        markDirty();
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
        FXGraphics2D g = new FXGraphics2D(gc);
        last = ChartPainter.paint(g, spec, null, w, h, screenStyle(), hoverX);
        g.dispose();
    }
}
