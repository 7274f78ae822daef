package org.edgeofchaos.explorer.data;

import static org.edgeofchaos.explorer.data.IdxFiles.unsignedBytes;
import static org.edgeofchaos.explorer.data.IdxFiles.writeIdx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSetTest {
    @TempDir
    Path dir;

    private Path images(int count, int rows, int cols) {
        byte[] data = new byte[count * rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
        return writeIdx(dir.resolve("images.gz"), new int[] {count, rows, cols}, data, true);
    }

    private Path labels(int... values) {
        return writeIdx(dir.resolve("labels.gz"), new int[] {values.length}, unsignedBytes(values), true);
    }

    private static void assertMentions(DatasetException e, String... fragments) {
        String message = e.getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message lacks '" + fragment + "': " + message);
        }
    }

    private static String full(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Test
    void loadsImagesAndLabels() {
        ImageSet set = ImageSet.load(images(3, 2, 4), labels(7, 0, 3));
        assertEquals(3, set.count());
        assertEquals(2, set.rows());
        assertEquals(4, set.cols());
        assertEquals(8, set.pixelsPerImage());
        assertArrayEquals(new int[] {7, 0, 3}, set.labels());
        assertEquals(3, set.label(2));
        assertEquals(8, set.classCount());
        // Image 1, row 1, col 2 is element 8 + 4 + 2 = 14 of the payload: (14 * 13) & 0xff = 182.
        assertEquals(182, set.pixel(1, 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> set.pixel(0, 2, 0));
    }

    @Test
    void rejectsImagesThatAreNotThreeDimensional() {
        Path flat = writeIdx(dir.resolve("flat.gz"), new int[] {3, 8}, new byte[24], true);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.load(flat, labels(1, 2, 3)));
        // The rank is in the magic number: refused from the header, before the sizes are trusted.
        assertMentions(e, full(flat) + ": ", "not an IDX images file (magic 0x00000802, expected 0x00000803)");
        DatasetException read = assertThrows(DatasetException.class, () -> ImageSet.of(
                IdxReader.read(flat), flat, IdxReader.read(labels(1, 2, 3)), labels(1, 2, 3)));
        assertMentions(read, full(flat) + ": ", "expected images with 3 dimensions", "found 2 (3x8)");
    }

    @Test
    void rejectsLabelsThatAreNotOneDimensional() {
        Path grid = writeIdx(dir.resolve("grid.gz"), new int[] {3, 1}, new byte[3], true);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.load(images(3, 2, 2), grid));
        assertMentions(e, full(grid) + ": ", "not an IDX labels file (magic 0x00000802, expected 0x00000801)");
    }

    @Test
    void rejectsCountMismatchNamingBothFilesAndCounts() {
        Path images = images(4, 2, 2);
        Path labels = labels(1, 2, 3);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.load(images, labels));
        assertMentions(e, full(images) + " holds 4 images", full(labels) + " holds 3 labels");
    }

    @Test
    void rejectsLabelOutOfRangeNamingFileIndexAndValue() {
        Path labels = labels(1, 9, 12, 0, 10);
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.load(images(5, 1, 1), labels));
        assertMentions(e, full(labels) + ": ", "label 12 at index 2 is out of range 0..9", "13 classes",
                "10 outputs");
    }

    @Test
    void propagatesReaderErrorsForEitherFile() {
        Path missing = dir.resolve("missing-labels.gz");
        DatasetException e = assertThrows(DatasetException.class, () -> ImageSet.load(images(1, 1, 1), missing));
        assertMentions(e, full(missing) + ": file not found");
    }
}
