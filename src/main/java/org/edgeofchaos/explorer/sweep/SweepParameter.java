package org.edgeofchaos.explorer.sweep;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.edgeofchaos.explorer.training.Hyperparameters;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The hyperparameters a sweep axis can vary. {@link #key()} is how the command line names it ({@code --x lr=...},
 * the same word as the {@code train} option), {@link #field()} how run files and {@code status --json} name it
 * (the field of {@link Hyperparameters}).
 */
public enum SweepParameter {
    LEARNING_RATE("lr", "learningRate", "learning rate", "η", false),
    MOMENTUM("momentum", "momentum", "momentum", "α", false),
    BATCH("batch", "batchSize", "batch size", "B", true),
    WEIGHT_DECAY("weight-decay", "weightDecay", "weight decay", "λ", false),
    INIT_J("init-j", "initJ", "initial J", "J(0)", false);

    private final String key;
    private final String field;
    private final String title;
    private final String symbol;
    private final boolean integer;

    SweepParameter(String key, String field, String title, String symbol, boolean integer) {
        this.key = key;
        this.field = field;
        this.title = title;
        this.symbol = symbol;
        this.integer = integer;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public String field() {
        return field;
    }

    public String title() {
        return title;
    }

    public String symbol() {
        return symbol;
    }

    /** Batch sizes are whole numbers. */
    public boolean integer() {
        return integer;
    }

    /** The parameter whose key is {@code key}, or null. */
    @JsonCreator
    public static SweepParameter byKey(String key) {
        for (SweepParameter p : values()) {
            if (p.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** "lr, momentum, batch, weight-decay, init-j": for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(SweepParameter::key).collect(Collectors.joining(", "));
    }

    /**
     * Why {@code value} is not allowed for this parameter, or null if it is. The batch size's upper bound (the
     * training-set size) is checked when the data is known.
     */
    public String problem(double value) {
        if (!Double.isFinite(value)) {
            return title + " must be a finite number, got " + value;
        }
        return switch (this) {
            case LEARNING_RATE -> value > 0 ? null : "learning rate must be > 0, got " + format(value);
            case MOMENTUM -> value >= 0 && value < 1 ? null : "momentum must be in [0, 1), got " + format(value);
            case BATCH -> value != Math.rint(value) ? "batch sizes must be whole numbers, got " + format(value)
                    : value >= 1 && value <= Integer.MAX_VALUE ? null : "batch size must be >= 1, got " + format(value);
            case WEIGHT_DECAY -> value >= 0 ? null : "weight decay must be >= 0, got " + format(value);
            case INIT_J -> value > 0 ? null : "initial J must be > 0, got " + format(value);
        };
    }

    /** The value of this parameter in {@code hp}. */
    public double get(Hyperparameters hp) {
        return switch (this) {
            case LEARNING_RATE -> hp.learningRate();
            case MOMENTUM -> hp.momentum();
            case BATCH -> hp.batchSize();
            case WEIGHT_DECAY -> hp.weightDecay();
            case INIT_J -> hp.initJ();
        };
    }

    /** {@code hp} with this parameter set to {@code value}. */
    public Hyperparameters apply(Hyperparameters hp, double value) {
        return switch (this) {
            case LEARNING_RATE -> hp.withLearningRate(value);
            case MOMENTUM -> hp.withMomentum(value);
            case BATCH -> hp.withBatchSize((int) value);
            case WEIGHT_DECAY -> hp.withWeightDecay(value);
            case INIT_J -> hp.withInit(value, hp.initJ0());
        };
    }

    /** A value as users write it: 0.001, 1e-05, 32. */
    public String format(double value) {
        if (integer && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return formatNumber(value);
    }

    /** Up to 4 significant digits, scientific below 1e-3: short enough for tick labels, exact for listed values. */
    public static String formatNumber(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        double abs = Math.abs(value);
        String s;
        if (abs < 1e-3 || abs >= 1e6) {
            s = String.format(Locale.ROOT, "%.3e", value);
            String mantissa = s.substring(0, s.indexOf('e'));
            String exponent = s.substring(s.indexOf('e') + 1);
            mantissa = mantissa.contains(".") ? mantissa.replaceAll("0+$", "").replaceAll("\\.$", "") : mantissa;
            int exp = Integer.parseInt(exponent);
            return mantissa + "e" + (exp < 0 ? "-" : "") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        s = new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s;
    }
}
