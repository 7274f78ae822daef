package org.edgeofchaos.explorer.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The zoom shared by the training charts and the phase map, without a window. */
class ZoomModelTest {
    private static final double EPS = 1e-9;

    private static ZoomModel model(double xMin, double xMax, double yMin, double yMax) {
        ZoomModel zoom = new ZoomModel();
        zoom.setBounds(new ViewRange(xMin, xMax, yMin, yMax));
        return zoom;
    }

    /** Where data x sits across the view, 0 at the left edge and 1 at the right. */
    private static double fractionX(ViewRange v, double x) {
        return (x - v.xMin()) / v.width();
    }

    @Test
    void zoomingInAboutAPointKeepsThatPointUnderThePointerAndHalvesTheSpan() {
        ZoomModel zoom = model(0, 10, -1, 1);
        double before = fractionX(zoom.view(), 3);

        zoom.zoomAbout(3, 0.5, 0.5);

        ViewRange v = zoom.view();
        assertTrue(zoom.isZoomed());
        assertEquals(5, v.width(), EPS);
        assertEquals(1, v.height(), EPS);
        assertEquals(before, fractionX(v, 3), EPS, "the point under the pointer does not move");
        assertEquals(0.75, (0.5 - v.yMin()) / v.height(), EPS);
        assertEquals(1.5, v.xMin(), EPS);
    }

    @Test
    void zoomingOutNeverLeavesTheDataAndAtFullSizeIsNoZoomAtAll() {
        ZoomModel zoom = model(0, 10, 0, 1);
        zoom.zoomAbout(9, 0.9, 0.25);
        assertTrue(zoom.view().xMax() <= 10 + EPS);

        zoom.zoomAbout(7, 0.7, 3); // would reach past x = 10 and y = 1: moved back inside
        ViewRange v = zoom.view();
        assertEquals(7.5, v.width(), EPS);
        assertEquals(10, v.xMax(), EPS, "clamped to the right edge of the data");
        assertEquals(1, v.yMax(), EPS);

        zoom.zoomAbout(5, 0.5, 10);
        assertFalse(zoom.isZoomed(), "zoomed out past the data: back to the whole");
        assertEquals(new ViewRange(0, 10, 0, 1), zoom.view());
    }

    @Test
    void aRectangleIsShownAsDrawnInAnyDirectionAndClampedToTheBounds() {
        ZoomModel zoom = model(-1, 2, 0.02, 2);
        zoom.zoomTo(1.5, 0.4, 0.5, 1.2);
        assertEquals(new ViewRange(0.5, 1.5, 0.4, 1.2), zoom.view());

        zoom.zoomTo(1.5, -3, 4, 1); // partly outside the map
        ViewRange v = zoom.view();
        assertEquals(2, v.xMax(), EPS);
        assertEquals(0.02, v.yMin(), EPS);
        assertTrue(v.xMin() >= -1 && v.yMax() <= 2);
    }

    @Test
    void theViewCannotShrinkBelowAMinimumFractionOfTheData() {
        ZoomModel zoom = model(0, 1, 0, 1);
        for (int i = 0; i < 100; i++) {
            zoom.zoomAbout(0.3, 0.3, 0.5);
        }
        assertEquals(ZoomModel.MIN_FRACTION, zoom.view().width(), 1e-12);
        assertTrue(zoom.view().contains(0.3, 0.3));
    }

    @Test
    void panningMovesByAFractionOfTheViewAndStopsAtTheEdge() {
        ZoomModel zoom = model(0, 10, 0, 10);
        zoom.zoomTo(2, 2, 4, 4);
        ViewRange start = zoom.view();

        zoom.pan(start, 0.5, -0.25);
        assertEquals(new ViewRange(3, 5, 1.5, 3.5), zoom.view());

        zoom.pan(start, 100, 0);
        assertEquals(8, zoom.view().xMin(), EPS, "stops at the right edge, keeping the size");
        assertEquals(10, zoom.view().xMax(), EPS);
    }

    @Test
    void resetShowsEverythingAndNotifiesOnce() {
        ZoomModel zoom = model(0, 10, 0, 10);
        AtomicInteger changes = new AtomicInteger();
        zoom.addListener(changes::incrementAndGet);
        zoom.zoomAbout(5, 5, 0.5);
        assertEquals(1, changes.get());

        zoom.reset();
        zoom.reset();

        assertFalse(zoom.isZoomed());
        assertEquals(2, changes.get(), "a second reset changes nothing and says nothing");
        assertEquals(zoom.bounds(), zoom.view());
    }

    @Test
    void growingDataMovesAnUnzoomedViewButKeepsAZoomedOne() {
        ZoomModel zoom = model(0, 10, 0, 1);
        zoom.setBounds(new ViewRange(0, 20, 0, 1));
        assertEquals(20, zoom.view().xMax(), EPS, "not zoomed: follows the data");

        zoom.zoomTo(2, 0.2, 4, 0.4);
        zoom.setBounds(new ViewRange(0, 30, 0, 1));
        assertEquals(new ViewRange(2, 4, 0.2, 0.4), zoom.view(), "zoomed: stays where the user put it");

        zoom.setBounds(new ViewRange(0, 3, 0, 1));
        assertEquals(3, zoom.view().xMax(), EPS, "clamped into data that shrank (another run shown)");
        assertEquals(2, zoom.view().width(), EPS);
    }

    @Test
    void aLogAxisZoomsInDecadesAboutThePointer() {
        ZoomModel zoom = new ZoomModel(ZoomModel.Scale.LINEAR, ZoomModel.Scale.LOG);
        zoom.setBounds(new ViewRange(0, 1, 1e-6, 1));

        zoom.zoomAbout(0.5, 1e-3, 1, 0.5);

        ViewRange v = zoom.view();
        assertEquals(1, v.width(), EPS, "x left alone");
        assertEquals(3, Math.log10(v.yMax()) - Math.log10(v.yMin()), 1e-9, "six decades became three");
        assertEquals(0.5, (Math.log10(1e-3) - Math.log10(v.yMin())) / 3, 1e-9, "1e-3 stays where it was");
        assertThrows(IllegalArgumentException.class, () -> zoom.setBounds(new ViewRange(0, 1, 0, 1)));
    }
}
