package org.edgeofchaos.explorer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.laws.KEstimate;
import org.edgeofchaos.explorer.laws.KModel;
import org.edgeofchaos.explorer.laws.LawRun;
import org.edgeofchaos.explorer.laws.ShippedScaling;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * The scaling law of science.md section 4 as a sweep uses it, fitted by the {@code laws} package (one fit of one
 * law for the guideline, the Laws tab, {@code laws}, {@code guide} and the sweeps): in the ordered phase J^2 grows
 * by k s per epoch with s = eta / ((1 - alpha) B), so J first reaches 1 after e* epochs where (1 - J(0)^2) =
 * k(e*) s e*. k is measured as the chord of J^2 from the initialisation to the edge, and depends a little on how far
 * the edge is (the first-epoch jump weighs more in a short chord): {@link KModel}, k(e*) = S (a + b / e*). A sweep
 * fits it to its own runs that reach J = 1 without weight decay, and otherwise uses the runs shipped with the
 * project for its resolution ({@link ShippedScaling}), scaled to its training-set size. Lines of constant s are
 * lines of constant predicted e*.
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

    /** Epochs until J = 1 at one fixed k, without weight decay; 0 if J(0) >= 1. */
    public static double epochsToEdge(double initJ, double s, double k) {
        return initJ >= 1 ? 0 : (1 - initJ * initJ) / (k * s);
    }

    /**
     * The law fitted for a sweep's data.
     *
     * @param model     k(e*) from the edge chords
     * @param trainSize S of the sweep
     * @param runs      runs of the sweep the model is fitted to (0: the shipped runs)
     */
    public record Fit(KModel model, int trainSize, int runs) {
        public boolean fitted() {
            return runs > 0;
        }

        /** k at the median measured edge: one number for messages and {@code status --json}. */
        public KEstimate estimate() {
            return model.at(model.medianEdge(), trainSize);
        }

        public double k() {
            return estimate().k();
        }

        /** The scatter of single runs about k (NaN with one run). */
        public double kError() {
            return estimate().kError();
        }

        /** Predicted epochs until J = 1 at scaled rate s, without weight decay (0 if J(0) >= 1). */
        public double edgeEpoch(double initJ, double s) {
            return model.edgeEpoch(initJ, s, trainSize);
        }

        /** The scaled rate at which J reaches 1 after {@code epochs} epochs. */
        public double rateForEpochs(double initJ, double epochs) {
            return model.scaledRateForEdge(initJ, epochs, trainSize);
        }
    }

    /**
     * Fits k to the sweep's runs without weight decay that reach J = 1 from below (their edge chords); without any,
     * the shipped runs of the resolution.
     *
     * @throws IllegalArgumentException for a resolution without shipped runs (only 14 and 28 exist)
     */
    public static Fit fit(List<RunRecord> records, int trainSize, int resolution) {
        List<LawRun> runs = new ArrayList<>();
        for (RunRecord r : records) {
            if (r != null && r.dataset() != null && r.dataset().resolution() == resolution
                    && r.hyperparameters().weightDecay() == 0) {
                runs.add(LawRun.of(r));
            }
        }
        try {
            KModel model = KModel.fromRuns(runs, "fitted to the edge chords of this sweep's runs");
            return new Fit(model, trainSize, model.chords().size());
        } catch (IllegalArgumentException noRunReachesTheEdge) {
            return new Fit(ShippedScaling.model(resolution), trainSize, 0);
        }
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
