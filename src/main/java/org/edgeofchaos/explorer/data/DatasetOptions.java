package org.edgeofchaos.explorer.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to load: the directory holding the four IDX files, how many training images to use and which, and the
 * input resolution. The test set is always the whole test file, so accuracies stay comparable across subsets.
 *
 * <p>Checked on construction as far as possible; the upper bound of {@code trainSize} depends on the files and is
 * checked by {@link DatasetLoader#load}. Messages name the command line options ({@code --train-size},
 * {@code --resolution}) because that is where users set them.
 *
 * @param directory    directory with the four standard IDX file names
 * @param trainSize    number S of training images, 1..images in the training file
 * @param randomSubset false: the first S training images; true: S images drawn without replacement using
 *                     {@code subsetSeed}, kept in file order
 * @param subsetSeed   seed of the random subset; ignored when {@code randomSubset} is false
 * @param resolution   28 (original pixels, 784 inputs) or 14 (2x2 average pooling, 196 inputs)
 */
public record DatasetOptions(Path directory, int trainSize, boolean randomSubset, long subsetSeed, int resolution) {
    /** Where the program looks by default, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("datasets", "fashion-mnist");
    public static final int DEFAULT_TRAIN_SIZE = FashionMnist.TRAIN_COUNT;
    public static final int FULL_RESOLUTION = FashionMnist.IMAGE_SIDE;
    public static final int HALF_RESOLUTION = FashionMnist.IMAGE_SIDE / 2;

    public DatasetOptions {
        Objects.requireNonNull(directory, "directory");
        if (trainSize < 1) {
            throw new DatasetException("--train-size must be at least 1, got " + trainSize);
        }
        if (resolution != FULL_RESOLUTION && resolution != HALF_RESOLUTION) {
            throw new DatasetException("--resolution must be " + FULL_RESOLUTION + " or " + HALF_RESOLUTION
                    + ", got " + resolution);
        }
    }

    /**
     * Where the bundled data set is: the system property {@code eoc.datasetDir}, else {@code datasets/fashion-mnist}
     * in the working directory, else beside the application's jar (so the jar runs from any folder).
     */
    public static Path locateDefaultDirectory() {
        String property = System.getProperty("eoc.datasetDir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (java.nio.file.Files.isDirectory(DEFAULT_DIRECTORY)) {
            return DEFAULT_DIRECTORY.toAbsolutePath();
        }
        try {
            Path code = Path.of(DatasetOptions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes during development, target/edge-of-chaos-explorer.jar when packaged; an installed
            // app (jpackage) keeps the data set in the jar's own folder
            for (Path base : new Path[] {code.getParent().getParent(), code.getParent()}) {
                Path beside = base.resolve(DEFAULT_DIRECTORY);
                if (java.nio.file.Files.isDirectory(beside)) {
                    return beside;
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code location (an unusual class loader): loading will name the missing folder
        }
        return DEFAULT_DIRECTORY.toAbsolutePath();
    }

    /** The paper's setting: all 60,000 training images of the default directory at 28x28. */
    public static DatasetOptions defaults() {
        return new DatasetOptions(DEFAULT_DIRECTORY, DEFAULT_TRAIN_SIZE, false, 0L, FULL_RESOLUTION);
    }

    public DatasetOptions withDirectory(Path newDirectory) {
        return new DatasetOptions(newDirectory, trainSize, randomSubset, subsetSeed, resolution);
    }

    /** The first {@code size} training images. */
    public DatasetOptions withFirstImages(int size) {
        return new DatasetOptions(directory, size, false, subsetSeed, resolution);
    }

    /** {@code size} training images drawn at random with {@code seed}. */
    public DatasetOptions withRandomImages(int size, long seed) {
        return new DatasetOptions(directory, size, true, seed, resolution);
    }

    public DatasetOptions withResolution(int newResolution) {
        return new DatasetOptions(directory, trainSize, randomSubset, subsetSeed, newResolution);
    }

    /** Pooling factor: how many original pixels along each side make one input pixel. */
    public int poolFactor() {
        return FashionMnist.IMAGE_SIDE / resolution;
    }

    /** Network input width N = resolution^2 (784 or 196). */
    public int inputSize() {
        return resolution * resolution;
    }
}
