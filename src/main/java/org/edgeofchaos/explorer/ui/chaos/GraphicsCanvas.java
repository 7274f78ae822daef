package org.edgeofchaos.explorer.ui.chaos;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

import org.jfree.fx.FXGraphics2D;

/**
 * A region that shows a {@link Painter} on a canvas of its own size through FXGraphics2D. Changes only mark it
 * dirty; the painting happens in the next layout pass (one redraw per pulse, whatever the number of changes).
 */
public final class GraphicsCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final FXGraphics2D graphics = new FXGraphics2D(canvas.getGraphicsContext2D());
    private Painter painter = (g, w, h) -> { };
    private boolean dirty = true;

    public GraphicsCanvas() {
        getChildren().add(canvas);
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
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty && w > 0 && h > 0) {
            dirty = false;
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            painter.paint(graphics, w, h);
        }
    }
}
