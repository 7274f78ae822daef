package org.edgeofchaos.explorer.ui.controls;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.Formats;

/**
 * The scaling law of science.md section 4: in the ordered phase J^2 grows by A = k eta / ((1 - alpha) B) per
 * epoch, with k about 11 for 60,000 images (k proportional to the training-set size S); weight decay shrinks J^2
 * by D J^2 per epoch with D = 4 eta lambda S / ((1 - alpha) B). Without weight decay the edge is reached after
 * e* = (1 - J(0)^2) / A epochs; with it J^2 approaches A / D, and the edge is reached only if A / D > 1.
 */
public final class EdgePrediction {
    /** k for the full 60,000-image training set (28x28). */
    public static final double K_FULL = 11.0;
    public static final int FULL_SIZE = 60000;

    private EdgePrediction() {
    }

    public static double k(int trainSize) {
        return K_FULL * trainSize / FULL_SIZE;
    }

    /** Growth of J^2 per epoch. */
    public static double growthPerEpoch(Hyperparameters hp, int trainSize) {
        return k(trainSize) * hp.scaledRate();
    }

    /** The weight decay above which J saturates below 1: lambda* = k / (4 S). */
    public static double criticalWeightDecay(int trainSize) {
        return k(trainSize) / (4.0 * trainSize);
    }

    /** Predicted epochs to reach J = 1; 0 if already chaotic, +infinity if weight decay keeps it ordered. */
    public static double epochsToEdge(Hyperparameters hp, int trainSize) {
        double j2 = hp.initJ() * hp.initJ();
        if (hp.initJ() >= 1) {
            return 0;
        }
        double a = growthPerEpoch(hp, trainSize);
        double d = 4 * hp.learningRate() * hp.weightDecay() * trainSize / ((1 - hp.momentum()) * hp.batchSize());
        if (d <= 0) {
            return (1 - j2) / a;
        }
        double saturation = a / d;
        if (saturation <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log((saturation - j2) / (saturation - 1)) / d;
    }

    /** One line for the controls panel. */
    public static String describe(Hyperparameters hp, int trainSize) {
        if (hp.initJ() >= 1) {
            return "Already chaotic: initial J = " + Formats.number(hp.initJ()) + " ≥ 1";
        }
        double e = epochsToEdge(hp, trainSize);
        if (Double.isInfinite(e)) {
            return "Stays ordered: weight decay " + Formats.number(hp.weightDecay()) + " > k/(4S) ≈ "
                    + Formats.number(criticalWeightDecay(trainSize)) + " holds J below 1";
        }
        String when = e < 10 ? Formats.fixed(e, 1) : Long.toString(Math.round(e));
        String suffix = e > hp.epochs() ? " (more than the " + hp.epochs() + " planned)" : "";
        return "Edge of chaos (J = 1) predicted after ≈ " + when + " epochs" + suffix;
    }
}
