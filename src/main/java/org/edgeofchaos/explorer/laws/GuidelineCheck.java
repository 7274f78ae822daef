package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.edgeofchaos.explorer.experiment.TrainingRun;
import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * Follows a proposal for real: trains 2E epochs with its learning rate, momentum and batch size, switches on its
 * weight decay after the predicted edge, and checks the guideline's promise: J first reaches 1 within E +- 20 %
 * epochs, and J then stays within [0.9, 1.25] until the end.
 */
public final class GuidelineCheck {
    /** Relative tolerance on the epoch of the edge. */
    public static final double EDGE_TOLERANCE = 0.2;
    public static final double J_LOW = 0.9;
    public static final double J_HIGH = 1.25;

    /**
     * @param edgeEpoch      interpolated epoch where J first reached 1, empty if it did not
     * @param minJAfter      lowest J from the weight-decay epoch to the end (NaN if no such epoch)
     * @param edgeOnTime     the edge came within E +- 20 %
     * @param heldNearEdge   J stayed in [0.9, 1.25] after the weight-decay epoch
     */
    public record Result(Proposal proposal, int budget, RunState state, OptionalDouble edgeEpoch, double minJAfter,
            double maxJAfter, boolean edgeOnTime, boolean heldNearEdge, List<EpochMetrics> epochs) {
        public boolean passed() {
            return edgeOnTime && heldNearEdge;
        }
    }

    private GuidelineCheck() {
    }

    /**
     * @param base seed and initial J, J0 of the run (its learning rate, momentum, batch and weight decay are
     *             replaced by the proposal's)
     */
    public static Result follow(DatasetOptions data, Proposal proposal, int budget, Hyperparameters base,
            TrainingListener progress) {
        Hyperparameters start = new Hyperparameters(proposal.lr(), proposal.momentum(), proposal.batch(), 0,
                2 * budget, base.seed(), base.initJ(), base.initJ0());
        TrainingRun run = TrainingRun.prepare(data, start);
        TrainingControl control = new TrainingControl();
        TrainingListener switchOn = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                if (metrics.epoch() == proposal.weightDecayFromEpoch() - 1) {
                    control.requestHyperparameters(start.withWeightDecay(proposal.weightDecay()));
                }
            }
        };
        RunOutcome outcome = run.execute(control, TrainingListener.of(switchOn, progress), 1000);
        LawRun law = new LawRun("check", start, data.trainSize(), data.resolution(), outcome.epochs(), false);
        OptionalDouble edge = law.edgeEpoch();
        boolean onTime = edge.isPresent() && Math.abs(edge.getAsDouble() - budget) <= EDGE_TOLERANCE * budget;
        List<Double> after = new ArrayList<>();
        for (EpochMetrics e : law.epochs()) {
            if (e.epoch() >= proposal.weightDecayFromEpoch()) {
                after.add(e.j());
            }
        }
        double min = after.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = after.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        boolean held = !after.isEmpty() && min >= J_LOW && max <= J_HIGH
                && outcome.state() == RunState.FINISHED;
        return new Result(proposal, budget, outcome.state(), edge, min, max, onTime, held, outcome.epochs());
    }
}
