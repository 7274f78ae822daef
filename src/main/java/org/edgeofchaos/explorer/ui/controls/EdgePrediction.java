package org.edgeofchaos.explorer.ui.controls;

import org.edgeofchaos.explorer.laws.KModel;
import org.edgeofchaos.explorer.laws.ShippedScaling;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * The scaling law of science.md section 4 for the controls panel: in the ordered phase J^2 grows by A = k eta /
 * ((1 - alpha) B) per epoch, with k measured by this project's own runs for the resolution (the core's
 * {@link ShippedScaling}: k is proportional to the training-set size S and a little larger when the edge is near,
 * because of the jump of J^2 in the first epoch); weight decay shrinks J^2 by D J^2 per epoch with
 * D = 4 eta lambda S / ((1 - alpha) B). Without weight decay the edge is reached after e* epochs with
 * (1 - J(0)^2) = k(e*) r e*; with it J^2 approaches A / D, and the edge is reached only if A / D > 1.
 */
public final class EdgePrediction {
    private EdgePrediction() {
    }

    private static KModel model(int resolution) {
        return ShippedScaling.model(resolution);
    }

    /** k for these settings: the measured k at the epoch where they are predicted to reach the edge. */
    public static double k(Hyperparameters hp, int trainSize, int resolution) {
        double e = model(resolution).edgeEpoch(Math.min(hp.initJ(), 0.99), hp.scaledRate(), trainSize);
        return model(resolution).at(Math.max(e, 1e-3), trainSize).k();
    }

    /** Growth of J^2 per epoch. */
    public static double growthPerEpoch(Hyperparameters hp, int trainSize, int resolution) {
        return k(hp, trainSize, resolution) * hp.scaledRate();
    }

    /** The weight decay above which J saturates below 1: lambda* = k / (4 S). */
    public static double criticalWeightDecay(Hyperparameters hp, int trainSize, int resolution) {
        return k(hp, trainSize, resolution) / (4.0 * trainSize);
    }

    /** Predicted epochs to reach J = 1 at 28x28; see {@link #epochsToEdge(Hyperparameters, int, int)}. */
    public static double epochsToEdge(Hyperparameters hp, int trainSize) {
        return epochsToEdge(hp, trainSize, 28);
    }

    /** Predicted epochs to reach J = 1; 0 if already chaotic, +infinity if weight decay keeps it ordered. */
    public static double epochsToEdge(Hyperparameters hp, int trainSize, int resolution) {
        double j2 = hp.initJ() * hp.initJ();
        if (hp.initJ() >= 1) {
            return 0;
        }
        double d = 4 * hp.learningRate() * hp.weightDecay() * trainSize / ((1 - hp.momentum()) * hp.batchSize());
        if (d <= 0) {
            return model(resolution).edgeEpoch(hp.initJ(), hp.scaledRate(), trainSize);
        }
        double saturation = growthPerEpoch(hp, trainSize, resolution) / d;
        if (saturation <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log((saturation - j2) / (saturation - 1)) / d;
    }

    /** One line for the controls panel. */
    public static String describe(Hyperparameters hp, int trainSize, int resolution) {
        if (hp.initJ() >= 1) {
            return "Already chaotic: initial J = " + Formats.number(hp.initJ()) + " ≥ 1";
        }
        double e = epochsToEdge(hp, trainSize, resolution);
        if (Double.isInfinite(e)) {
            return "Stays ordered: weight decay " + Formats.number(hp.weightDecay()) + " > k/(4S) ≈ "
                    + Formats.number(criticalWeightDecay(hp, trainSize, resolution)) + " holds J below 1";
        }
        String when = e < 10 ? Formats.fixed(e, 1) : Long.toString(Math.round(e));
        String suffix = e > hp.epochs() ? " (more than the " + hp.epochs() + " planned)" : "";
        return "Edge of chaos (J = 1) predicted after ≈ " + when + " epochs" + suffix;
    }
}
