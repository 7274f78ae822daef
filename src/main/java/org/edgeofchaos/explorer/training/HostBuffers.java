package org.edgeofchaos.explorer.training;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between a whole (non-view, c-order) ND4J array and a Java array. Small per-row work (softmax over
 * 10 classes, the tanh derivative) is cheaper in a Java loop than as several ND4J ops, each of which costs tens
 * of microseconds of dispatch; one bulk copy each way replaces them, and no element is read one by one.
 */
final class HostBuffers {
    private HostBuffers() {
    }

    static void read(INDArray source, double[] target) {
        if (source.dataType() == DataType.DOUBLE) {
            DoubleBuffer buffer = source.data().asNioDouble();
            buffer.position(0);
            buffer.get(target, 0, (int) source.length());
        } else {
            FloatBuffer buffer = source.data().asNioFloat();
            for (int i = 0; i < source.length(); i++) {
                target[i] = buffer.get(i);
            }
        }
    }

    static void write(double[] source, INDArray target) {
        if (target.dataType() == DataType.DOUBLE) {
            DoubleBuffer buffer = target.data().asNioDouble();
            buffer.position(0);
            buffer.put(source, 0, (int) target.length());
        } else {
            FloatBuffer buffer = target.data().asNioFloat();
            for (int i = 0; i < target.length(); i++) {
                buffer.put(i, (float) source[i]);
            }
        }
    }

    /** How many elements have an absolute value above the threshold, read in bulk from the array's memory. */
    static long countAbsAbove(INDArray source, double threshold) {
        long count = 0;
        int length = (int) source.length();
        if (source.dataType() == DataType.DOUBLE) {
            DoubleBuffer buffer = source.data().asNioDouble();
            for (int i = 0; i < length; i++) {
                if (Math.abs(buffer.get(i)) > threshold) {
                    count++;
                }
            }
        } else {
            FloatBuffer buffer = source.data().asNioFloat();
            float t = (float) threshold;
            for (int i = 0; i < length; i++) {
                if (Math.abs(buffer.get(i)) > t) {
                    count++;
                }
            }
        }
        return count;
    }
}
