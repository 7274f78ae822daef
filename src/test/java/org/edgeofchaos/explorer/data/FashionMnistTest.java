package org.edgeofchaos.explorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FashionMnistTest {
    @Test
    void classNamesInLabelOrder() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot"), FashionMnist.CLASS_NAMES);
        assertEquals(FashionMnist.CLASS_COUNT, FashionMnist.CLASS_NAMES.size());
        assertThrows(UnsupportedOperationException.class, () -> FashionMnist.CLASS_NAMES.set(0, "x"));
    }

    @Test
    void classNameFallsBackForUnknownLabels() {
        assertEquals("Ankle boot", FashionMnist.className(9));
        assertEquals("class 10", FashionMnist.className(10));
    }
}
