package org.edgeofchaos.explorer.ui.controls;

/**
 * How a setting maps onto its slider's position. The slider works in positions; values are what the user sees.
 */
public enum SliderScale {
    /** Position = value. */
    LINEAR,
    /** Position = log10(value). */
    LOG,
    /** Position = log10(value); the leftmost notch below the smallest value is exactly zero. */
    LOG_WITH_ZERO,
    /** Position = log2(value), snapping to whole powers of two. */
    POWER_OF_TWO,
    /** Position = log10(value), values rounded to whole numbers (for sizes spanning decades). */
    LOG_INTEGER,
    /** Position = value, rounded to whole numbers. */
    INTEGER;

    /** Width of the extra zero notch of {@link #LOG_WITH_ZERO}, in decades. */
    static final double ZERO_NOTCH = 1.0;

    public boolean integral() {
        return this == POWER_OF_TWO || this == LOG_INTEGER || this == INTEGER;
    }

    public double sliderMin(double min, double max) {
        return switch (this) {
            case LINEAR, INTEGER -> min;
            case LOG, LOG_INTEGER -> Math.log10(min);
            case LOG_WITH_ZERO -> Math.log10(smallestPositive(min, max)) - ZERO_NOTCH;
            case POWER_OF_TWO -> log2(min);
        };
    }

    public double sliderMax(double min, double max) {
        return switch (this) {
            case LINEAR, INTEGER -> max;
            case LOG, LOG_INTEGER, LOG_WITH_ZERO -> Math.log10(max);
            case POWER_OF_TWO -> log2(max);
        };
    }

    public double toPosition(double value, double min, double max) {
        return switch (this) {
            case LINEAR, INTEGER -> value;
            case LOG, LOG_INTEGER -> Math.log10(value);
            case LOG_WITH_ZERO -> value <= 0 ? sliderMin(min, max) : Math.log10(value);
            case POWER_OF_TWO -> log2(value);
        };
    }

    public double fromPosition(double position, double min, double max) {
        double v = switch (this) {
            case LINEAR -> position;
            case INTEGER -> Math.round(position);
            case LOG -> round3(Math.pow(10, position));
            case LOG_INTEGER -> Math.round(Math.pow(10, position));
            case LOG_WITH_ZERO -> {
                double lowest = Math.log10(smallestPositive(min, max));
                if (position < lowest - ZERO_NOTCH / 2) {
                    yield 0.0;
                }
                yield round3(Math.pow(10, Math.max(lowest, position)));
            }
            case POWER_OF_TWO -> Math.pow(2, Math.round(position));
        };
        double lo = this == LOG_WITH_ZERO ? 0 : min;
        return Math.max(lo, Math.min(max, v));
    }

    /** The smallest value a LOG_WITH_ZERO setting takes apart from zero. */
    static double smallestPositive(double min, double max) {
        return min > 0 ? min : 1e-6;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /** Three significant digits: slider values read 0.0213, not 0.021298361. */
    private static double round3(double v) {
        if (v == 0) {
            return 0;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }
}
