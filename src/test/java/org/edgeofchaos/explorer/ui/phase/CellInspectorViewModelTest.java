package org.edgeofchaos.explorer.ui.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The inspector classifies a random cell's attractor by the core's rules, without a window or a robot. */
class CellInspectorViewModelTest {
    private final PhaseMapSpec spec = PhaseMapSpec.of(200, 20, 20, 500, 0);

    private CellInspectorViewModel inspect(double ratio, double inverseJ) {
        int index = spec.cellAt(ratio, inverseJ);
        return new CellInspectorViewModel(spec, index, Double.NaN, Double.NaN, new CurrentThreadTaskExecutor(),
                cell -> { });
    }

    @Test
    void aCellDeepInTheChaoticPhaseIsChaoticAndItsTrajectoriesSeparate() {
        CellInspectorViewModel model = inspect(0.3, 0.5); // J = 2
        assertFalse(model.loadingProperty().get());
        String text = model.dynamicsTextProperty().get();
        assertTrue(text.startsWith("chaotic"), text);
        assertTrue(text.contains("nearby trajectories separate"), text);
        assertTrue(text.contains("||D*||/√N = "), text);
        assertEquals(spec.steps() + 1, model.meanActivityProperty().get().length);
    }

    @Test
    void aCellDeepInTheOrderedPhaseIsAFixedPointAndItsTrajectoriesConverge() {
        String text = inspect(-0.4, 1.6).dynamicsTextProperty().get(); // J = 0.625
        assertTrue(text.startsWith("fixed-point"), text);
        assertTrue(text.contains("nearby trajectories converge"), text);
    }
}
