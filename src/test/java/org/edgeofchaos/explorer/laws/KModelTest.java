package org.edgeofchaos.explorer.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;

class KModelTest {

    @Test
    void theChordOfALinearRunIsItsK() {
        Hyperparameters hp = SyntheticRuns.settings(0.02, 0.5, 32);
        LawRun run = SyntheticRuns.linear("lin", hp, 11, 80);
        EdgeChord chord = EdgeChord.of(run).orElseThrow();
        assertEquals(0.75 / (11 * hp.scaledRate()), chord.windowEnd(), 1e-9, "J^2 reaches 1 at (1 - 0.25) / A");
        assertEquals(11, chord.k(), 1e-9);
        assertEquals(11.0 / 6000, chord.kPerImage(), 1e-12);
    }

    @Test
    void runsThatStopShortOfTheEdgeGiveNoChord() {
        LawRun slow = SyntheticRuns.linear("slow", SyntheticRuns.settings(0.001, 0, 128), 11, 10);
        assertTrue(EdgeChord.of(slow).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KModel.fromRuns(List.of(slow), "test"));
        assertTrue(e.getMessage().contains("no run that reaches J = 1"), e.getMessage());
    }

    /** Chords made to follow k(e*) = a + b / e* must give back a and b, hence k at any distance to the edge. */
    @Test
    void recoversTheDependenceOnTheDistanceToTheEdge() {
        double a = 6.5;
        double b = 12;
        List<LawRun> runs = new ArrayList<>();
        for (double eta : new double[] {0.03, 0.05, 0.08, 0.1, 0.16}) {
            Hyperparameters hp = SyntheticRuns.settings(eta, 0.5, 16);
            double r = hp.scaledRate();
            // solve (1 - 0.25) / (r e) = a + b / e for e: e = (0.75 / r - b) / a
            double edge = (0.75 / r - b) / a;
            double slope = 0.75 / edge;
            runs.add(SyntheticRuns.run("eta " + eta, hp, 60, e -> 0.25 + slope * e));
        }
        KModel model = KModel.fromRuns(runs, "synthetic");
        assertEquals(a + b / 10, model.at(10, 6000).k(), 1e-6);
        assertEquals(a + b / 30, model.at(30, 6000).k(), 1e-6);
        assertEquals(0, model.at(10, 6000).kError(), 1e-6);
        assertEquals((a + b / 10) * 2, model.at(10, 12000).k(), 1e-6, "k grows with the training-set size");
    }

    @Test
    void theShippedModelGivesTheMeasuredK() {
        KEstimate k14 = ShippedScaling.model(14).at(10, 6000);
        assertTrue(k14.k() > 7.5 && k14.k() < 8.0, "measured 7.8 for edges near epoch 10: " + k14);
        assertTrue(k14.kError() > 0 && k14.kError() < 0.5, k14.toString());
        assertTrue(k14.window().startsWith("chord of J^2 from epoch 0 to the edge"), k14.window());
        assertEquals(k14.k() / 24000, k14.criticalWeightDecay(), 1e-15);
        KEstimate k28 = ShippedScaling.model(28).at(53, 60000);
        assertEquals(11.3, k28.k(), 0.2, "science.md: J reaches 1 at epoch 53 at the paper defaults");
        // three 28x28 chords, two with the same edge: the line passes through both distinct edges exactly, so its
        // spread is unknown rather than zero
        assertTrue(Double.isNaN(k28.kError()), k28.toString());
        assertThrows(IllegalArgumentException.class, () -> ShippedScaling.model(20));
    }

    @Test
    void resolutionsAreNotMixed() {
        Hyperparameters hp = SyntheticRuns.settings(0.02, 0.5, 32);
        LawRun at14 = SyntheticRuns.linear("a", hp, 11, 80);
        LawRun at28 = new LawRun("b", hp, 60000, 28, at14.epochs(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KModel.fromRuns(List.of(at14, at28), "mixed"));
        assertTrue(e.getMessage().contains("14x14 and 28x28"), e.getMessage());
    }
}
