package org.edgeofchaos.explorer.data;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Subset selection and conversion of bytes into network inputs, in plain Java so each image is touched once
 * and ND4J receives finished float arrays.
 */
final class Preprocessing {
    // Images converted per bulk put: big enough to amortise the put, small enough to stay in cache (~200 KB).
    private static final int CHUNK_IMAGES = 64;

    private Preprocessing() {
    }

    /** Indices 0..size-1: the first {@code size} images. */
    static int[] first(int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = i;
        }
        return out;
    }

    /**
     * {@code size} distinct indices of 0..available-1 drawn uniformly without replacement, returned in ascending
     * order. Partial Fisher-Yates with {@link java.util.Random}, whose sequence for a given seed is fixed by its
     * specification, so a seed names the same subset on every JVM. Sorting keeps the subset in file order: the
     * subset is then a property of the seed alone, and the trainer shuffles every epoch anyway.
     */
    static int[] random(int available, int size, long seed) {
        if (size < 0 || size > available) {
            throw new IllegalArgumentException("cannot draw " + size + " of " + available);
        }
        int[] pool = first(available);
        Random rng = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(available - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, size);
        Arrays.sort(out);
        return out;
    }

    /**
     * Features of the chosen images, row-major {@code indices.length x (rows/pool)*(cols/pool)}: each value is
     * the mean of a pool x pool block of grey values divided by 255, so it lies in [0, 1]. Pool 1 is pixel/255.
     * The division is looked up in a table of all possible block sums, which makes every value the correctly
     * rounded float of sum / (255 pool^2).
     *
     * <p>Written to {@code out} through a small float[] in bulk puts: the caller passes the buffer of the final
     * INDArray, so no full-size float[] copy is ever made (allocating 188 MB costs more than converting it).
     */
    static void features(ImageSet set, int[] indices, int pool, FloatBuffer out) {
        int rows = set.rows();
        int cols = set.cols();
        if (pool < 1 || rows % pool != 0 || cols % pool != 0) {
            throw new IllegalArgumentException("cannot pool " + rows + "x" + cols + " images by " + pool);
        }
        int outRows = rows / pool;
        int outCols = cols / pool;
        int inSize = rows * cols;
        int outSize = outRows * outCols;
        if (out.remaining() < (long) indices.length * outSize) {
            throw new IllegalArgumentException("target holds " + out.remaining() + " floats, need "
                    + (long) indices.length * outSize);
        }
        float[] scale = new float[255 * pool * pool + 1];
        for (int s = 0; s < scale.length; s++) {
            scale[s] = s / (255f * pool * pool);
        }
        float[] chunk = new float[CHUNK_IMAGES * outSize];
        int o = 0;
        for (int index : indices) {
            byte[] px = set.imageBlock(index);
            int base = set.imageOffset(index);
            if (pool == 1) {
                for (int p = 0; p < inSize; p++) {
                    chunk[o++] = scale[px[base + p] & 0xff];
                }
            } else {
                for (int r = 0; r < outRows; r++) {
                    int rowStart = base + r * pool * cols;
                    for (int c = 0; c < outCols; c++) {
                        int sum = 0;
                        int blockStart = rowStart + c * pool;
                        for (int dr = 0; dr < pool; dr++) {
                            int at = blockStart + dr * cols;
                            for (int dc = 0; dc < pool; dc++) {
                                sum += px[at + dc] & 0xff;
                            }
                        }
                        chunk[o++] = scale[sum];
                    }
                }
            }
            if (o == chunk.length) {
                out.put(chunk, 0, o);
                o = 0;
            }
        }
        out.put(chunk, 0, o);
    }

    /** The same features in a new array, for callers that need them on the heap. */
    static float[] features(ImageSet set, int[] indices, int pool) {
        float[] out = new float[Math.multiplyExact(indices.length, (set.rows() / pool) * (set.cols() / pool))];
        features(set, indices, pool, FloatBuffer.wrap(out));
        return out;
    }

    /** The labels of the chosen images. */
    static int[] labels(ImageSet set, int[] indices) {
        int[] all = set.rawLabels();
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = all[indices[i]];
        }
        return out;
    }

    /** Row-major {@code labels.length x classes} one-hot matrix. */
    static float[] oneHot(int[] labels, int classes) {
        float[] out = new float[Math.multiplyExact(labels.length, classes)];
        for (int i = 0; i < labels.length; i++) {
            out[i * classes + labels[i]] = 1f;
        }
        return out;
    }
}
