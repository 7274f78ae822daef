package org.edgeofchaos.explorer.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;

class GrowthFitTest {
    private final Hyperparameters paper = SyntheticRuns.settings(0.02, 0.5, 32);

    @Test
    void anExactLinearGrowthGivesItsKWithNoError() {
        LawRun run = SyntheticRuns.linear("exact", paper, 11.0, 40);
        GrowthFit fit = GrowthFit.of(run, new EpochWindow(0, 30));
        assertEquals(11.0, fit.k(), 1e-9);
        assertEquals(11.0 * paper.scaledRate(), fit.slope(), 1e-12);
        assertEquals(0.25, fit.intercept(), 1e-9);
        assertEquals(0.0, fit.kError(), 1e-6);
        assertEquals(31, fit.points());
    }

    @Test
    void withNoiseTheTrueKLiesWithinThreeStandardErrors() {
        int inside = 0;
        for (long seed = 0; seed < 20; seed++) {
            LawRun run = SyntheticRuns.noisy("noisy", paper, 11.0, 50, 0.01, seed);
            GrowthFit fit = GrowthFit.of(run, new EpochWindow(1, 50));
            assertTrue(fit.kError() > 0, "noise must show in the error");
            if (Math.abs(fit.k() - 11.0) <= 3 * fit.kError()) {
                inside++;
            }
        }
        assertTrue(inside >= 19, "3-sigma coverage: " + inside + " of 20");
    }

    @Test
    void theDefaultWindowIsTheOrderedPhaseAfterTheFirstEpoch() {
        // J^2 = 0.25 + 0.05 e reaches 1 at epoch 15: the window must stop at 14.
        LawRun run = SyntheticRuns.run("crossing", paper, 30, e -> 0.25 + 0.05 * e);
        EpochWindow window = GrowthFit.orderedWindow(run).orElseThrow();
        assertEquals(new EpochWindow(1, 14), window);
        assertEquals("epochs 1-14", window.toString());
        assertEquals(0.05, GrowthFit.ordered(run).orElseThrow().slope(), 1e-12);
    }

    @Test
    void aJumpInTheFirstEpochIsLeftOutOfTheDefaultWindow() {
        // J^2 jumps by 0.1 in epoch 1 and then grows by 0.01 per epoch, as measured runs do.
        LawRun run = SyntheticRuns.run("jump", paper, 20, e -> 0.35 + 0.01 * (e - 1));
        assertEquals(0.01, GrowthFit.ordered(run).orElseThrow().slope(), 1e-12);
        double withEpochZero = GrowthFit.of(run, new EpochWindow(0, 4)).slope();
        assertTrue(withEpochZero > 0.02, "a short window from epoch 0 overstates the slope: " + withEpochZero);
    }

    @Test
    void aRunChangedMidwayOrTooShortIsRefusedWithItsName() {
        LawRun changed = new LawRun("run-7", paper, 6000, 14,
                SyntheticRuns.linear("x", paper, 11, 5).epochs(), true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GrowthFit.of(changed, new EpochWindow(0, 5)));
        assertTrue(e.getMessage().startsWith("run-7: its hyperparameters changed"), e.getMessage());
        LawRun shortRun = SyntheticRuns.linear("run-8", paper, 11, 1);
        e = assertThrows(IllegalArgumentException.class, () -> GrowthFit.of(shortRun, new EpochWindow(1, 5)));
        assertEquals("run-8: epochs 1-5 holds 1 finished epoch(s); a growth rate needs at least 2", e.getMessage());
    }

    @Test
    void divergedEpochsAreNotFitted() {
        List<EpochMetrics> epochs = new java.util.ArrayList<>(SyntheticRuns.linear("d", paper, 11, 10).epochs());
        double nan = Double.NaN;
        epochs.add(new EpochMetrics(11, nan, nan, nan, nan, nan, nan, nan, nan, 1, nan, true));
        LawRun run = new LawRun("d", paper, 6000, 14, epochs, false);
        assertEquals(10, run.lastEpoch());
        assertEquals(11.0, GrowthFit.of(run, new EpochWindow(0, 11)).k(), 1e-9);
    }
}
