package org.edgeofchaos.explorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Loads the real Fashion-MNIST files shipped with the project (directory: system property eoc.datasetDir). */
class FashionMnistRealDataTest {
    private static Path datasetDir() {
        return Path.of(System.getProperty("eoc.datasetDir", DatasetOptions.DEFAULT_DIRECTORY.toString()));
    }

    @Test
    void loadsFirstThousandTrainingImagesAndTheWholeTestSet() {
        Dataset d = Dataset.load(new DatasetOptions(datasetDir(), 1000, false, 0L, 28));

        assertEquals("fashion-mnist", d.name());
        assertArrayEquals(new long[] {1000, 784}, d.trainFeatures().shape());
        assertArrayEquals(new long[] {1000, 10}, d.trainOneHot().shape());
        assertArrayEquals(new long[] {10_000, 784}, d.testFeatures().shape());
        assertArrayEquals(new long[] {10_000, 10}, d.testOneHot().shape());
        assertEquals(DataType.FLOAT, d.trainFeatures().dataType());

        for (INDArray x : new INDArray[] {d.trainFeatures(), d.testFeatures()}) {
            float min = x.minNumber().floatValue();
            float max = x.maxNumber().floatValue();
            assertEquals(0f, min, "darkest pixel");
            assertEquals(1f, max, "brightest pixel is 255/255");
        }
        // Independent facts about the files (checked with Python's gzip module): first labels and the grey-value
        // sum of training image 0.
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(d.trainLabels(), 10));
        assertArrayEquals(new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7}, Arrays.copyOf(d.testLabels(), 10));
        assertEquals(76_247 / 255.0, d.trainFeatures().getRow(0).sumNumber().doubleValue(), 1e-3);

        int[] histogram = new int[10];
        for (int label : d.testLabels()) {
            histogram[label]++;
        }
        int[] thousandEach = new int[10];
        Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, histogram, "test set: 1000 images per class");
        // One-hot rows agree with the int labels: column sums are the class histogram.
        float[] columnSums = d.testOneHot().sum(0).toFloatVector();
        for (int k = 0; k < 10; k++) {
            assertEquals(1000f, columnSums[k], "one-hot column " + k);
        }
        assertTrue(d.loadTime().toMillis() >= 0);
    }
}
