package org.edgeofchaos.explorer.sweep;

import java.util.Locale;

/**
 * What a sweep map can be coloured by. {@link #threshold()} is the value whose contour the map draws (lambda_max
 * = 0, J = 1), {@link #diverging()} whether the colour scale is centred on it.
 */
public enum SweepMetric {
    FINAL_LAMBDA("final-lambda", "final λmax", true, 0.0),
    BEST_ACCURACY("best-accuracy", "best test accuracy", false, Double.NaN),
    BEST_LOSS_EPOCH("best-loss-epoch", "epoch of lowest test loss", false, Double.NaN),
    EDGE_EPOCH("edge-epoch", "epochs until J first reaches 1", false, Double.NaN),
    FINAL_J("final-j", "final J", true, 1.0);

    private final String key;
    private final String title;
    private final boolean diverging;
    private final double threshold;

    SweepMetric(String key, String title, boolean diverging, double threshold) {
        this.key = key;
        this.title = title;
        this.diverging = diverging;
        this.threshold = threshold;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public boolean diverging() {
        return diverging;
    }

    /** The contour value (0 for lambda_max, 1 for J), NaN for metrics without one. */
    public double threshold() {
        return threshold;
    }

    /** The metric's value for one run, NaN if it has none (no epoch yet, J never reached 1). */
    public double of(RunSummary s) {
        return switch (this) {
            case FINAL_LAMBDA -> s.finalLambdaMax();
            case BEST_ACCURACY -> s.bestTestAccuracy();
            case BEST_LOSS_EPOCH -> s.bestTestLossEpoch() > 0 ? s.bestTestLossEpoch() : Double.NaN;
            case EDGE_EPOCH -> s.edgeEpoch() > 0 ? s.edgeEpoch() : Double.NaN;
            case FINAL_J -> s.finalJ();
        };
    }

    public static SweepMetric byKey(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (SweepMetric m : values()) {
            if (m.key.equals(t)) {
                return m;
            }
        }
        return null;
    }

    public static String keys() {
        return String.join(", ", java.util.Arrays.stream(values()).map(SweepMetric::key).toList());
    }
}
