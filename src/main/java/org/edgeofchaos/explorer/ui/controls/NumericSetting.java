package org.edgeofchaos.explorer.ui.controls;

import java.util.Locale;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * One numeric setting of the controls panel: its value, its range and slider scale, and the reason the last typed
 * text was refused. A refused value never replaces the last valid one.
 */
public final class NumericSetting {
    private final String id;
    private final String label;
    private final String help;
    private final SliderScale scale;
    private final double min;
    private final double max;
    private final SimpleDoubleProperty value = new SimpleDoubleProperty();
    /**
     * The value as a whole number, exact beyond 2^53 where a double is not (a sweep run's derived seed is a 63-bit
     * number); kept for every setting, meaningful for whole-number ones.
     */
    private final SimpleLongProperty exact = new SimpleLongProperty();
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleStringProperty text = new SimpleStringProperty("");
    private final SimpleBooleanProperty editable = new SimpleBooleanProperty(true);

    /**
     * @param id stable key, the core's name of the setting ({@code Hyperparameters.Field#key()}), e.g.
     *           {@code learningRate}: validation errors of the core find their field by it
     */
    public NumericSetting(String id, String label, String help, SliderScale scale, double min,
            double max, double initial) {
        this.id = id;
        this.label = label;
        this.help = help;
        this.scale = scale;
        this.min = min;
        this.max = max;
        set(initial);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    public SliderScale scale() {
        return scale;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public ReadOnlyDoubleProperty valueProperty() {
        return value;
    }

    public double get() {
        return value.get();
    }

    public int getInt() {
        return (int) Math.round(value.get());
    }

    /** The value as a whole number, exact for whole-number settings of any size (seeds). */
    public long getLong() {
        return scale.integral() ? exact.get() : Math.round(value.get());
    }

    /** {@link #getLong()} as a property: changes even where two large values share one double. */
    public ReadOnlyLongProperty longValueProperty() {
        return exact;
    }

    /**
     * Sets a whole-number value exactly (clamped into the range): a derived seed such as 4,611,686,018,427,387,903
     * keeps every digit, which {@link #set(double)} cannot promise above 2^53.
     */
    public void setExact(long newValue) {
        if (!scale.integral() || newValue < min || newValue > max) {
            set(newValue);
            return;
        }
        exact.set(newValue);
        value.set(newValue);
        text.set(Long.toString(newValue));
        error.set("");
    }

    /** Empty when the last input was accepted, otherwise why it was refused. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** The text the value field shows: the formatted current value. */
    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** False while a run is going for settings that cannot change mid-run. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable;
    }

    void setEditable(boolean value) {
        editable.set(value);
    }

    /** Sets a value known to be valid (presets, saved settings); clamped into the range. */
    public void set(double newValue) {
        double v = clamp(newValue);
        exact.set(Math.round(v));
        value.set(v);
        text.set(format(v));
        error.set("");
    }

    /** Shows a refusal from elsewhere (e.g. cross-field validation at start); the value stays. */
    public void reject(String reason) {
        error.set(reason);
    }

    public void clearError() {
        error.set("");
    }

    /**
     * Accepts typed text: parsed, range-checked, and for powers of two checked to be one. Returns false and sets
     * {@link #errorProperty()} when refused; the value stays as it was.
     */
    public boolean submit(String typed) {
        double v;
        try {
            String t = typed == null ? "" : typed.trim();
            if (scale.integral()) {
                t = t.replace(",", "").replace("_", "").replace(" ", "");
                if (t.matches("\\d{1,19}")) {
                    Long whole = parseWhole(t);
                    if (whole != null && check(whole) == null && whole >= min && whole <= max) {
                        setExact(whole);
                        return true;
                    }
                }
            }
            v = Formats.parse(t);
        } catch (NumberFormatException e) {
            error.set("\"" + (typed == null ? "" : typed.trim()) + "\" is not a number; " + rangeText());
            text.set(format(value.get()));
            return false;
        }
        String problem = check(v);
        if (problem != null) {
            error.set(problem);
            text.set(format(value.get()));
            return false;
        }
        exact.set(Math.round(v));
        value.set(v);
        text.set(format(v));
        error.set("");
        return true;
    }

    private static Long parseWhole(String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null; // beyond a long: refused as out of range below
        }
    }

    /**
     * Sets the value from a slider position (always valid: the slider snaps into range), rounded to what a slider
     * can mean: two significant digits on log scales (0.007, not 0.00699), a hundredth of the range on linear ones.
     */
    public void setFromPosition(double position) {
        double v = round(scale.fromPosition(position, min, max));
        if (v != value.get()) {
            exact.set(Math.round(v));
            value.set(v);
            text.set(format(v));
        }
        error.set("");
    }

    public double position() {
        return scale.toPosition(value.get(), min, max);
    }

    public double sliderMin() {
        return scale.sliderMin(min, max);
    }

    public double sliderMax() {
        return scale.sliderMax(min, max);
    }

    /** Why a value is refused (out of range, not a power of two...), or null if it is allowed. */
    public String problem(double v) {
        return check(v);
    }

    /** Why a value is refused, or null if it is allowed. */
    String check(double v) {
        if (scale == SliderScale.LOG_WITH_ZERO) {
            if (v == 0) {
                return null;
            }
            if (v < 0 || v < SliderScale.smallestPositive(min, max) || v > max) {
                return Formats.number(v) + " is out of range: " + rangeText();
            }
            return null;
        }
        if (v < min || v > max) {
            return Formats.number(v) + " is out of range: " + rangeText();
        }
        if (scale.integral() && v != Math.rint(v)) {
            return "must be a whole number; " + rangeText();
        }
        if (scale == SliderScale.POWER_OF_TWO && Integer.bitCount((int) v) != 1) {
            return Formats.number(v) + " is not a power of two: " + rangeText();
        }
        return null;
    }

    /** The allowed range in words, e.g. "allowed 0.0001 to 1". */
    public String rangeText() {
        return switch (scale) {
            case LOG_WITH_ZERO -> "allowed 0, or " + Formats.number(SliderScale.smallestPositive(min, max)) + " to "
                    + Formats.number(max);
            case POWER_OF_TWO -> "allowed powers of two, " + (int) min + " to " + (int) max;
            case INTEGER, LOG_INTEGER -> String.format(Locale.ROOT, "allowed whole numbers %d to %d",
                    (long) min, (long) max);
            default -> "allowed " + Formats.number(min) + " to " + Formats.number(max);
        };
    }

    private double round(double v) {
        if (v == 0 || scale.integral() || scale == SliderScale.POWER_OF_TWO) {
            return v;
        }
        double step = switch (scale) {
            case LOG, LOG_WITH_ZERO -> Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 1);
            default -> Math.pow(10, Math.floor(Math.log10((max - min) / 50)));
        };
        double rounded = Math.round(v / step) * step;
        // print-exact: 0.07 rather than 0.07000000000000001
        double exact = Double.parseDouble(String.format(Locale.ROOT, "%.12g", rounded));
        return clamp(exact);
    }

    private double clamp(double v) {
        double lo = scale == SliderScale.LOG_WITH_ZERO ? 0 : min;
        double c = Math.max(lo, Math.min(max, Double.isFinite(v) ? v : min));
        if (scale == SliderScale.POWER_OF_TWO) {
            return Math.pow(2, Math.round(Math.log(c) / Math.log(2)));
        }
        return scale.integral() ? Math.rint(c) : c;
    }

    private String format(double v) {
        return scale.integral() ? Long.toString(Math.round(v)) : Formats.number(v);
    }
}
