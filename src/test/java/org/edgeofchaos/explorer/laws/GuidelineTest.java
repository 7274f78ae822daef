package org.edgeofchaos.explorer.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuidelineTest {
    private final KEstimate k = new KEstimate(7.7, 0.1, 14, 6000, "test window", "test");

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 25, 60})
    void everyProposalSatisfiesThePredictedEdgeEquation(int budget) {
        List<Proposal> proposals = Guideline.propose(budget, k, 0.5, Double.NaN);
        assertTrue(proposals.size() >= 2 && proposals.size() <= 4, proposals.toString());
        for (Proposal p : proposals) {
            double predicted = (1 - 0.25) * (1 - p.momentum()) * p.batch() / (k.k() * p.lr());
            assertEquals(predicted, p.predictedEdgeEpoch(), 1e-9, p.toString());
            assertEquals(budget, p.predictedEdgeEpoch(), 0.01 * budget, "rounding eta to 3 digits moves e* < 1 %");
            assertEquals(k.k() / (4 * 6000), p.weightDecay(), 1e-15, "lambda* = k / (4 S)");
            assertEquals(Math.round(p.predictedEdgeEpoch()) + 1, p.weightDecayFromEpoch());
            assertEquals("test window", p.kWindow());
            assertTrue(p.explanation().endsWith("holds J near 1."), p.explanation());
            assertTrue(p.lr() / (1 - p.momentum()) <= Guideline.MAX_EFFECTIVE_LR, p.toString());
        }
        assertEquals(0.5, proposals.get(0).momentum(), "the paper's momentum leads");
    }

    @Test
    void aFixedMomentumIsKept() {
        for (Proposal p : Guideline.propose(10, k, 0.5, 0.9)) {
            assertEquals(0.9, p.momentum());
        }
    }

    @Test
    void proposalsAreDistinctAndVaried() {
        List<Proposal> proposals = Guideline.propose(10, k, 0.5, Double.NaN);
        List<Double> momenta = new ArrayList<>();
        proposals.forEach(p -> momenta.add(p.momentum()));
        assertTrue(momenta.containsAll(List.of(0.5, 0.9, 0.0)), momenta.toString());
        assertEquals(proposals.size(), proposals.stream().distinct().count());
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("epochs: must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Guideline.propose(0, k, 0.5, Double.NaN))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Guideline.propose(10, k, 1.2, Double.NaN))
                .getMessage().startsWith("initial J: must be in (0, 1)"));
        assertEquals("momentum: must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> Guideline.propose(10, k, 0.5, 1.0))
                        .getMessage());
    }

    @Test
    void aBudgetTooShortForAStableRateIsRefused() {
        KEstimate tiny = new KEstimate(0.001, 0, 14, 6000, "w", "s");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Guideline.propose(1, tiny, 0.5, Double.NaN));
        assertTrue(e.getMessage().contains("reaches the edge in 1 epochs"), e.getMessage());
    }
}
