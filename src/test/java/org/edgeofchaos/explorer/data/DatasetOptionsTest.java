package org.edgeofchaos.explorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetOptionsTest {
    @Test
    void defaultsAreThePaperSetting() {
        DatasetOptions d = DatasetOptions.defaults();
        assertEquals(Path.of("datasets/fashion-mnist"), d.directory());
        assertEquals(DatasetOptions.DEFAULT_DIRECTORY, d.directory());
        assertEquals(60_000, d.trainSize());
        assertFalse(d.randomSubset());
        assertEquals(28, d.resolution());
        assertEquals(784, d.inputSize());
        assertEquals(1, d.poolFactor());
    }

    @Test
    void halfResolutionPoolsByTwo() {
        DatasetOptions d = DatasetOptions.defaults().withResolution(14);
        assertEquals(196, d.inputSize());
        assertEquals(2, d.poolFactor());
    }

    @Test
    void withersChangeOnlyTheirFields() {
        DatasetOptions d = DatasetOptions.defaults().withRandomImages(500, 7L).withDirectory(Path.of("x"));
        assertEquals(new DatasetOptions(Path.of("x"), 500, true, 7L, 28), d);
        assertEquals(new DatasetOptions(Path.of("x"), 20, false, 7L, 28), d.withFirstImages(20));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsTrainSizeBelowOne(int size) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetOptions(Path.of("d"), size, false, 0L, 28));
        assertEquals("--train-size must be at least 1, got " + size, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 13, 15, 27, 29, 56})
    void rejectsOtherResolutions(int resolution) {
        DatasetException e = assertThrows(DatasetException.class,
                () -> new DatasetOptions(Path.of("d"), 10, false, 0L, resolution));
        assertTrue(e.getMessage().startsWith("--resolution must be 28 or 14"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got " + resolution), e.getMessage());
    }

    @Test
    void rejectsNullDirectory() {
        assertThrows(NullPointerException.class, () -> new DatasetOptions(null, 10, false, 0L, 28));
    }
}
