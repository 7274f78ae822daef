package org.edgeofchaos.explorer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PreprocessingTest {
    private static final Path NOWHERE = Path.of("generated");

    private static ImageSet set(int count, int rows, int cols, byte[] pixels) {
        return ImageSet.of(IdxArray.of(new int[] {count, rows, cols}, pixels), NOWHERE,
                IdxArray.of(new int[] {count}, new byte[count]), NOWHERE);
    }

    @Test
    void fullResolutionIsPixelOver255() {
        ImageSet set = set(2, 1, 3, IdxFiles.unsignedBytes(0, 1, 255, 128, 51, 254));
        float[] f = Preprocessing.features(set, new int[] {1, 0}, 1);
        assertArrayEquals(new float[] {128 / 255f, 51 / 255f, 254 / 255f, 0f, 1 / 255f, 1f}, f);
    }

    @Test
    void poolingAveragesEachTwoByTwoBlock() {
        // One 4x4 image holding 0..15 row by row: blocks {0,1,4,5}, {2,3,6,7}, {8,9,12,13}, {10,11,14,15}.
        byte[] pixels = new byte[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = (byte) i;
        }
        float[] f = Preprocessing.features(set(1, 4, 4, pixels), new int[] {0}, 2);
        assertArrayEquals(new float[] {10 / 1020f, 18 / 1020f, 42 / 1020f, 50 / 1020f}, f);
        assertEquals(2.5f / 255f, f[0], 1e-7f);
    }

    @Test
    void poolingKeepsExtremesExact() {
        // Block of 255s gives exactly 1, a checkerboard of 0 and 255 exactly 0.5.
        ImageSet set = set(1, 2, 4, IdxFiles.unsignedBytes(255, 255, 0, 255, 255, 255, 255, 0));
        assertArrayEquals(new float[] {1f, 0.5f}, Preprocessing.features(set, new int[] {0}, 2));
    }

    @Test
    void poolingOf28By28MatchesDirectComputation() {
        int count = 3;
        byte[] pixels = IdxFiles.patternImages(count);
        ImageSet set = set(count, 28, 28, pixels);
        float[] f = Preprocessing.features(set, new int[] {2, 0}, 2);
        assertEquals(2 * 196, f.length);
        int[] images = {2, 0};
        for (int k = 0; k < images.length; k++) {
            for (int r = 0; r < 14; r++) {
                for (int c = 0; c < 14; c++) {
                    int i = images[k];
                    double mean = (IdxFiles.pattern(i, 2 * r, 2 * c) + IdxFiles.pattern(i, 2 * r, 2 * c + 1)
                            + IdxFiles.pattern(i, 2 * r + 1, 2 * c) + IdxFiles.pattern(i, 2 * r + 1, 2 * c + 1)) / 4.0;
                    assertEquals(mean / 255.0, f[k * 196 + r * 14 + c], 1e-6, "image " + i + " block " + r + "," + c);
                }
            }
        }
    }

    @Test
    void firstIsAPrefix() {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Preprocessing.first(4));
    }

    @Test
    void randomSubsetIsDeterministicDistinctSortedAndInRange() {
        int[] a = Preprocessing.random(60_000, 1000, 42L);
        int[] b = Preprocessing.random(60_000, 1000, 42L);
        int[] c = Preprocessing.random(60_000, 1000, 43L);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertEquals(1000, a.length);
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i - 1] < a[i], "sorted without duplicates at " + i);
        }
        assertTrue(a[0] >= 0 && a[a.length - 1] < 60_000);
        // Not simply a prefix: a uniform draw of 1000 of 60,000 reaches far beyond the first 1000.
        assertTrue(a[a.length - 1] > 30_000, "largest index " + a[a.length - 1]);
    }

    @Test
    void randomSubsetOfEverythingIsEverything() {
        assertArrayEquals(Preprocessing.first(50), Preprocessing.random(50, 50, 9L));
    }

    @Test
    void labelsAndOneHotFollowTheIndices() {
        ImageSet set = ImageSet.of(IdxArray.of(new int[] {3, 1, 1}, new byte[3]), NOWHERE,
                IdxArray.of(new int[] {3}, IdxFiles.unsignedBytes(4, 9, 0)), NOWHERE);
        int[] labels = Preprocessing.labels(set, new int[] {2, 1});
        assertArrayEquals(new int[] {0, 9}, labels);
        float[] oneHot = Preprocessing.oneHot(labels, 10);
        float[] expected = new float[20];
        expected[0] = 1f;
        expected[10 + 9] = 1f;
        assertArrayEquals(expected, oneHot);
    }

    @Test
    void imagesOnBothSidesOfABlockBoundaryArePooledFromTheirOwnPixels() {
        int inBlock = IdxArray.BLOCK_BYTES / 784; // images of 28x28 that fill the first block
        int count = inBlock + 63;
        byte[] pixels = new byte[count * 784];
        new java.util.Random(3).nextBytes(pixels);
        ImageSet set = set(count, 28, 28, pixels);
        int[] indices = {inBlock - 1, inBlock, 0, count - 1};
        float[] pooled = Preprocessing.features(set, indices, 2);
        for (int k = 0; k < indices.length; k++) {
            for (int r = 0; r < 14; r++) {
                for (int c = 0; c < 14; c++) {
                    int sum = 0;
                    for (int dr = 0; dr < 2; dr++) {
                        for (int dc = 0; dc < 2; dc++) {
                            sum += pixels[indices[k] * 784 + (2 * r + dr) * 28 + 2 * c + dc] & 0xff;
                        }
                    }
                    assertEquals(sum / 1020f, pooled[k * 196 + r * 14 + c], 1e-7f,
                            "image " + indices[k] + " at (" + r + ", " + c + ")");
                }
            }
            assertEquals(pixels[indices[k] * 784 + 30] & 0xff, set.pixel(indices[k], 1, 2));
        }
    }
}
