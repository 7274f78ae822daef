package org.edgeofchaos.explorer.ui.common;

import java.awt.Font;
import java.awt.FontMetrics;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.scene.canvas.GraphicsContext;

import org.jfree.fx.FXFontMetrics;
import org.jfree.fx.FXGraphics2D;

/**
 * The Java2D view of a canvas that the charts and maps paint through: FXGraphics2D whose font metrics remember the
 * widths they measured.
 *
 * <p>Why: FXGraphics2D measures every string by building and laying out a JavaFX {@code Text} node. The live charts
 * repaint up to 20 times a second and measure each tick label, legend entry and title every time: profiled during
 * training (JFR, FX thread), a fifth of the FX thread's samples and half of its garbage were these measurements.
 * The same few hundred strings come back paint after paint, so their widths are kept (per font, the most recent
 * {@value #WIDTHS_PER_FONT}). A width depends only on the font and the string, not on the graphics' state.
 *
 * <p>Like FXGraphics2D by default, it measures with JavaFX's text layout (what the canvas then draws), and unlike
 * FXGraphics2D 2.1.5, whose {@code getFontMetrics(Font)} measures with the graphics' current font whatever font is
 * asked for, it measures with the font asked for.
 */
public final class CanvasGraphics extends FXGraphics2D {
    /** Widths remembered per font; tick labels change as the data grow, so older ones are dropped. */
    static final int WIDTHS_PER_FONT = 512;
    // Painting happens on the FX thread; the lock only guards against a paint elsewhere (e.g. a test).
    private static final Map<Font, RememberingMetrics> METRICS = new HashMap<>();

    public CanvasGraphics(GraphicsContext context) {
        super(context);
    }

    @Override
    public FontMetrics getFontMetrics(Font font) {
        synchronized (METRICS) {
            return METRICS.computeIfAbsent(font, RememberingMetrics::new);
        }
    }

    /** FXGraphics2D's metrics with a bounded memory of string widths. */
    static final class RememberingMetrics extends FXFontMetrics {
        private final Map<String, Integer> widths = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > WIDTHS_PER_FONT;
            }
        };

        // FXFontMetrics measures with the font alone; it keeps the graphics only to pass it along unused, and a
        // graphics kept here would keep its canvas alive for as long as the application runs.
        RememberingMetrics(Font font) {
            super(font, null);
        }

        @Override
        public int stringWidth(String s) {
            synchronized (widths) {
                Integer known = widths.get(s);
                if (known != null) {
                    return known;
                }
            }
            int measured = super.stringWidth(s);
            synchronized (widths) {
                widths.put(s, measured);
            }
            return measured;
        }

        /** How many widths are remembered (for tests). */
        int remembered() {
            synchronized (widths) {
                return widths.size();
            }
        }
    }
}
