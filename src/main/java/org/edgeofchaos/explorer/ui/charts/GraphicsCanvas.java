package org.edgeofchaos.explorer.ui.charts;

import javafx.scene.canvas.GraphicsContext;

import org.edgeofchaos.explorer.ui.common.CanvasGraphics;
import org.edgeofchaos.explorer.ui.common.CanvasRegion;
import org.jfree.fx.FXGraphics2D;

/**
 * A {@link CanvasRegion} that shows a {@link Painter} through FXGraphics2D: the same Graphics2D drawing as the PNG
 * and SVG exports. Changes only mark it dirty (one redraw per pulse, whatever the number of changes).
 */
public final class GraphicsCanvas extends CanvasRegion {
    private Painter painter = (g, w, h) -> { };
    private GraphicsContext context;
    private FXGraphics2D graphics;

    public GraphicsCanvas() {
        setMinSize(120, 100);
        setPrefSize(400, 300);
    }

    public void setPainter(Painter newPainter) {
        painter = newPainter;
        repaint();
    }

    public Painter painter() {
        return painter;
    }

    /** Asks for a redraw in the next layout pass. */
    public void repaint() {
        markDirty();
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        if (g != context) {
            context = g;
            graphics = new CanvasGraphics(g);
        }
        g.clearRect(0, 0, w, h);
        painter.paint(graphics, w, h);
    }
}
