package org.edgeofchaos.explorer.data;

import static org.edgeofchaos.explorer.data.IdxFiles.TEST_OFFSET;
import static org.edgeofchaos.explorer.data.IdxFiles.pattern;
import static org.edgeofchaos.explorer.data.IdxFiles.patternLabel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Loads small generated data sets: 12 training and 5 test images of 28x28. */
class DatasetLoaderTest {
    private static final int TRAIN = 12;
    private static final int TEST = 5;

    @TempDir
    Path tmp;

    private Path dataset(boolean gzip) {
        return IdxFiles.writeDataset(tmp.resolve("tiny-set"), TRAIN, TEST, gzip);
    }

    private static DatasetOptions options(Path dir, int trainSize) {
        return new DatasetOptions(dir, trainSize, false, 0L, 28);
    }

    private static String full(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private static void assertMentions(Throwable e, String... fragments) {
        String message = e.getMessage();
        assertFalse(message.contains("\n"), () -> "message spans lines: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message lacks '" + fragment + "': " + message);
        }
    }

    /** Row {@code row} of {@code features} must be pattern image {@code image} at full resolution. */
    private static void assertImageRow(INDArray features, int row, int image) {
        float[] expected = new float[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                expected[r * 28 + c] = pattern(image, r, c) / 255f;
            }
        }
        assertArrayEquals(expected, features.getRow(row).toFloatVector(), "row " + row + " = image " + image);
    }

    private static void assertOneHot(INDArray oneHot, int[] labels) {
        float[][] m = oneHot.toFloatMatrix();
        assertEquals(labels.length, m.length);
        for (int i = 0; i < labels.length; i++) {
            float[] expected = new float[10];
            expected[labels[i]] = 1f;
            assertArrayEquals(expected, m[i], "one-hot row " + i);
        }
    }

    private static void assertMatrix(INDArray m, long rows, long cols) {
        assertArrayEquals(new long[] {rows, cols}, m.shape());
        assertEquals(DataType.FLOAT, m.dataType());
        assertEquals('c', m.ordering());
    }

    @Test
    void loadsEverythingAtFullResolution() {
        Path dir = dataset(true);
        Dataset d = Dataset.load(options(dir, TRAIN));

        assertEquals("tiny-set", d.name());
        assertEquals(dir.toAbsolutePath().normalize(), d.directory());
        assertEquals(784, d.inputSize());
        assertEquals(28, d.imageSide());
        assertEquals(TRAIN, d.trainSize());
        assertEquals(TEST, d.testSize());
        assertMatrix(d.trainFeatures(), TRAIN, 784);
        assertMatrix(d.trainOneHot(), TRAIN, 10);
        assertMatrix(d.testFeatures(), TEST, 784);
        assertMatrix(d.testOneHot(), TEST, 10);
        for (int i = 0; i < TRAIN; i++) {
            assertImageRow(d.trainFeatures(), i, i);
            assertEquals(patternLabel(i), d.trainLabels()[i]);
        }
        for (int i = 0; i < TEST; i++) {
            assertImageRow(d.testFeatures(), i, TEST_OFFSET + i);
            assertEquals(patternLabel(i), d.testLabels()[i]);
        }
        assertOneHot(d.trainOneHot(), d.trainLabels());
        assertOneHot(d.testOneHot(), d.testLabels());
        assertArrayEquals(Preprocessing.first(TRAIN), d.trainIndices());
        assertTrue(d.loadTime().toNanos() > 0);
    }

    @Test
    void acceptsUncompressedFilesWithoutGzSuffix() {
        Path dir = dataset(false);
        assertFalse(Files.exists(dir.resolve(DatasetLoader.TRAIN_IMAGES)));
        Dataset d = Dataset.load(options(dir, 3));
        assertImageRow(d.trainFeatures(), 2, 2);
        assertImageRow(d.testFeatures(), 4, TEST_OFFSET + 4);
    }

    @Test
    void halfResolutionPoolsBeforeBuildingArrays() {
        Dataset d = Dataset.load(options(dataset(true), 4).withResolution(14));
        assertEquals(196, d.inputSize());
        assertEquals(14, d.imageSide());
        assertMatrix(d.trainFeatures(), 4, 196);
        assertMatrix(d.testFeatures(), TEST, 196);
        float[] row = d.trainFeatures().getRow(3).toFloatVector();
        for (int r = 0; r < 14; r++) {
            for (int c = 0; c < 14; c++) {
                int sum = pattern(3, 2 * r, 2 * c) + pattern(3, 2 * r, 2 * c + 1)
                        + pattern(3, 2 * r + 1, 2 * c) + pattern(3, 2 * r + 1, 2 * c + 1);
                assertEquals(sum / 1020f, row[r * 14 + c], "block " + r + "," + c);
            }
        }
        // Block (0,0) of test image 0 = pattern image 100: 3100 % 256 = 28, 31 (+3 per column), 35, 38 (+7 per
        // row): mean 33.
        assertEquals(33f / 255f, d.testFeatures().getFloat(0, 0), 1e-7f);
    }

    @Test
    void firstSubsetTakesTheFirstImages() {
        Dataset d = Dataset.load(options(dataset(true), 5));
        assertMatrix(d.trainFeatures(), 5, 784);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.trainIndices());
        for (int i = 0; i < 5; i++) {
            assertImageRow(d.trainFeatures(), i, i);
        }
        assertEquals(TEST, d.testSize(), "the test set is always complete");
    }

    @Test
    void randomSubsetIsSeededWithoutDuplicatesAndMatchesItsRows() {
        Path dir = dataset(true);
        DatasetOptions seven = options(dir, 5).withRandomImages(5, 7L);
        Dataset a = Dataset.load(seven);
        Dataset b = Dataset.load(seven);
        Dataset c = Dataset.load(seven.withRandomImages(5, 8L));

        int[] picked = a.trainIndices();
        assertArrayEquals(picked, b.trainIndices(), "same seed, same subset");
        assertFalse(Arrays.equals(picked, c.trainIndices()), "different seed, different subset");
        assertFalse(Arrays.equals(Preprocessing.first(5), picked), "seed 7 should not give the prefix");
        assertEquals(5, Arrays.stream(picked).distinct().count());
        for (int k = 0; k < picked.length; k++) {
            assertTrue(picked[k] >= 0 && picked[k] < TRAIN);
            assertTrue(k == 0 || picked[k - 1] < picked[k], "kept in file order");
            assertImageRow(a.trainFeatures(), k, picked[k]);
            assertEquals(patternLabel(picked[k]), a.trainLabels()[k]);
        }
        assertOneHot(a.trainOneHot(), a.trainLabels());
        assertEquals(TEST, a.testSize());
    }

    @Test
    void trainSizeAboveAvailableNamesTheOptionAndRange() {
        Path dir = dataset(true);
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, TRAIN + 1)));
        assertMentions(e, "--train-size 13 is out of range 1..12", full(dir.resolve(DatasetLoader.TRAIN_IMAGES)));
        // Also beyond the Fashion-MNIST size, where no array is allocated ahead of the check.
        e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, Integer.MAX_VALUE)));
        assertMentions(e, "--train-size " + Integer.MAX_VALUE + " is out of range 1..12");
    }

    @Test
    void missingDirectoryNamesPathAndExpectedFiles() {
        Path dir = tmp.resolve("absent");
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, 1)));
        assertMentions(e, full(dir) + ": data set directory not found");
        DatasetLoader.FILE_NAMES.forEach(name -> assertMentions(e, name));
    }

    @Test
    void fileInsteadOfDirectoryIsReported() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(file, 1)));
        assertMentions(e, full(file) + ": not a directory");
    }

    @Test
    void missingFileNamesDirectoryMissingFileAndExpectedFiles() throws Exception {
        Path dir = dataset(true);
        Files.delete(dir.resolve(DatasetLoader.TEST_LABELS));
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, 1)));
        assertMentions(e, full(dir) + ": missing " + DatasetLoader.TEST_LABELS + " (");
        DatasetLoader.FILE_NAMES.forEach(name -> assertMentions(e, name));
        assertFalse(e.getMessage().contains("missing " + DatasetLoader.TRAIN_IMAGES));
    }

    @Test
    void corruptTrainingFileIsReportedFromTheReaderThread() throws Exception {
        Path dir = dataset(true);
        Path images = dir.resolve(DatasetLoader.TRAIN_IMAGES);
        byte[] gz = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(gz, gz.length / 2));
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, 1)));
        assertMentions(e, full(images) + ": corrupt or truncated gzip data");
    }

    @Test
    void trainingErrorsAreReportedBeforeTestErrors() throws Exception {
        Path dir = dataset(true);
        Files.write(dir.resolve(DatasetLoader.TRAIN_LABELS),
                IdxFiles.idx(new int[] {TRAIN}, IdxFiles.unsignedBytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0)));
        Files.write(dir.resolve(DatasetLoader.TEST_IMAGES), new byte[] {1, 2, 3});
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, 1)));
        assertMentions(e, full(dir.resolve(DatasetLoader.TRAIN_LABELS)) + ": label 10 at index 10 is out of range");
        assertEquals(1, e.getSuppressed().length, "the test-file error travels along");
        assertMentions(e.getSuppressed()[0], full(dir.resolve(DatasetLoader.TEST_IMAGES)) + ": not an IDX file");
    }

    @Test
    void imagesOtherThan28By28AreRejected() {
        Path dir = dataset(true);
        Path test = dir.resolve(DatasetLoader.TEST_IMAGES);
        IdxFiles.writeIdx(test, new int[] {TEST, 32, 32}, new byte[TEST * 32 * 32], true);
        DatasetException e = assertThrows(DatasetException.class, () -> Dataset.load(options(dir, 1)));
        assertMentions(e, full(test) + ": images are 32x32, expected 28x28");
    }

    @Test
    void labelsAccessorReturnsCopies() {
        Dataset d = Dataset.load(options(dataset(true), 3));
        d.trainLabels()[0] = 99;
        d.trainIndices()[0] = 99;
        assertEquals(patternLabel(0), d.trainLabels()[0]);
        assertEquals(0, d.trainIndices()[0]);
    }
}
