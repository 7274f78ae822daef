package org.edgeofchaos.explorer.training;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small learnable data sets for training tests: labels from a random linear teacher on uniform inputs. */
public final class SyntheticData {
    private SyntheticData() {
    }

    public static TrainingData teacher(int trainSize, int testSize, int n, long seed, DataType type) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] teacher = new double[TrainingData.CLASSES * n];
        for (int i = 0; i < teacher.length; i++) {
            teacher[i] = random.nextGaussian();
        }
        int[] trainLabels = new int[trainSize];
        int[] testLabels = new int[testSize];
        INDArray train = sample(trainSize, n, teacher, random, type, trainLabels);
        INDArray test = sample(testSize, n, teacher, random, type, testLabels);
        return new TrainingData(train, trainLabels, test, testLabels);
    }

    private static INDArray sample(int rows, int n, double[] teacher, SplittableRandom random, DataType type,
            int[] labels) {
        double[] x = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                x[r * n + i] = random.nextDouble();
            }
            for (int c = 0; c < TrainingData.CLASSES; c++) {
                double score = 0;
                for (int i = 0; i < n; i++) {
                    score += teacher[c * n + i] * (x[r * n + i] - 0.5);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            labels[r] = best;
        }
        return Nd4j.create(x, new long[] {rows, n}, 'c').castTo(type);
    }
}
