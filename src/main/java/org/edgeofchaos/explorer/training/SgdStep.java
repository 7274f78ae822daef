package org.edgeofchaos.explorer.training;

import org.bytedeco.javacpp.FloatPointer;
import org.edgeofchaos.explorer.dynamics.FastTanh;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One mini-batch of SGD with momentum and L2 weight decay on a {@link TanhNetwork}, with every buffer allocated
 * once per batch size and reused.
 *
 * <p>Why it looks like this: ND4J's convenient ops (mmul, transpose views) cost several times the BLAS call
 * underneath, and every small op costs tens of microseconds of dispatch (science.md section 5). So the products
 * go straight to OpenBLAS ({@link Gemm}) into preallocated arrays and the gradient of W is never materialised:
 * the momentum update v = alpha v - eta g is one GEMM with alpha = -eta / B and beta = momentum accumulating
 * straight into the velocity. Weight decay and the parameter update are BLAS axpy calls. The 10-class softmax,
 * the loss, the accuracy and the bias update run in Java on bulk copies of the small batch x 10 arrays.
 *
 * <p>The two element-wise passes over the batch x N activations (tanh, and the derivative 1 - h^2 of the backward
 * pass) run in Java on bulk copies too. Profiled (JFR and per-op timers) they were the largest cost after the
 * two big GEMMs: ND4J's tanh op is scalar, and its TanhDerivative op recomputes tanh from the pre-activation;
 * together 50-60 % of a mini-batch at N = 196 and 15 % at N = 784. In float, {@link FastTanh} vectorises and the
 * derivative reuses h; a bulk copy each way costs a memcpy. Double arrays (tests) use Math.tanh.
 */
final class SgdStep implements AutoCloseable {
    private final int batch;
    private final int width;
    private final boolean floats;
    private final INDArray hidden;
    private final INDArray logits;
    private final INDArray gradLogits;
    private final INDArray gradHidden;
    private final float[] hiddenFloats;
    private final float[] gradFloats;
    private final double[] hiddenDoubles;
    private final double[] gradDoubles;
    private final double[] logitsHost;
    private final double[] gradLogitsHost;
    private final double[] biasHost;
    private final double[] biasVelocityHost;
    /**
     * The forward product made as H^T = W X^T into this N x batch buffer, then turned into H by the tanh pass; null
     * when it is made as H = X W^T directly. Why: OpenBLAS runs the same product 20-30 % faster with the N rows of W
     * as its output rows when the batch is small (1 thread: 37 against 29-35 GFLOP/s at B = 16, 53-61 against 50 at
     * B = 32; 79-81 against 74-75 at B = 128, where the transposing copy would cost what it saves). Whole epochs at
     * N = 784 with one thread: 5-9 % more samples/s at B = 16, about 2 % at B = 32. With two threads the product's
     * rate varied 2x from run to run either way, so the direct form stays. Float only, one BLAS thread (the window
     * and each run of a sweep), batch at most {@value #TRANSPOSED_FORWARD_MAX_BATCH}.
     */
    private final INDArray hiddenT;
    private final float[] hiddenTFloats;
    /** Largest batch for which {@link #hiddenT} is used. */
    static final int TRANSPOSED_FORWARD_MAX_BATCH = 64;
    /**
     * Row ranges of hidden, logits, gradLogits and gradHidden for the 10-wide products, one call per range: a single
     * range of whole arrays unless {@link #SINGLE_THREAD_PRODUCT} asks for more.
     */
    private final INDArray[][] thinChunks;
    /**
     * The threads a step shares its big products and element-wise passes with (a team of 1: none). With more than
     * one, each takes a range of the hidden units: its rows of W, H^T and the velocity, its columns of the batch
     * gradient; see {@link ComputeTeam} for why not OpenBLAS's own threads. Float only.
     */
    private final ComputeTeam team;
    /** Start of each part's range of hidden units, and the end: {@code bounds[p] .. bounds[p + 1]}. */
    private final int[] bounds;

    /**
     * OpenBLAS (0.3.19, interface/gemm.c) runs a product on one thread when m n k is below 65,536 x 4 multiply-adds
     * and splits it over all its threads above. For the three thin products with the 10 classes that split costs more
     * than it saves: at N = 784, B = 128 and two threads each took 240-290 us against 100-120 us on one thread
     * (measured per operation inside the step). So with more than one BLAS thread they are made in row ranges small
     * enough to stay on one thread.
     */
    static final long SINGLE_THREAD_PRODUCT = 65_536L * 4;

    /**
     * Smallest N^2 B (multiply-adds of one big product) for which a step is shared by its team: below it, handing
     * the parts over costs more than the second thread saves. Measured with 2 threads, bench, 3 runs each: at
     * N = 196 and B = 16 (614,656) shared steps ran at 82,000-90,000 samples/s against 123,000 on one thread; at
     * B = 32 (1.2 M) both about 220,000-250,000; at B = 128 (4.9 M) 338,000 against 297,000; at N = 784 sharing won
     * from B = 16 (9.8 M: 31,000 against 18,500).
     */
    static final long SHARED_STEP_MIN_WORK = 2_000_000L;

    /** A step on the calling thread alone (the window's and each run of a sweep, or any double-precision run). */
    SgdStep(int batch, int inputSize, DataType dataType) {
        this(batch, inputSize, dataType, null, 0);
    }

    /**
     * A step that shares its work with {@code team} when it is big enough ({@link #SHARED_STEP_MIN_WORK}; float only,
     * a double-precision step ignores it). The team is the caller's: the step does not close it.
     */
    SgdStep(int batch, int inputSize, DataType dataType, ComputeTeam team) {
        this(batch, inputSize, dataType, team, SHARED_STEP_MIN_WORK);
    }

    /** As {@link #SgdStep(int, int, DataType, ComputeTeam)} with another size limit (tests share small steps). */
    SgdStep(int batch, int inputSize, DataType dataType, ComputeTeam team, long minSharedWork) {
        this(batch, inputSize, dataType, ComputeThreads.blasThreads() > 1
                ? (int) Math.max(1, (SINGLE_THREAD_PRODUCT - 1) / ((long) inputSize * TrainingData.CLASSES))
                : Integer.MAX_VALUE,
                dataType == DataType.FLOAT && batch <= TRANSPOSED_FORWARD_MAX_BATCH
                        && ComputeThreads.blasThreads() == 1,
                team != null && team.size() > 1 && dataType == DataType.FLOAT
                        && (long) inputSize * inputSize * batch >= minSharedWork ? team : null);
    }

    /**
     * With the thin products made in ranges of {@code thinRows} rows and the forward product made transposed or not
     * (tests choose both; {@code transposedForward} needs FLOAT), on the calling thread alone.
     */
    SgdStep(int batch, int inputSize, DataType dataType, int thinRows, boolean transposedForward) {
        this(batch, inputSize, dataType, thinRows, transposedForward, null);
    }

    /** @param sharedBy the team that shares the step (a FLOAT one; its forward product is then transposed), or null */
    private SgdStep(int batch, int inputSize, DataType dataType, int thinRows, boolean transposedForward,
            ComputeTeam sharedBy) {
        this.batch = batch;
        this.width = inputSize;
        this.floats = dataType == DataType.FLOAT;
        int classes = TrainingData.CLASSES;
        hidden = Nd4j.create(dataType, batch, inputSize);
        logits = Nd4j.create(dataType, batch, classes);
        gradLogits = Nd4j.create(dataType, batch, classes);
        gradHidden = Nd4j.create(dataType, batch, inputSize);
        int cells = batch * inputSize;
        hiddenFloats = floats ? new float[cells] : null;
        gradFloats = floats ? new float[cells] : null;
        hiddenDoubles = floats ? null : new double[cells];
        gradDoubles = floats ? null : new double[cells];
        logitsHost = new double[batch * classes];
        gradLogitsHost = new double[batch * classes];
        biasHost = new double[classes];
        biasVelocityHost = new double[classes];
        // A shared step makes the forward product as H^T, whose rows are the parts' hidden units.
        transposedForward |= sharedBy != null;
        if (transposedForward && !floats) {
            throw new IllegalArgumentException("the transposed forward product is for FLOAT arrays");
        }
        this.team = sharedBy;
        int parts = sharedBy != null ? sharedBy.size() : 1; // more threads than hidden units leave some ranges empty
        bounds = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            bounds[p] = (int) ((long) p * inputSize / parts);
        }
        hiddenT = transposedForward ? Nd4j.create(dataType, inputSize, batch) : null;
        hiddenTFloats = transposedForward ? new float[cells] : null;
        if (thinRows >= batch) {
            thinChunks = new INDArray[][] {{hidden, logits, gradLogits, gradHidden}};
        } else {
            int chunks = (batch + thinRows - 1) / thinRows;
            thinChunks = new INDArray[chunks][];
            for (int i = 0; i < chunks; i++) {
                int from = i * thinRows;
                int to = Math.min(batch, from + thinRows);
                thinChunks[i] = new INDArray[] {rowRange(hidden, from, to), rowRange(logits, from, to),
                    rowRange(gradLogits, from, to), rowRange(gradHidden, from, to)};
            }
        }
    }

    private static INDArray rowRange(INDArray a, int from, int to) {
        return a.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to), org.nd4j.linalg.indexing.NDArrayIndex.all());
    }

    int batchSize() {
        return batch;
    }

    /** Whether the step is shared by a team of more than one thread. */
    boolean shared() {
        return team != null;
    }

    /** Frees the buffers now (two batch x N arrays and the small ones) instead of whenever a garbage collection runs. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {hidden, logits, gradLogits, gradHidden, hiddenT}) {
            if (a != null && !a.wasClosed()) {
                a.close();
            }
        }
    }

    /**
     * Trains on one mini-batch.
     *
     * @param xb          the batch's inputs, {@code batchSize} rows (may be a row-range view)
     * @param labels      labels of the rows, read from {@code labelOffset}
     * @return the batch's summed cross-entropy (index 0) and its number of correct predictions (index 1), both
     *     of the forward pass before the update; a non-finite loss leaves the network untouched
     */
    double[] apply(TanhNetwork net, INDArray xb, int[] labels, int labelOffset,
            double learningRate, double momentum, double weightDecay) {
        if (team != null) {
            return applyShared(net, xb, labels, labelOffset, learningRate, momentum, weightDecay);
        }
        INDArray w = net.hiddenWeights();

        // Forward: H = tanh(X W^T), then the output layer (with its backward products).
        if (hiddenT != null) {
            Gemm.apply(w, false, xb, true, 1.0, 0.0, hiddenT);
        } else {
            Gemm.apply(xb, false, w, true, 1.0, 0.0, hidden);
        }
        activate();
        double scale = -learningRate / batch;
        double[] result = outputLayer(net, labels, labelOffset, scale, momentum);
        if (!Double.isFinite(result[0])) {
            return result;
        }
        // B dL/dA = B dL/dH * (1 - H^2), in place; then v = momentum v - eta/B dA^T X.
        backThroughTanh();
        // Keras L2: the penalty lambda sum(w^2) adds 2 lambda w to each kernel's gradient (not to the bias).
        double decay = -2 * learningRate * weightDecay;
        if (momentum == 0) {
            // Without momentum the velocity is only this step's update, so W takes it directly:
            // W <- (1 - 2 eta lambda) W - eta/B dA^T X is one GEMM with beta = 1 - 2 eta lambda, saving the pass
            // over the N x N velocity and the axpy W += v (profiled at N = 784, B = 32: 8 % of a mini-batch for the
            // axpy, and the GEMM into W was faster than into v). The velocity is then stale; it is reset before
            // momentum is next used (PyTorch's SGD also starts its momentum buffer afresh).
            Gemm.apply(gradHidden, true, xb, false, scale, 1 + decay, w);
            net.markHiddenVelocityStale();
        } else {
            net.resetHiddenVelocityIfStale();
            Gemm.apply(gradHidden, true, xb, false, scale, momentum, net.velocityW());
            if (weightDecay > 0) {
                Gemm.axpy(decay, w, net.velocityW());
            }
            Gemm.axpy(1.0, net.velocityW(), w);
        }
        updateOutputLayer(net, scale, momentum, weightDecay, decay);
        return result;
    }

    /**
     * {@link #apply} with the big products and the element-wise passes shared by the team: two team sections per
     * step, the forward one (H^T rows, tanh, transposed into H) and the backward one (the part's columns of the
     * gradient through tanh, then its rows of the velocity and of W). The 10-wide products, the softmax and the
     * output layer's update stay on the calling thread: they are small. Each output element is computed by the same
     * one-thread BLAS call over the whole inner dimension, whatever the number of parts.
     */
    private double[] applyShared(TanhNetwork net, INDArray xb, int[] labels, int labelOffset,
            double learningRate, double momentum, double weightDecay) {
        FloatPointer wp = Gemm.floatsOf(net.hiddenWeights());
        FloatPointer xp = Gemm.floatsOf(xb);
        FloatPointer hTp = Gemm.floatsOf(hiddenT);
        int n = width;
        int b = batch;

        // Forward: H^T = W X^T by rows of W, then tanh and the transpose into H, each part on its own rows.
        team.run(p -> {
            int from = bounds[p];
            int to = bounds[p + 1];
            if (from == to) {
                return;
            }
            Gemm.sgemm(false, true, to - from, b, n, 1f, wp, (long) from * n, n, xp, 0, n, 0f, hTp, (long) from * b, b);
            hiddenT.data().asNioFloat().get(from * b, hiddenTFloats, from * b, (to - from) * b);
            FastTanh.inPlace(hiddenTFloats, from * b, to * b);
            transposeRows(hiddenTFloats, from, to, n, b, hiddenFloats);
        });
        HostBuffers.write(hiddenFloats, hidden);
        double scale = -learningRate / batch;
        double[] result = outputLayer(net, labels, labelOffset, scale, momentum);
        if (!Double.isFinite(result[0])) {
            return result;
        }
        HostBuffers.read(gradHidden, gradFloats);
        double decay = -2 * learningRate * weightDecay;
        if (momentum != 0) {
            net.resetHiddenVelocityIfStale();
        }
        FloatPointer gp = Gemm.floatsOf(gradHidden);
        FloatPointer vp = Gemm.floatsOf(net.velocityW());
        float alpha = (float) scale;
        // Backward, each part on its hidden units: B dL/dA = B dL/dH * (1 - H^2) in its columns of the gradient
        // (written back row by row), then its rows of v = momentum v - eta/B dA^T X and of W (see apply).
        team.run(p -> {
            int from = bounds[p];
            int to = bounds[p + 1];
            if (from == to) {
                return;
            }
            float[] g = gradFloats;
            float[] h = hiddenFloats;
            java.nio.FloatBuffer target = gradHidden.data().asNioFloat();
            for (int r = 0; r < b; r++) {
                int row = r * n;
                for (int i = row + from; i < row + to; i++) {
                    g[i] *= (1f - h[i]) * (1f + h[i]);
                }
                target.put(row + from, g, row + from, to - from);
            }
            int rows = to - from;
            long first = (long) from * n;
            if (momentum == 0) {
                Gemm.sgemm(true, false, rows, n, b, alpha, gp, from, n, xp, 0, n, (float) (1 + decay), wp, first, n);
            } else {
                Gemm.sgemm(true, false, rows, n, b, alpha, gp, from, n, xp, 0, n, (float) momentum, vp, first, n);
                if (weightDecay > 0) {
                    Gemm.saxpy(rows * n, (float) decay, wp, first, vp, first);
                }
                Gemm.saxpy(rows * n, 1f, vp, first, wp, first);
            }
        });
        if (momentum == 0) {
            net.markHiddenVelocityStale();
        }
        updateOutputLayer(net, scale, momentum, weightDecay, decay);
        return result;
    }

    /**
     * The output layer on H: Z = H W2^T (+ b2 on the Java side), the softmax and its loss; then, if the loss is
     * finite, the backward products B dL/dH = dZ W2 (W2 before its update) and v2 = momentum v2 - eta/B dZ^T H.
     *
     * @return the batch's summed cross-entropy and number of correct predictions, as {@link #apply} returns them
     */
    private double[] outputLayer(TanhNetwork net, int[] labels, int labelOffset, double scale, double momentum) {
        INDArray w2 = net.outputWeights();
        for (INDArray[] c : thinChunks) {
            Gemm.apply(c[0], false, w2, true, 1.0, 0.0, c[1]);
        }
        HostBuffers.read(logits, logitsHost);
        HostBuffers.read(net.outputBias(), biasHost);
        double[] result = SoftmaxCrossEntropy.evaluate(logitsHost, biasHost, labels, labelOffset, batch,
                gradLogitsHost);
        if (!Double.isFinite(result[0])) {
            return result;
        }
        // gradLogits = B dL/dZ = softmax - onehot; the 1/B goes into the GEMM scale factors.
        HostBuffers.write(gradLogitsHost, gradLogits);
        for (int i = 0; i < thinChunks.length; i++) {
            INDArray[] c = thinChunks[i];
            Gemm.apply(c[2], false, w2, false, 1.0, 0.0, c[3]);
            // summed over the row ranges: momentum is applied with the first
            Gemm.apply(c[2], true, c[0], false, scale, i == 0 ? momentum : 1.0, net.velocityW2());
        }
        return result;
    }

    /** W2 and b2 take their velocities (with the Keras L2 term in W2's). */
    private void updateOutputLayer(TanhNetwork net, double scale, double momentum, double weightDecay,
            double decay) {
        INDArray w2 = net.outputWeights();
        if (weightDecay > 0) {
            Gemm.axpy(decay, w2, net.velocityW2());
        }
        Gemm.axpy(1.0, net.velocityW2(), w2);
        updateBias(net, scale, momentum);
    }

    /**
     * Rows {@code from .. to} of {@code source} (rows x cols) transposed into the matching columns of
     * {@code target} (cols x rows), in blocks that stay in the L1 cache.
     */
    static void transposeRows(float[] source, int from, int to, int rows, int cols, float[] target) {
        final int block = 16;
        for (int r0 = from; r0 < to; r0 += block) {
            int r1 = Math.min(to, r0 + block);
            for (int c0 = 0; c0 < cols; c0 += block) {
                int c1 = Math.min(cols, c0 + block);
                for (int r = r0; r < r1; r++) {
                    int at = r * cols;
                    for (int c = c0; c < c1; c++) {
                        target[c * rows + r] = source[at + c];
                    }
                }
            }
        }
    }

    /** hidden <- tanh(hidden) (or tanh of hiddenT, transposed), keeping a host copy of H for the backward pass. */
    private void activate() {
        int cells = batch * width;
        if (hiddenT != null) {
            float[] t = hiddenTFloats;
            HostBuffers.read(hiddenT, t);
            FastTanh.inPlace(t, cells);
            transpose(t, width, batch, hiddenFloats);
            HostBuffers.write(hiddenFloats, hidden);
        } else if (floats) {
            HostBuffers.read(hidden, hiddenFloats);
            FastTanh.inPlace(hiddenFloats, cells);
            HostBuffers.write(hiddenFloats, hidden);
        } else {
            HostBuffers.read(hidden, hiddenDoubles);
            for (int i = 0; i < cells; i++) {
                hiddenDoubles[i] = Math.tanh(hiddenDoubles[i]);
            }
            HostBuffers.write(hiddenDoubles, hidden);
        }
    }

    /** target (cols x rows) <- source (rows x cols) transposed, in blocks that stay in the L1 cache. */
    static void transpose(float[] source, int rows, int cols, float[] target) {
        transposeRows(source, 0, rows, rows, cols, target);
    }

    /** gradHidden <- gradHidden * (1 - H^2), with H from the host copy of {@link #activate()}. */
    private void backThroughTanh() {
        int cells = batch * width;
        if (floats) {
            float[] g = gradFloats;
            float[] h = hiddenFloats;
            HostBuffers.read(gradHidden, g);
            for (int i = 0; i < cells; i++) {
                // (1 - h)(1 + h) is more accurate than 1 - h*h when |h| is close to 1.
                g[i] *= (1f - h[i]) * (1f + h[i]);
            }
            HostBuffers.write(g, gradHidden);
        } else {
            double[] g = gradDoubles;
            double[] h = hiddenDoubles;
            HostBuffers.read(gradHidden, g);
            for (int i = 0; i < cells; i++) {
                g[i] *= (1 - h[i]) * (1 + h[i]);
            }
            HostBuffers.write(g, gradHidden);
        }
    }

    private void updateBias(TanhNetwork net, double scale, double momentum) {
        HostBuffers.read(net.velocityB2(), biasVelocityHost);
        int k = TrainingData.CLASSES;
        for (int c = 0; c < k; c++) {
            double grad = 0;
            for (int r = 0; r < batch; r++) {
                grad += gradLogitsHost[r * k + c];
            }
            biasVelocityHost[c] = momentum * biasVelocityHost[c] + scale * grad;
            biasHost[c] += biasVelocityHost[c];
        }
        HostBuffers.write(biasVelocityHost, net.velocityB2());
        HostBuffers.write(biasHost, net.outputBias());
    }
}
