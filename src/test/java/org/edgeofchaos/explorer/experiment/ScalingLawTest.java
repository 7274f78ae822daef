package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.dynamics.OrderParameters;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scaling law of science.md section 4 on a subset of the real data: in the ordered phase J^2 grows per epoch
 * in proportion to eta / ((1 - alpha) B). Doubling eta, halving B or doubling 1/(1 - alpha) must each double the
 * growth (within 25 %), and the three must agree with one another, since they share one combined rate.
 */
class ScalingLawTest {
    private static final int EPOCHS = 4;
    private static final DynamicsProbe ORDER_ONLY = w -> {
        OrderParameters order = OrderParameters.of(w);
        return new DynamicsProbe.Measurement(order.j(), order.j0(), Double.NaN, Double.NaN);
    };
    private static DatasetOptions data;

    @BeforeAll
    static void subset() {
        Path dir = Path.of(System.getProperty("eoc.datasetDir", "datasets/fashion-mnist"));
        data = new DatasetOptions(dir, 4000, false, 1, 28);
    }

    /** Mean growth of J^2 per epoch between the first and the last epoch. */
    private static double growth(double eta, double alpha, int batch) {
        Hyperparameters hp = new Hyperparameters(eta, alpha, batch, 0, EPOCHS, 1, 0.5, 0);
        TrainingRun run = TrainingRun.prepare(data, hp);
        RunOutcome outcome = run.trainer(ORDER_ONLY, new TrainingControl(), new TrainingListener() { }, 1000).run();
        double first = Math.pow(outcome.epochs().get(0).j(), 2);
        double last = Math.pow(outcome.lastEpoch().j(), 2);
        return (last - first) / (EPOCHS - 1);
    }

    @Test
    void growthOfJSquaredScalesWithTheCombinedRate() {
        double base = growth(0.02, 0.5, 32);
        double doubleEta = growth(0.04, 0.5, 32);
        double halfBatch = growth(0.02, 0.5, 16);
        double doubleInverseMomentum = growth(0.02, 0.75, 32);
        assertEquals(2.0, doubleEta / base, 0.5, "eta doubled");
        assertEquals(2.0, halfBatch / base, 0.5, "B halved");
        assertEquals(2.0, doubleInverseMomentum / base, 0.5, "1/(1 - alpha) doubled");
        // Same combined rate, same growth: the collapse that lets the explorer plot against scaled time.
        assertEquals(1.0, halfBatch / doubleEta, 0.1);
        assertEquals(1.0, doubleInverseMomentum / doubleEta, 0.1);
    }
}
