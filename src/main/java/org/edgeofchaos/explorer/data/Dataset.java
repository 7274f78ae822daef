package org.edgeofchaos.explorer.data;

import java.nio.file.Path;
import java.time.Duration;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A data set ready for training: features as c-order FLOAT matrices (one image per row, values in [0, 1]), labels
 * as class indices and as one-hot matrices. Built by {@link #load} / {@link DatasetLoader#load}.
 *
 * <p>The INDArrays are shared, not copied (the full training matrix is 188 MB): callers must not modify them in
 * place. {@code int[]} accessors return copies.
 */
public final class Dataset {
    private final DatasetOptions options;
    private final INDArray trainFeatures;
    private final int[] trainLabels;
    // One-hot labels are built on first use: the trainer works from the int labels.
    private INDArray trainOneHot;
    private final INDArray testFeatures;
    private final int[] testLabels;
    private INDArray testOneHot;
    private final int[] trainIndices;
    private final long loadNanos;

    Dataset(DatasetOptions options, INDArray trainFeatures, int[] trainLabels, INDArray testFeatures,
            int[] testLabels, int[] trainIndices, long loadNanos) {
        this.options = options;
        this.trainFeatures = trainFeatures;
        this.trainLabels = trainLabels;
        this.testFeatures = testFeatures;
        this.testLabels = testLabels;
        this.trainIndices = trainIndices;
        this.loadNanos = loadNanos;
    }

    /** Same as {@link DatasetLoader#load}. */
    public static Dataset load(DatasetOptions options) {
        return DatasetLoader.load(options);
    }

    public DatasetOptions options() {
        return options;
    }

    /** Name of the source directory, e.g. {@code fashion-mnist}. */
    public String name() {
        Path abs = directory();
        return abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
    }

    /** Absolute source directory. */
    public Path directory() {
        return options.directory().toAbsolutePath().normalize();
    }

    /** Network input width N: 784 at resolution 28, 196 at resolution 14. */
    public int inputSize() {
        return options.inputSize();
    }

    /** Side of the (possibly pooled) input image; a feature row reshaped to side x side is the image. */
    public int imageSide() {
        return options.resolution();
    }

    public int classCount() {
        return FashionMnist.CLASS_COUNT;
    }

    /** Number S of training images used. */
    public int trainSize() {
        return trainLabels.length;
    }

    public int testSize() {
        return testLabels.length;
    }

    /** S x N training features. */
    public INDArray trainFeatures() {
        return trainFeatures;
    }

    public int[] trainLabels() {
        return trainLabels.clone();
    }

    /** S x 10 one-hot training labels. */
    public synchronized INDArray trainOneHot() {
        if (trainOneHot == null) {
            trainOneHot = DatasetLoader.oneHot(trainLabels);
        }
        return trainOneHot;
    }

    /** Test features, always the whole test file: 10,000 x N for Fashion-MNIST. */
    public INDArray testFeatures() {
        return testFeatures;
    }

    public int[] testLabels() {
        return testLabels.clone();
    }

    public synchronized INDArray testOneHot() {
        if (testOneHot == null) {
            testOneHot = DatasetLoader.oneHot(testLabels);
        }
        return testOneHot;
    }

    /** For each training row, its index in the training file (ascending), so a subset can be reproduced. */
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /** Wall time {@link DatasetLoader#load} took, from reading the files to the finished arrays. */
    public Duration loadTime() {
        return Duration.ofNanos(loadNanos);
    }

    @Override
    public String toString() {
        return "Dataset[" + name() + ", train " + trainSize() + "x" + inputSize() + ", test " + testSize() + "x"
                + inputSize() + "]";
    }
}
