package org.edgeofchaos.explorer.laws;

import java.util.Optional;

import org.edgeofchaos.explorer.training.EpochMetrics;

/**
 * Where a run generalised best: the epoch of its lowest test loss with J there, and its best test accuracy. The
 * paper's claim to check across runs: the optimum sits near the edge (J near 1) and is similar for every
 * combination that reaches it.
 */
public record Optimum(String run, int lowestTestLossEpoch, double lowestTestLoss, double jAtLowestTestLoss,
        int bestTestAccuracyEpoch, double bestTestAccuracy, double jAtBestTestAccuracy) {

    /** Empty if the run has no finished epoch with a finite test loss. */
    public static Optional<Optimum> of(LawRun run) {
        EpochMetrics lowest = null;
        EpochMetrics best = null;
        for (EpochMetrics e : run.epochs()) {
            if (Double.isFinite(e.testLoss()) && (lowest == null || e.testLoss() < lowest.testLoss())) {
                lowest = e;
            }
            if (Double.isFinite(e.testAccuracy()) && (best == null || e.testAccuracy() > best.testAccuracy())) {
                best = e;
            }
        }
        if (lowest == null || best == null) {
            return Optional.empty();
        }
        return Optional.of(new Optimum(run.name(), lowest.epoch(), lowest.testLoss(), lowest.j(), best.epoch(),
                best.testAccuracy(), best.j()));
    }
}
