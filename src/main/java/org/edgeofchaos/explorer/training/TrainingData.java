package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arrays a run trains and evaluates on: features as c-order matrices (rows are samples; FLOAT for training,
 * DOUBLE accepted so that gradient checks can run in double precision) and class labels 0..9. Kept free of file
 * formats so that tests can train on generated data.
 */
public record TrainingData(INDArray trainX, int[] trainLabels, INDArray testX, int[] testLabels) {

    public static final int CLASSES = 10;

    public TrainingData {
        check("training features", trainX, -1);
        check("test features", testX, trainX.columns());
        checkLabels("training", trainLabels, trainX.rows());
        checkLabels("test", testLabels, testX.rows());
    }

    private static void check(String what, INDArray a, long columns) {
        boolean floating = a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE;
        if (a.rank() != 2 || !floating || a.ordering() != 'c' || a.isView()) {
            throw new IllegalArgumentException(what + " must be a 2-d FLOAT c-order matrix (not a view), got rank "
                    + a.rank() + " " + a.dataType() + " order " + a.ordering());
        }
        if (columns > 0 && a.columns() != columns) {
            throw new IllegalArgumentException(what + " must have " + columns + " columns, got " + a.columns());
        }
    }

    private static void checkLabels(String what, int[] labels, long rows) {
        if (labels.length != rows) {
            throw new IllegalArgumentException(what + " labels: " + labels.length + " labels for " + rows + " rows");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException(what + " label " + i + " is " + labels[i] + ", expected 0..9");
            }
        }
    }

    public int trainSize() {
        return (int) trainX.rows();
    }

    public int testSize() {
        return (int) testX.rows();
    }

    /** N, the input width and so the width of the square hidden layer. */
    public int inputSize() {
        return (int) trainX.columns();
    }
}
