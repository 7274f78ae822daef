package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
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
 */
final class SgdStep implements AutoCloseable {
    private final int batch;
    private final INDArray preActivation;
    private final INDArray hidden;
    private final INDArray logits;
    private final INDArray gradLogits;
    private final INDArray gradHidden;
    private final double[] logitsHost;
    private final double[] gradLogitsHost;
    private final double[] biasHost;
    private final double[] biasVelocityHost;

    SgdStep(int batch, int inputSize, DataType dataType) {
        this.batch = batch;
        int classes = TrainingData.CLASSES;
        preActivation = Nd4j.create(dataType, batch, inputSize);
        hidden = Nd4j.create(dataType, batch, inputSize);
        logits = Nd4j.create(dataType, batch, classes);
        gradLogits = Nd4j.create(dataType, batch, classes);
        gradHidden = Nd4j.create(dataType, batch, inputSize);
        logitsHost = new double[batch * classes];
        gradLogitsHost = new double[batch * classes];
        biasHost = new double[classes];
        biasVelocityHost = new double[classes];
    }

    int batchSize() {
        return batch;
    }

    /** Frees the buffers now (about 3 batch x N arrays) instead of whenever a garbage collection runs. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {preActivation, hidden, logits, gradLogits, gradHidden}) {
            if (!a.wasClosed()) {
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
        INDArray w = net.hiddenWeights();
        INDArray w2 = net.outputWeights();

        // Forward: A = X W^T, H = tanh(A), Z = H W2^T (+ b2 on the Java side).
        Gemm.apply(xb, false, w, true, 1.0, 0.0, preActivation);
        Nd4j.exec(new Tanh(preActivation, hidden));
        Gemm.apply(hidden, false, w2, true, 1.0, 0.0, logits);
        HostBuffers.read(logits, logitsHost);
        HostBuffers.read(net.outputBias(), biasHost);
        double[] result = SoftmaxCrossEntropy.evaluate(logitsHost, biasHost, labels, labelOffset, batch,
                gradLogitsHost);
        if (!Double.isFinite(result[0])) {
            return result;
        }

        // Backward. gradLogits = B dL/dZ = softmax - onehot; the 1/B goes into the GEMM scale factors.
        HostBuffers.write(gradLogitsHost, gradLogits);
        double scale = -learningRate / batch;
        // B dL/dH = dZ W2, with W2 before its update.
        Gemm.apply(gradLogits, false, w2, false, 1.0, 0.0, gradHidden);
        // v2 = momentum v2 - eta/B dZ^T H.
        Gemm.apply(gradLogits, true, hidden, false, scale, momentum, net.velocityW2());
        // B dL/dA = B dL/dH * (1 - tanh(A)^2), in place; then v = momentum v - eta/B dA^T X.
        Nd4j.exec(new TanhDerivative(preActivation, gradHidden, gradHidden));
        Gemm.apply(gradHidden, true, xb, false, scale, momentum, net.velocityW());

        var blas = Nd4j.getBlasWrapper().level1();
        if (weightDecay > 0) {
            // Keras L2: the penalty lambda sum(w^2) adds 2 lambda w to each kernel's gradient (not to the bias).
            double decay = -2 * learningRate * weightDecay;
            blas.axpy(w.length(), decay, w, net.velocityW());
            blas.axpy(w2.length(), decay, w2, net.velocityW2());
        }
        blas.axpy(w.length(), 1.0, net.velocityW(), w);
        blas.axpy(w2.length(), 1.0, net.velocityW2(), w2);
        updateBias(net, scale, momentum);
        return result;
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
