package org.edgeofchaos.explorer.ui.charts;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * How large the charts on screen draw their text (1 at the desk; about 1.5 in presentation mode, for the back of
 * a classroom). Lines grow faster than text: a 1.4-pixel curve is the first thing a projector loses. Like the
 * theme, one value for the whole window (FX thread); charts repaint when it changes.
 */
public final class ChartScale {
    private static final SimpleDoubleProperty SCALE = new SimpleDoubleProperty(1);

    private ChartScale() {
    }

    public static double get() {
        return SCALE.get();
    }

    /** Lines are scaled by 1.4 times the text scale, so a normal curve of 1.4 px becomes about 3 px at 1.5. */
    public static double lineScale() {
        return SCALE.get() == 1 ? 1 : SCALE.get() * 1.4;
    }

    public static void set(double scale) {
        SCALE.set(Math.max(0.5, Math.min(3, scale)));
    }

    public static ReadOnlyDoubleProperty property() {
        return SCALE;
    }
}
