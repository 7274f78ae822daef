package org.edgeofchaos.explorer.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests, valid or deliberately broken. */
final class IdxFiles {
    /** Pattern index of test image 0 in {@link #writeDataset}. */
    static final int TEST_OFFSET = 100;

    private IdxFiles() {
    }

    /** Header bytes: magic 00 00 type rank, then the sizes big-endian. */
    static byte[] header(int type, int rank, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) rank);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    /** A well-formed unsigned-byte IDX image of {@code data} with the given dimensions. */
    static byte[] idx(int[] dims, byte[] data) {
        return concat(header(0x08, dims.length, dims), data);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeIdx(Path file, int[] dims, byte[] data, boolean gzip) {
        byte[] bytes = idx(dims, data);
        return write(file, gzip ? gzip(bytes) : bytes);
    }

    static byte[] unsignedBytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** Grey value of pixel (r, c) of image {@code image} in the generated data sets: covers 0..255. */
    static int pattern(int image, int r, int c) {
        return (image * 31 + r * 7 + c * 3) % 256;
    }

    /** {@code count} 28x28 images following {@link #pattern}. */
    static byte[] patternImages(int count) {
        int side = FashionMnist.IMAGE_SIDE;
        byte[] out = new byte[count * side * side];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    out[(i * side + r) * side + c] = (byte) pattern(i, r, c);
                }
            }
        }
        return out;
    }

    /** Label of image {@code image} in the generated data sets. */
    static int patternLabel(int image) {
        return (image * 7 + 3) % FashionMnist.CLASS_COUNT;
    }

    static byte[] patternLabels(int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) patternLabel(i);
        }
        return out;
    }

    /**
     * A data set directory with the four standard files of 28x28 pattern images: training image i is
     * {@code pattern(i, ...)} with label {@code patternLabel(i)}, test image i is {@code pattern(TEST_OFFSET + i,
     * ...)} with label {@code patternLabel(i)}. Raw files get the names without {@code .gz}.
     */
    static Path writeDataset(Path dir, int train, int test, boolean gzip) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int side = FashionMnist.IMAGE_SIDE;
        writeIdx(dir.resolve(strip(DatasetLoader.TRAIN_IMAGES, gzip)), new int[] {train, side, side},
                patternImages(train), gzip);
        writeIdx(dir.resolve(strip(DatasetLoader.TRAIN_LABELS, gzip)), new int[] {train}, patternLabels(train), gzip);
        // Test image i is pattern image TEST_OFFSET + i, so test rows cannot be mistaken for training rows.
        byte[] testImages = patternImages(TEST_OFFSET + test);
        byte[] shifted = Arrays.copyOfRange(testImages, TEST_OFFSET * side * side, testImages.length);
        writeIdx(dir.resolve(strip(DatasetLoader.TEST_IMAGES, gzip)), new int[] {test, side, side}, shifted, gzip);
        writeIdx(dir.resolve(strip(DatasetLoader.TEST_LABELS, gzip)), new int[] {test}, patternLabels(test), gzip);
        return dir;
    }

    private static String strip(String name, boolean gzip) {
        return gzip ? name : name.substring(0, name.length() - 3);
    }
}
