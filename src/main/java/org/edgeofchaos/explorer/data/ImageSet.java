package org.edgeofchaos.explorer.data;

import java.nio.file.Path;

/**
 * A validated pair of IDX files: grey images (count x rows x cols, unsigned bytes) and their class labels.
 * Plain Java, no ND4J: {@link DatasetLoader} turns it into training arrays.
 *
 * <p>Labels must lie in 0..{@link FashionMnist#CLASS_COUNT}-1 because the network has exactly that many outputs.
 * Immutable: accessors copy or return single values.
 */
public final class ImageSet {
    private final Path imagesFile;
    private final Path labelsFile;
    private final int count;
    private final int rows;
    private final int cols;
    private final IdxArray pixels;
    private final int[] labels;
    private final int classCount;

    private ImageSet(Path imagesFile, Path labelsFile, int count, int rows, int cols, IdxArray pixels, int[] labels,
                     int classCount) {
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classCount = classCount;
    }

    /**
     * Reads and validates an images file and a labels file.
     *
     * @throws DatasetException naming the file at fault if either cannot be read, has the wrong number of
     *                          dimensions, the counts differ, or a label is outside 0..9
     */
    public static ImageSet load(Path imagesFile, Path labelsFile) {
        return of(IdxReader.read(imagesFile, 3), imagesFile, IdxReader.read(labelsFile, 1), labelsFile);
    }

    /**
     * Validates already-read arrays; the paths are only used in messages.
     *
     * @throws DatasetException as for {@link #load}
     */
    public static ImageSet of(IdxArray images, Path imagesFile, IdxArray labels, Path labelsFile) {
        if (images.rank() != 3) {
            throw new DatasetException(imagesFile, "expected images with 3 dimensions (count x rows x cols), found "
                    + images.rank() + " (" + images.shape() + ")");
        }
        if (labels.rank() != 1) {
            throw new DatasetException(labelsFile, "expected labels with 1 dimension (count), found "
                    + labels.rank() + " (" + labels.shape() + ")");
        }
        int count = images.dim(0);
        if (labels.dim(0) != count) {
            throw new DatasetException("image and label counts differ: " + DatasetException.describe(imagesFile)
                    + " holds " + count + " images, " + DatasetException.describe(labelsFile) + " holds "
                    + labels.dim(0) + " labels");
        }
        int[] values = new int[count];
        int max = 0;
        int firstBad = -1;
        for (int i = 0; i < count; i++) {
            values[i] = labels.unsigned(i);
            max = Math.max(max, values[i]);
            if (firstBad < 0 && values[i] >= FashionMnist.CLASS_COUNT) {
                firstBad = i;
            }
        }
        if (firstBad >= 0) {
            throw new DatasetException(labelsFile, "label " + values[firstBad] + " at index " + firstBad
                    + " is out of range 0.." + (FashionMnist.CLASS_COUNT - 1) + " (the file has " + (max + 1)
                    + " classes, the network has " + FashionMnist.CLASS_COUNT + " outputs)");
        }
        return new ImageSet(imagesFile, labelsFile, count, images.dim(1), images.dim(2), images, values,
                max + 1);
    }

    public Path imagesFile() {
        return imagesFile;
    }

    public Path labelsFile() {
        return labelsFile;
    }

    /** Number of images (= number of labels). */
    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels per image, rows x cols. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Grey value 0..255 of one pixel. */
    public int pixel(int image, int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("pixel (" + row + ", " + col + ") outside " + rows + "x" + cols);
        }
        if (image < 0 || image >= count) {
            throw new IndexOutOfBoundsException("image " + image + " outside 0.." + (count - 1));
        }
        return pixels.recordBlock(image)[pixels.recordOffset(image) + row * cols + col] & 0xff;
    }

    public int label(int image) {
        return labels[image];
    }

    /** A copy of all labels, in file order. */
    public int[] labels() {
        return labels.clone();
    }

    /** Largest label + 1; at most {@link FashionMnist#CLASS_COUNT}, less if some top classes never occur. */
    public int classCount() {
        return classCount;
    }

    /**
     * The block of pixels holding image {@code image} whole, row-major, not copied: callers in this package must not
     * modify it. The image starts at {@link #imageOffset(int)}.
     */
    byte[] imageBlock(int image) {
        return pixels.recordBlock(image);
    }

    /** Where image {@code image} starts in {@link #imageBlock(int)}. */
    int imageOffset(int image) {
        return pixels.recordOffset(image);
    }

    int[] rawLabels() {
        return labels;
    }

    @Override
    public String toString() {
        return "ImageSet[" + count + " x " + rows + "x" + cols + ", " + imagesFile + "]";
    }
}
