package org.edgeofchaos.explorer.data;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loads the four IDX files of an MNIST-style directory into a {@link Dataset}. */
public final class DatasetLoader {
    /** Standard file names; each may also be stored uncompressed, without the {@code .gz}. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    private DatasetLoader() {
    }

    /**
     * Checks that a folder holds the four IDX files, without reading them (cheap enough for a folder chooser).
     *
     * @throws DatasetException naming the folder and the missing files
     */
    public static void checkDirectory(Path dir) {
        locateFiles(dir);
    }

    private static List<Path> locateFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir, (Files.exists(dir) ? "not a directory" : "data set directory not found")
                    + "; expected a directory holding " + String.join(", ", FILE_NAMES));
        }
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : FILE_NAMES) {
            Path file = locate(dir, name);
            if (file == null) {
                missing.add(name);
            }
            files.add(file);
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(dir, "missing " + String.join(", ", missing) + " (a data set directory holds "
                    + String.join(", ", FILE_NAMES) + "; each may also be uncompressed, without .gz)");
        }
        return files;
    }

    /**
     * Reads, validates, subsets and converts the data set described by {@code options}.
     *
     * @throws DatasetException if the directory or a file is missing or invalid, the images are not 28x28, or
     *                          {@code --train-size} exceeds the training images available
     */
    public static Dataset load(DatasetOptions options) {
        long start = System.nanoTime();
        Path dir = options.directory();
        List<Path> files = locateFiles(dir);

        // The training images take most of the time to decompress, and the 188 MB training matrix most of the
        // time to allocate (fresh pages): read them on a helper thread while this one handles the test set and
        // allocates. Full Fashion-MNIST on 2 busy cores: about 1.05 s sequential, 0.75-0.9 s overlapped.
        FutureTask<ImageSet> trainTask = new FutureTask<>(() -> ImageSet.load(files.get(0), files.get(1)));
        Thread reader = new Thread(trainTask, "dataset-reader");
        reader.setDaemon(true);
        reader.start();

        int pool = options.poolFactor();
        int n = options.inputSize();
        int[] testIndices;
        int[] testLabels;
        INDArray testX;
        INDArray trainX;
        try {
            ImageSet test = ImageSet.load(files.get(2), files.get(3));
            requireSide(test);
            testIndices = Preprocessing.first(test.count());
            testLabels = Preprocessing.labels(test, testIndices);
            testX = matrix(testIndices.length, n, out -> Preprocessing.features(test, testIndices, pool, out));
            // Speculative, as trainSize is checked against the file only below (on error the array is garbage
            // collected); limited to the Fashion-MNIST size so an absurd --train-size never reaches the allocator.
            trainX = options.trainSize() <= FashionMnist.TRAIN_COUNT ? newMatrix(options.trainSize(), n) : null;
        } catch (RuntimeException | Error e) {
            // Report the training files' problem first, as a sequential load would.
            join(trainTask, e);
            throw e;
        }
        ImageSet train = join(trainTask, null);
        requireSide(train);
        if (options.trainSize() > train.count()) {
            throw new DatasetException("--train-size " + options.trainSize() + " is out of range 1.." + train.count()
                    + " (" + DatasetException.describe(train.imagesFile()) + " holds " + train.count() + " images)");
        }

        int[] trainIndices = options.randomSubset()
                ? Preprocessing.random(train.count(), options.trainSize(), options.subsetSeed())
                : Preprocessing.first(options.trainSize());
        int[] trainLabels = Preprocessing.labels(train, trainIndices);
        if (trainX == null) {
            trainX = newMatrix(trainIndices.length, n);
        }
        fill(trainX, out -> Preprocessing.features(train, trainIndices, pool, out));
        long nanos = System.nanoTime() - start;
        return new Dataset(options, trainX, trainLabels, testX, testLabels, trainIndices, nanos);
    }

    /** {@code dir/name}, or its uncompressed twin without {@code .gz}; null if neither exists. */
    private static Path locate(Path dir, String name) {
        Path gz = dir.resolve(name);
        if (Files.exists(gz)) {
            return gz;
        }
        Path plain = dir.resolve(name.substring(0, name.length() - ".gz".length()));
        return Files.exists(plain) ? plain : null;
    }

    // The network and --resolution are defined for 28x28 inputs; other sizes would silently change N.
    private static void requireSide(ImageSet set) {
        if (set.rows() != FashionMnist.IMAGE_SIDE || set.cols() != FashionMnist.IMAGE_SIDE) {
            throw new DatasetException(set.imagesFile(), "images are " + set.rows() + "x" + set.cols()
                    + ", expected " + FashionMnist.IMAGE_SIDE + "x" + FashionMnist.IMAGE_SIDE);
        }
    }

    /**
     * A c-order FLOAT matrix filled in bulk through a view of its native buffer. Measured on the 60,000 x 784
     * training matrix: Nd4j.create(float[], ...) took 0.8-1.3 s on top of building the 188 MB float[] (itself
     * 0.8 s of fresh page faults here); filling the native buffer directly costs one allocation and 20-30 ms.
     */
    /** Labels as a one-hot FLOAT matrix, rows x 10. */
    static INDArray oneHot(int[] labels) {
        return matrix(labels.length, FashionMnist.CLASS_COUNT,
                out -> out.put(Preprocessing.oneHot(labels, FashionMnist.CLASS_COUNT)));
    }

    private static INDArray matrix(int rows, int cols, Consumer<FloatBuffer> writer) {
        return fill(newMatrix(rows, cols), writer);
    }

    private static INDArray newMatrix(int rows, int cols) {
        return Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, cols}, 'c');
    }

    private static INDArray fill(INDArray m, Consumer<FloatBuffer> writer) {
        FloatBuffer target = m.data().asNioFloat();
        writer.accept(target);
        if (target.position() != m.length()) {
            throw new IllegalStateException("filled " + target.position() + " of " + m.length() + " values");
        }
        return m;
    }

    /**
     * Result of the reader thread. Its own exception wins; {@code pending} (the caller's failure, if any) is
     * attached to it as suppressed.
     */
    private static ImageSet join(FutureTask<ImageSet> task, Throwable pending) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (pending != null) {
                cause.addSuppressed(pending);
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new DatasetException("interrupted while loading the data set", e);
        }
    }
}
