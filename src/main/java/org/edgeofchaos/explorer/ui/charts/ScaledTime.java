package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * Maps a fractional epoch position to scaled time, the integral of eta/((1-alpha)B) over epochs, so that a run
 * whose learning rate changed midway keeps a continuous, comparable time axis.
 */
public final class ScaledTime {
    private final double[] starts;
    private final double[] rates;

    private ScaledTime(double[] starts, double[] rates) {
        this.starts = starts;
        this.rates = rates;
    }

    public static ScaledTime of(Hyperparameters initial, List<HyperparameterChange> changes, int trainSize) {
        List<HyperparameterChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparingInt(HyperparameterChange::epoch).thenComparingInt(HyperparameterChange::batch));
        List<double[]> segments = new ArrayList<>();
        Hyperparameters hp = initial;
        segments.add(new double[] {0, hp.scaledRate()});
        for (HyperparameterChange c : sorted) {
            int batches = (int) Math.ceil((double) Math.max(1, trainSize) / hp.batchSize());
            double at = c.epochPosition(batches);
            hp = switch (c.name()) {
                case "learningRate" -> hp.withLearningRate(c.newValue());
                case "momentum" -> hp.withMomentum(c.newValue());
                case "batchSize" -> hp.withBatchSize((int) Math.round(c.newValue()));
                case "weightDecay" -> hp.withWeightDecay(c.newValue());
                default -> hp;
            };
            segments.add(new double[] {at, hp.scaledRate()});
        }
        double[] starts = new double[segments.size()];
        double[] rates = new double[segments.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = segments.get(i)[0];
            rates[i] = segments.get(i)[1];
        }
        return new ScaledTime(starts, rates);
    }

    public double at(double epochPosition) {
        double t = 0;
        for (int i = 0; i < starts.length; i++) {
            double end = i + 1 < starts.length ? starts[i + 1] : Double.POSITIVE_INFINITY;
            if (epochPosition <= starts[i]) {
                break;
            }
            t += (Math.min(epochPosition, end) - starts[i]) * rates[i];
        }
        return t;
    }
}
