package org.edgeofchaos.explorer.training;

/**
 * Softmax cross-entropy over 10 classes on the Java side, in double, with the log-sum-exp shift for stability.
 * On a batch this is a few hundred numbers: a Java loop beats several ND4J op dispatches.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /**
     * Adds {@code bias} to each row of {@code logits} (rows x 10, row-major), and returns the summed loss and the
     * number of rows whose arg-max is the label. If {@code gradient} is not null it receives softmax - onehot.
     */
    static double[] evaluate(double[] logits, double[] bias, int[] labels, int labelOffset, int rows,
            double[] gradient) {
        int k = TrainingData.CLASSES;
        double lossSum = 0;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * k;
            double max = Double.NEGATIVE_INFINITY;
            int argMax = 0;
            for (int c = 0; c < k; c++) {
                double z = logits[base + c] + bias[c];
                logits[base + c] = z;
                if (z > max) {
                    max = z;
                    argMax = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            int label = labels[labelOffset + r];
            double logSumExp = max + Math.log(sum);
            lossSum += logSumExp - logits[base + label];
            if (argMax == label && !Double.isNaN(max)) {
                correct++;
            }
            if (gradient != null) {
                for (int c = 0; c < k; c++) {
                    gradient[base + c] = Math.exp(logits[base + c] - logSumExp) - (c == label ? 1 : 0);
                }
            }
        }
        return new double[] {lossSum, correct};
    }
}
