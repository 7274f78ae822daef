package org.edgeofchaos.explorer.ui.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.junit.jupiter.api.Test;

class ShippedMapTest {

    @Test
    void theDefaultMapIsNFourHundredAndComplete() throws Exception {
        PhaseMap map = ShippedMap.load().orElseThrow();
        assertEquals(PhaseMapSpec.defaults(), map.spec());
        assertTrue(map.isComplete());
    }

    /** The N = 1000 map is found only for exactly its parameters, so a shipped map never stands in for another. */
    @Test
    void theNThousandMapIsFoundForExactlyItsParameters() throws Exception {
        PhaseMapSpec thousand = PhaseMapSpec.defaults().withSize(1000, 100, 100);
        PhaseMap map = ShippedMap.find(thousand).orElseThrow();
        assertEquals(thousand, map.spec());
        assertTrue(map.isComplete());
        assertTrue(ShippedMap.find(PhaseMapSpec.defaults().withSize(1000, 50, 50)).isEmpty());
        assertTrue(ShippedMap.find(PhaseMapSpec.defaults().withSize(784, 100, 100)).isEmpty());
        PhaseMapSpec otherSeed = new PhaseMapSpec(1000, 100, 100, thousand.steps(), 7, thousand.xMin(),
                thousand.xMax(), thousand.yMin(), thousand.yMax());
        assertTrue(ShippedMap.find(otherSeed).isEmpty());
    }
}
