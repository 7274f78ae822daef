package org.edgeofchaos.explorer.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PhaseMapSpecTest {

    @Test
    void invalidSettingsNameTheCommandLineOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhaseMapSpec.of(1, 10, 10, 500, 0))
                .getMessage().startsWith("--n:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhaseMapSpec.of(100, 1, 10, 500, 0))
                .getMessage().startsWith("--grid:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhaseMapSpec.of(100, 10, 10, 4, 0))
                .getMessage().startsWith("--steps:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PhaseMapSpec(100, 10, 10, 500, 0, 2, -1, 0.02, 2)).getMessage().startsWith("--x-range:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PhaseMapSpec(100, 10, 10, 500, 0, -1, 2, 0, 2)).getMessage().startsWith("--y-range:"));
    }

    @Test
    void cellCentresCoverThePapersPlaneAndMapBackToTheirCell() {
        PhaseMapSpec spec = PhaseMapSpec.of(100, 30, 20, 500, 0);
        assertEquals(-1 + 0.05, spec.ratio(0), 1e-12);
        assertEquals(2 - 0.05, spec.ratio(29), 1e-12);
        assertEquals(0.02 + 0.0495, spec.inverseJ(0), 1e-12);
        assertEquals(2 - 0.0495, spec.inverseJ(19), 1e-12);
        for (int i = 0; i < spec.cellCount(); i++) {
            PhaseMapSpec.Cell c = spec.cell(i);
            assertEquals(i, spec.cellAt(c.ratio(), c.inverseJ()));
            assertEquals(1 / c.inverseJ(), c.j(), 1e-12);
            assertEquals(c.ratio() * c.j(), c.j0(), 1e-12);
        }
        assertEquals(-1, spec.cellAt(-1.01, 1));
        assertEquals(-1, spec.cellAt(0, 2.01));
        assertEquals(spec.cellCount() - 1, spec.cellAt(2, 2));
    }

    @Test
    void theIterationIsSplitIntoAFifthOfTransientAndTheRestForLambda() {
        PhaseMapSpec spec = PhaseMapSpec.of(100, 10, 10, 500, 0);
        assertEquals(100, spec.transientSteps());
        assertEquals(400, spec.lyapunovSteps());
        var settings = spec.estimatorSettings(3);
        assertEquals(100, settings.transientSteps());
        assertEquals(400, settings.steps());
        assertEquals(500, settings.distanceSteps());
        assertEquals(1e-4, settings.perturbation());
    }

    @Test
    void cellSeedsAreDistinctAndDependOnlyOnSeedAndIndex() {
        PhaseMapSpec a = PhaseMapSpec.of(100, 40, 40, 500, 7);
        PhaseMapSpec b = PhaseMapSpec.of(200, 40, 40, 300, 7);
        Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < a.cellCount(); i++) {
            seeds.add(a.cellSeed(i));
            assertEquals(a.cellSeed(i), b.cellSeed(i));
        }
        assertEquals(a.cellCount(), seeds.size());
        assertNotEquals(a.cellSeed(5), PhaseMapSpec.of(100, 40, 40, 500, 8).cellSeed(5));
    }

    @Test
    void aCellRecomputedAloneGivesTheSameValues() {
        PhaseMapSpec spec = PhaseMapSpec.of(60, 6, 6, 200, 3);
        assertEquals(spec.compute(17), spec.compute(17));
        var w = spec.network(17);
        var order = org.edgeofchaos.explorer.dynamics.OrderParameters.of(w);
        assertEquals(spec.cell(17).j(), order.j(), 0.05 * spec.cell(17).j());
    }

    @Test
    void theFillOrderIsAPermutationThatStartsCoarse() {
        PhaseMapSpec spec = PhaseMapSpec.of(10, 37, 21, 100, 0);
        int[] order = PhaseMapComputer.fillOrder(spec);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        // the first pass takes every 16th column and row: 3 x 2 cells
        assertEquals(6, Arrays.stream(order).limit(6).filter(i -> spec.column(i) % 16 == 0 && spec.row(i) % 16 == 0)
                .count());
        assertEquals(16, PhaseMapComputer.passStride(0, 16));
        assertEquals(1, PhaseMapComputer.passStride(3, 16));
        assertEquals(4, PhaseMapComputer.passStride(4, 12));
    }
}
