package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * The scaling law of science.md section 4 as a sweep uses it: in the ordered phase J^2 grows by k s per epoch
 * with s = eta / ((1 - alpha) B), so J first reaches 1 after e* = (1 - J(0)^2) / (k s) epochs. Lines of constant s
 * are lines of constant predicted e*. k depends on the data (size and resolution); a sweep fits it from its own
 * runs, and falls back to the reference values measured for this project (11 for 60,000 images at 28x28, 72 at
 * 14x14, proportional to the number of images).
 */
public final class ScalingLaw {
    /** The parameters s is made of: iso-lines exist when both axes are among them. */
    public static final Set<SweepParameter> RATE_PARAMETERS =
            Set.of(SweepParameter.LEARNING_RATE, SweepParameter.MOMENTUM, SweepParameter.BATCH);

    private ScalingLaw() {
    }

    /** s = eta / ((1 - alpha) B). */
    public static double scaledRate(double learningRate, double momentum, double batch) {
        return learningRate / ((1 - momentum) * batch);
    }

    public static double scaledRate(Hyperparameters hp) {
        return scaledRate(hp.learningRate(), hp.momentum(), hp.batchSize());
    }

    /** The project's reference k (science.md; the 14x14 value measured with this trainer). */
    public static double referenceK(int trainSize, int resolution) {
        return (resolution == 14 ? 72.0 : 11.0) * trainSize / 60000.0;
    }

    /** Predicted epochs until J = 1 without weight decay; 0 if J(0) >= 1. */
    public static double epochsToEdge(double initJ, double s, double k) {
        return initJ >= 1 ? 0 : (1 - initJ * initJ) / (k * s);
    }

    /** The rate s at which J reaches 1 after {@code epochs} epochs. */
    public static double rateForEpochs(double initJ, double epochs, double k) {
        return (1 - initJ * initJ) / (k * epochs);
    }

    /**
     * A fitted k.
     *
     * @param k    the median over the runs used
     * @param runs how many runs it is the median of (0: the reference value)
     */
    public record Fit(double k, int runs) {
        public boolean fitted() {
            return runs > 0;
        }
    }

    /**
     * Fits k from the runs without weight decay that stayed ordered for at least two epochs: per run the secant
     * (J^2(e) - J(0)^2) / (e s) at its last epoch with J < 1 (epoch 0 included, as in e*), the median over runs.
     */
    public static Fit fit(List<RunRecord> records, int trainSize, int resolution) {
        List<Double> ks = new ArrayList<>();
        for (RunRecord r : records) {
            if (r == null || r.hyperparameters().weightDecay() != 0) {
                continue;
            }
            Hyperparameters hp = r.hyperparameters();
            EpochMetrics lastOrdered = null;
            for (EpochMetrics e : r.epochs()) {
                if (e.diverged() || !Double.isFinite(e.j()) || e.j() >= 1) {
                    break;
                }
                lastOrdered = e;
            }
            if (lastOrdered == null || lastOrdered.epoch() < 2) {
                continue;
            }
            double growth = lastOrdered.j() * lastOrdered.j() - hp.initJ() * hp.initJ();
            double k = growth / (lastOrdered.epoch() * scaledRate(hp));
            if (Double.isFinite(k) && k > 0) {
                ks.add(k);
            }
        }
        if (ks.isEmpty()) {
            return new Fit(referenceK(trainSize, resolution), 0);
        }
        Collections.sort(ks);
        int n = ks.size();
        double median = n % 2 == 1 ? ks.get(n / 2) : (ks.get(n / 2 - 1) + ks.get(n / 2)) / 2;
        return new Fit(median, n);
    }

    /**
     * Solves s = eta / ((1 - alpha) B) for {@code unknown}, given the other two in {@code hp} (and {@code known}
     * overriding one of them).
     */
    static double solve(SweepParameter unknown, double s, SweepParameter knownParameter, double knownValue,
            Hyperparameters fixed) {
        double eta = fixed.learningRate();
        double alpha = fixed.momentum();
        double b = fixed.batchSize();
        switch (knownParameter) {
            case LEARNING_RATE -> eta = knownValue;
            case MOMENTUM -> alpha = knownValue;
            case BATCH -> b = knownValue;
            default -> throw new IllegalArgumentException(knownParameter + " is not part of the rate");
        }
        return switch (unknown) {
            case LEARNING_RATE -> s * (1 - alpha) * b;
            case MOMENTUM -> 1 - eta / (b * s);
            case BATCH -> eta / ((1 - alpha) * s);
            default -> throw new IllegalArgumentException(unknown + " is not part of the rate");
        };
    }
}
