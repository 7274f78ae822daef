package org.edgeofchaos.explorer.dynamics;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J alternative to {@link TanhMap#multiply}, kept for the timing comparison: all state rows are
 * stacked into one preallocated k x N matrix S and multiplied by one Nd4j.gemm(S, W, P, false, true) into a
 * preallocated P, with bulk copies in and out (no per-element INDArray access).
 */
final class Nd4jGemmProduct implements StateProduct {

    private final INDArray w;
    private final int n;
    private final Map<Integer, INDArray[]> buffers = new HashMap<>();

    Nd4jGemmProduct(INDArray w) {
        this.w = w;
        this.n = w.rows();
    }

    @Override
    public void multiply(float[][] in, float[][] out, int count) {
        INDArray[] sp = buffers.computeIfAbsent(count, k -> new INDArray[] {
            Nd4j.create(DataType.FLOAT, k, n), Nd4j.create(DataType.FLOAT, k, n), null});
        float[] flat = new float[count * n];
        for (int r = 0; r < count; r++) {
            System.arraycopy(in[r], 0, flat, r * n, n);
        }
        sp[0].data().setData(flat);
        Nd4j.gemm(sp[0], w, sp[1], false, true, 1.0, 0.0);
        float[] p = sp[1].data().asFloat();
        for (int r = 0; r < count; r++) {
            System.arraycopy(p, r * n, out[r], 0, n);
        }
    }
}
