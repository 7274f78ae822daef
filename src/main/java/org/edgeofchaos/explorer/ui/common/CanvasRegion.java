package org.edgeofchaos.explorer.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that paints itself on a canvas of its own size (ChartFX style). Changes only mark it dirty; the
 * painting happens in the next layout pass, so any number of changes within one pulse cost one redraw.
 */
public abstract class CanvasRegion extends Region {
    private final Canvas canvas = new Canvas();
    private boolean dirty = true;

    protected CanvasRegion() {
        getChildren().add(canvas);
    }

    /** Asks for a redraw in the next layout pass. */
    protected final void markDirty() {
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
        if (dirty) {
            dirty = false;
            paint(canvas.getGraphicsContext2D(), w, h);
        }
    }

    /** Draws now, for offscreen rendering where no pulse may come. */
    public void drawNow() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
        dirty = false;
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    /** Paints the whole canvas, {@code width} x {@code height} pixels. */
    protected abstract void paint(GraphicsContext g, double width, double height);
}
