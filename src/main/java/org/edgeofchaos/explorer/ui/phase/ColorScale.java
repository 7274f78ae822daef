package org.edgeofchaos.explorer.ui.phase;

import java.util.List;

import javafx.scene.paint.Color;

import org.edgeofchaos.explorer.phase.PhaseMap;

/**
 * Diverging colour scales centred on the edge of chaos: blue = order, white = edge, red = chaos.
 *
 * <p>lambda_max: white at 0, full colour at +-{@link #LAMBDA_LIMIT} (values beyond are clamped); a square-root
 * response keeps the small exponents next to the edge visible. Distance: the paper's asymptotic distance relative
 * to the initial separation d0 = 1e-4 sqrt(N), on a log scale: white where the two trajectories end as far apart as
 * they started (log10(d/d0) = 0), blue where they merged, red where they separated.
 */
public final class ColorScale {
    public static final double LAMBDA_LIMIT = 1.0;
    /** Decades of d/d0 shown on each side of the centre. */
    public static final double DISTANCE_DECADES = 4;

    private static final Color ORDER = Color.rgb(33, 102, 172);
    private static final Color ORDER_MID = Color.rgb(146, 197, 222);
    private static final Color EDGE = Color.rgb(250, 250, 250);
    private static final Color CHAOS_MID = Color.rgb(244, 165, 130);
    private static final Color CHAOS = Color.rgb(178, 24, 43);
    private static final Color MISSING = Color.rgb(225, 225, 225);

    private final PhaseMap.Quantity quantity;
    private final double d0;

    public ColorScale(PhaseMap.Quantity quantity, int n) {
        this.quantity = quantity;
        this.d0 = 1e-4 * Math.sqrt(n);
    }

    public PhaseMap.Quantity quantity() {
        return quantity;
    }

    /** Position on the scale, -1 (deepest order) .. 1 (deepest chaos); NaN for a missing value. */
    public double position(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double p;
        if (quantity == PhaseMap.Quantity.LAMBDA_MAX) {
            double t = Math.max(-1, Math.min(1, value / LAMBDA_LIMIT));
            p = Math.signum(t) * Math.sqrt(Math.abs(t));
        } else {
            double decades = value <= 0 ? -DISTANCE_DECADES : Math.log10(value / d0);
            p = Math.max(-1, Math.min(1, decades / DISTANCE_DECADES));
        }
        return p;
    }

    /** The value at a scale position (inverse of {@link #position}). */
    public double value(double position) {
        if (quantity == PhaseMap.Quantity.LAMBDA_MAX) {
            return Math.signum(position) * position * position * LAMBDA_LIMIT;
        }
        return d0 * Math.pow(10, position * DISTANCE_DECADES);
    }

    public Color color(double value) {
        return colorAt(position(value));
    }

    /** Colour at a scale position -1..1. */
    public static Color colorAt(double position) {
        if (Double.isNaN(position)) {
            return MISSING;
        }
        double p = Math.max(-1, Math.min(1, position));
        if (p < 0) {
            double t = -p;
            return t < 0.5 ? EDGE.interpolate(ORDER_MID, t / 0.5) : ORDER_MID.interpolate(ORDER, (t - 0.5) / 0.5);
        }
        return p < 0.5 ? EDGE.interpolate(CHAOS_MID, p / 0.5) : CHAOS_MID.interpolate(CHAOS, (p - 0.5) / 0.5);
    }

    public static Color missing() {
        return MISSING;
    }

    /** Labelled ticks of the colour bar. */
    public List<Double> ticks() {
        if (quantity == PhaseMap.Quantity.LAMBDA_MAX) {
            return List.of(-1.0, -0.5, -0.2, -0.05, 0.0, 0.05, 0.2, 0.5, 1.0);
        }
        return List.of(d0 * 1e-4, d0 * 1e-2, d0, d0 * 1e2, d0 * 1e4);
    }

    public String title() {
        return quantity == PhaseMap.Quantity.LAMBDA_MAX ? "λmax (per step)" : "asymptotic distance";
    }

    public String lowLabel() {
        return "order";
    }

    public String highLabel() {
        return "chaos";
    }
}
