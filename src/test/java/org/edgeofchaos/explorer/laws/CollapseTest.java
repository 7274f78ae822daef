package org.edgeofchaos.explorer.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeofchaos.explorer.training.EpochMetrics;
import org.junit.jupiter.api.Test;

class CollapseTest {
    private final List<LawRun> lawful = List.of(
            SyntheticRuns.linear("paper", SyntheticRuns.settings(0.02, 0.5, 32), 11, 60),
            SyntheticRuns.linear("4x eta", SyntheticRuns.settings(0.08, 0.5, 32), 11, 30),
            SyntheticRuns.linear("B 8", SyntheticRuns.settings(0.02, 0.5, 8), 11, 20),
            SyntheticRuns.linear("alpha 0.9", SyntheticRuns.settings(0.02, 0.9, 32), 11, 15));

    @Test
    void runsThatFollowTheLawCollapseInScaledTimeButNotInEpochs() {
        Collapse.Result scaled = Collapse.quality(lawful, Collapse.Axis.SCALED_TIME, Collapse.jSquared());
        Collapse.Result epochs = Collapse.quality(lawful, Collapse.Axis.EPOCH, Collapse.jSquared());
        assertEquals(1.0, scaled.quality(), 1e-9);
        assertTrue(epochs.quality() < 0.7, "against epochs the curves differ: " + epochs.quality());
        assertEquals(0.02 / (0.1 * 32), scaled.from(), 1e-12, "the common range starts at the largest first point");
    }

    @Test
    void testLossCollapsesToo() {
        Collapse.Result scaled = Collapse.quality(lawful, Collapse.Axis.SCALED_TIME, EpochMetrics::testLoss);
        assertEquals(1.0, scaled.quality(), 1e-3, "only the interpolation between epochs differs");
    }

    @Test
    void aRunThatBreaksTheLawLowersTheQuality() {
        List<LawRun> broken = List.of(lawful.get(0),
                SyntheticRuns.linear("k 22", SyntheticRuns.settings(0.08, 0.5, 32), 22, 30));
        double q = Collapse.quality(broken, Collapse.Axis.SCALED_TIME, Collapse.jSquared()).quality();
        assertTrue(q < 0.9, "a doubled k must not collapse: " + q);
    }

    @Test
    void needsTwoRuns() {
        assertThrows(IllegalArgumentException.class,
                () -> Collapse.quality(lawful.subList(0, 1), Collapse.Axis.EPOCH, Collapse.jSquared()));
    }
}
