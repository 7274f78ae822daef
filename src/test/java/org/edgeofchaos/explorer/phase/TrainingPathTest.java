package org.edgeofchaos.explorer.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;

class TrainingPathTest {
    @Test
    void pathPointsAreJ0OverJAndOneOverJOfEachEpochAfterTheStartPoint() {
        Hyperparameters hp = Hyperparameters.paperDefaults().withInit(0.5, 0.1);
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, 1, 0.7, 1, 0.71, 0.8, 0.2, -0.2, 0, 1, 1, false),
                new EpochMetrics(2, Double.NaN, 0, Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        1, 1, true),
                new EpochMetrics(3, 1, 0.8, 1, 0.82, 1.25, -0.5, 0.05, 2, 1, 1, false));
        List<TrainingPath.Point> path = TrainingPath.of(hp, epochs);
        assertEquals(3, path.size(), "the diverged epoch has no point");
        assertEquals(0, path.get(0).epoch());
        assertEquals(0.2, path.get(0).ratio(), 1e-12);
        assertEquals(2.0, path.get(0).inverseJ(), 1e-12);
        assertEquals(0.25, path.get(1).ratio(), 1e-12);
        assertEquals(1.25, path.get(1).inverseJ(), 1e-12);
        assertEquals(0.71, path.get(1).testAccuracy());
        assertEquals(3, path.get(2).epoch());
        assertEquals(-0.4, path.get(2).ratio(), 1e-12);
        assertEquals(0.8, path.get(2).inverseJ(), 1e-12);
        assertEquals(0.05, path.get(2).lambdaMax());
    }
}
