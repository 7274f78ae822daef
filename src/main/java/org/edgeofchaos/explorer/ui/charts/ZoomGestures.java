package org.edgeofchaos.explorer.ui.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.function.Supplier;

import javafx.scene.Cursor;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The one zoom scheme of every plot in the window (training charts, phase map): the mouse wheel zooms about the
 * pointer, dragging a box zooms to it, Ctrl+drag (or the middle button) pans, and double-click resets (where a
 * click has no other meaning). The gestures change a {@link ZoomModel}; the plot repaints from it. The box being
 * dragged is drawn by the plot's own painting through {@link #paintBand}.
 */
public final class ZoomGestures {
    /** How far the pointer must move before a press becomes a drag (a click stays a click). */
    private static final double DRAG_THRESHOLD = 4;

    private final ZoomModel zoom;
    private final Supplier<ChartPainter.Frame> frame;
    private final Runnable repaint;
    private double pressX;
    private double pressY;
    private double dragX;
    private double dragY;
    private boolean pressed;
    private boolean dragging;
    private boolean panning;
    private ViewRange panStart;
    private ChartPainter.Frame pressFrame;

    private ZoomGestures(ZoomModel zoom, Supplier<ChartPainter.Frame> frame, Runnable repaint) {
        this.zoom = zoom;
        this.frame = frame;
        this.repaint = repaint;
    }

    /**
     * Adds the gestures to {@code node} (handlers are added, not set: the node's own hover and click handlers
     * keep working; a click that ended a drag reports {@code isStillSincePress() == false}).
     *
     * @param frame             where the plot was drawn last and which data it showed (null before the first paint)
     * @param repaint           asks the plot for a redraw (the box follows the pointer)
     * @param doubleClickResets false where a click already means something (the phase map opens a cell)
     */
    public static ZoomGestures install(Region node, ZoomModel zoom, Supplier<ChartPainter.Frame> frame,
            Runnable repaint, boolean doubleClickResets) {
        ZoomGestures gestures = new ZoomGestures(zoom, frame, repaint);
        node.addEventHandler(ScrollEvent.SCROLL, e -> {
            ChartPainter.Frame f = frame.get();
            if (f == null || !f.contains(e.getX(), e.getY()) || e.getDeltaY() == 0) {
                return;
            }
            gestures.wheel(f, e.getX(), e.getY(), e.getDeltaY());
            focusView(node); // so that Esc reaches the plot's view
            e.consume();
        });
        node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            ChartPainter.Frame f = frame.get();
            boolean pan = e.getButton() == MouseButton.MIDDLE
                    || (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown());
            if (f != null && f.contains(e.getX(), e.getY()) && (pan || e.getButton() == MouseButton.PRIMARY)) {
                gestures.press(f, e.getX(), e.getY(), pan);
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (gestures.drag(e.getX(), e.getY())) {
                node.setCursor(gestures.panning ? Cursor.MOVE : Cursor.CROSSHAIR);
            }
        });
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            gestures.release(e.getX(), e.getY());
            node.setCursor(Cursor.DEFAULT);
        });
        if (doubleClickResets) {
            node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
                    zoom.reset();
                }
            });
        }
        return gestures;
    }

    /** Focuses the first focusable view around the plot (its Esc handling then sees the keys). */
    private static void focusView(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n.isFocusTraversable()) {
                n.requestFocus();
                return;
            }
        }
    }

    /** One wheel step of 40 units zooms by about 15 %. */
    void wheel(ChartPainter.Frame f, double x, double y, double deltaY) {
        double factor = Math.exp(-deltaY * 0.004);
        zoom.zoomAbout(f.dataX(x), f.dataY(y), factor);
    }

    void press(ChartPainter.Frame f, double x, double y, boolean pan) {
        pressed = true;
        dragging = false;
        panning = pan;
        pressFrame = f;
        panStart = zoom.view();
        pressX = x;
        pressY = y;
        dragX = x;
        dragY = y;
    }

    /** @return whether a drag is under way */
    boolean drag(double x, double y) {
        if (!pressed) {
            return false;
        }
        dragX = x;
        dragY = y;
        if (!dragging && Math.hypot(x - pressX, y - pressY) < DRAG_THRESHOLD) {
            return false;
        }
        dragging = true;
        if (panning) {
            zoom.pan(panStart, (pressX - x) / pressFrame.width(), (y - pressY) / pressFrame.height());
        } else {
            repaint.run();
        }
        return true;
    }

    void release(double x, double y) {
        if (!pressed) {
            return;
        }
        pressed = false;
        boolean wasDragging = dragging;
        dragging = false;
        if (!wasDragging || panning) {
            return;
        }
        Rectangle2D box = box(x, y);
        repaint.run();
        // a sliver (a slip of the hand) is not a zoom
        if (box.getWidth() >= 6 && box.getHeight() >= 6) {
            zoom.zoomTo(pressFrame.dataX(box.getMinX()), pressFrame.dataY(box.getMaxY()),
                    pressFrame.dataX(box.getMaxX()), pressFrame.dataY(box.getMinY()));
        }
    }

    /** The box from the press to (x, y), inside the plot. */
    private Rectangle2D box(double x, double y) {
        ChartPainter.Frame f = pressFrame;
        double x0 = Math.max(f.left(), Math.min(pressX, x));
        double x1 = Math.min(f.left() + f.width(), Math.max(pressX, x));
        double y0 = Math.max(f.top(), Math.min(pressY, y));
        double y1 = Math.min(f.top() + f.height(), Math.max(pressY, y));
        return new Rectangle2D.Double(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /** Draws the box being dragged (if any) over the plot, in the plot's colours. */
    public void paintBand(Graphics2D g, ChartPainter.Style style) {
        if (!dragging || panning) {
            return;
        }
        Rectangle2D box = box(dragX, dragY);
        g.setColor(ChartPainter.withAlpha(style.series(0), 40));
        g.fill(box);
        g.setColor(style.series(0));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4, 3}, 0));
        g.draw(box);
        g.setStroke(new BasicStroke(1f));
    }

    /** Whether the pointer is dragging a box or panning (the plot's hover read-out pauses meanwhile). */
    public boolean active() {
        return dragging;
    }
}
