package org.edgeofchaos.explorer.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that paints itself on a canvas of its own size (ChartFX style). Changes only mark it dirty; the
 * painting happens in the next layout pass, so any number of changes within one pulse cost one redraw.
 *
 * <p>Regions whose content changed share a painting budget per pulse: once {@value #PULSE_BUDGET_MILLIS} ms have been
 * spent painting in one pulse, the other dirty regions paint in the next one, a frame (16 ms) later. Why: a run's
 * start and every epoch's end change all four training charts at once, and on cold code the four took 25 ms
 * together (15.7 + 2.4 + 2.3 + 4.4 ms, the first chart drawing its legend for the first time), on top of the CSS of
 * the controls turning disabled in the same frame; that frame was the one still over 50 ms. A region whose size
 * changed always paints at once, so that no frame shows it stretched, and one left waiting paints in the next
 * pulse whatever the budget says, so that a chart repainted in every frame (the pointer moving over it) cannot keep
 * the others waiting.
 */
public abstract class CanvasRegion extends Region {
    static final double PULSE_BUDGET_MILLIS = 8;
    /** Painting time spent in the current pulse, by all regions; reset after the pulse. FX thread only. */
    private static long paintedNanos;
    private static boolean resetPosted;
    private static final List<CanvasRegion> WAITING = new ArrayList<>();

    private final Canvas canvas = new Canvas();
    private boolean dirty = true;
    /** Left for the next pulse once: then it paints whatever the budget says, so no region waits twice. */
    private boolean waited;

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
        boolean resized = canvas.getWidth() != w || canvas.getHeight() != h;
        if (resized) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            if (!resized && !waited && paintedNanos >= PULSE_BUDGET_MILLIS * 1e6) {
                waited = true;
                WAITING.add(this); // still dirty; laid out again after this pulse
                return;
            }
            dirty = false;
            waited = false;
            long start = System.nanoTime();
            paint(canvas.getGraphicsContext2D(), w, h);
            paintedNanos += System.nanoTime() - start;
            afterThisPulse();
        }
    }

    /**
     * Resets the budget once the current pulse is over and asks the regions left waiting for the next layout pass.
     * A runnable posted now runs after the pulse that is running (the pulse is itself on the FX thread's queue).
     */
    private static void afterThisPulse() {
        if (resetPosted) {
            return;
        }
        resetPosted = true;
        Platform.runLater(() -> {
            resetPosted = false;
            paintedNanos = 0;
            List<CanvasRegion> waiting = List.copyOf(WAITING);
            WAITING.clear();
            waiting.forEach(CanvasRegion::requestLayout);
        });
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
