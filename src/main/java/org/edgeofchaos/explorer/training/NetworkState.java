package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * A {@link TanhNetwork}'s parameters and momentum buffers copied to the Java heap, row-major, in the layout of
 * the network's arrays. Values are held as doubles; a FLOAT network's values survive the round trip exactly.
 */
public record NetworkState(int inputSize, DataType dataType, double[] hidden, double[] output, double[] bias,
        double[] hiddenVelocity, double[] outputVelocity, double[] biasVelocity) {

    public NetworkState {
        int n = inputSize;
        int k = TrainingData.CLASSES;
        if (n < 1 || dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("bad network state: N = " + n + ", " + dataType);
        }
        check("hidden weights", hidden, (long) n * n);
        check("hidden velocity", hiddenVelocity, (long) n * n);
        check("output weights", output, (long) k * n);
        check("output velocity", outputVelocity, (long) k * n);
        check("output bias", bias, k);
        check("bias velocity", biasVelocity, k);
    }

    private static void check(String what, double[] values, long expected) {
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got "
                    + (values == null ? "none" : values.length));
        }
    }
}
