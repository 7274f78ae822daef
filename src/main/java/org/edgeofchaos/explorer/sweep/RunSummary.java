package org.edgeofchaos.explorer.sweep;

import java.util.List;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.EpochMetrics;

/**
 * The numbers a sweep map shows for one run, from its run file. Values that do not exist are NaN (no finished
 * epoch) or, for {@code edgeEpoch}, 0 when J never reached 1.
 *
 * @param finalJ            J after the last finished epoch (for a diverged run, the last finite one)
 * @param finalLambdaMax    lambda_max after that epoch
 * @param bestTestAccuracy  best test accuracy over the epochs
 * @param bestTestLossEpoch epoch (1-based) of the lowest test loss, 0 if none
 * @param edgeEpoch         first epoch with J >= 1, 0 if J stayed below 1
 * @param epochsDone        finished epochs (a diverged epoch counts)
 */
public record RunSummary(double finalJ, double finalLambdaMax, double bestTestAccuracy, int bestTestLossEpoch,
        int edgeEpoch, int epochsDone) {

    public static final RunSummary NONE = new RunSummary(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);

    public static RunSummary of(RunRecord record) {
        return record == null ? NONE : of(record.epochs());
    }

    /** The summary of a run's finished epochs so far (a run still training). */
    public static RunSummary of(List<EpochMetrics> epochs) {
        double bestAccuracy = Double.NaN;
        EpochMetrics last = null;
        int bestLossEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        int edge = 0;
        for (EpochMetrics e : epochs) {
            // as RunRecord.bestTestAccuracy: every epoch that did not diverge
            if (!e.diverged() && Double.isFinite(e.testAccuracy()) && !(e.testAccuracy() <= bestAccuracy)) {
                bestAccuracy = e.testAccuracy();
            }
            if (e.diverged() || !Double.isFinite(e.j())) {
                continue;
            }
            last = e;
            if (Double.isFinite(e.testLoss()) && e.testLoss() < bestLoss) {
                bestLoss = e.testLoss();
                bestLossEpoch = e.epoch();
            }
            if (edge == 0 && e.j() >= 1) {
                edge = e.epoch();
            }
        }
        return new RunSummary(last == null ? Double.NaN : last.j(), last == null ? Double.NaN : last.lambdaMax(),
                bestAccuracy, bestLossEpoch, edge, epochs.size());
    }
}
