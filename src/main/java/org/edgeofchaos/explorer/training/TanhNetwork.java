package org.edgeofchaos.explorer.training;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The paper's network: N inputs -> N tanh units without bias -> 10 softmax outputs with bias. The hidden matrix
 * is square so that x -> tanh(W x) can be iterated as a dynamical system.
 *
 * <p>Layout: {@code w} is N x N with row i the incoming weights of hidden unit i (so a batch X of rows maps to
 * tanh(X W^T)); {@code w2} is 10 x N; {@code b2} is 1 x 10. The velocities of SGD with momentum live beside the
 * parameters so that a run can be paused and resumed without losing them.
 */
public final class TanhNetwork implements AutoCloseable {
    /** |tanh| above this counts as a saturated unit: its derivative is below 0.002, it barely learns. */
    public static final double SATURATED_ACTIVATION = 0.999;

    private final INDArray w;
    private final INDArray w2;
    private final INDArray b2;
    private final INDArray velocityW;
    private final INDArray velocityW2;
    private final INDArray velocityB2;
    /**
     * True after a step without momentum updated W directly ({@link SgdStep}): the hidden velocity then holds an
     * old value and counts as zero (reset before its next use, saved as zeros in a checkpoint).
     */
    private boolean hiddenVelocityStale;

    TanhNetwork(INDArray w, INDArray w2, INDArray b2) {
        this.w = w;
        this.w2 = w2;
        this.b2 = b2;
        this.velocityW = Nd4j.zeros(w.dataType(), w.shape());
        this.velocityW2 = Nd4j.zeros(w2.dataType(), w2.shape());
        this.velocityB2 = Nd4j.zeros(b2.dataType(), b2.shape());
    }

    /**
     * Hidden weights ~ Normal(J0/N, J/sqrt(N)), output weights Glorot uniform, output bias 0 (science.md section 1).
     * Drawn in Java from the seeded generator, so the same seed gives the same network on every machine.
     */
    public static TanhNetwork initialise(int n, double j, double j0, DataType dataType, SplittableRandom random) {
        double mean = j0 / n;
        double std = j / Math.sqrt(n);
        double[] hidden = new double[n * n];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = mean + std * random.nextGaussian();
        }
        int classes = TrainingData.CLASSES;
        double limit = Math.sqrt(6.0 / (n + classes));
        double[] output = new double[classes * n];
        for (int i = 0; i < output.length; i++) {
            output[i] = random.nextDouble(-limit, limit);
        }
        INDArray w = cast(Nd4j.create(hidden, new long[] {n, n}, 'c'), dataType);
        INDArray w2 = cast(Nd4j.create(output, new long[] {classes, n}, 'c'), dataType);
        INDArray b2 = Nd4j.zeros(dataType, 1, classes);
        return new TanhNetwork(w, w2, b2);
    }

    /** Casts and frees the double original at once rather than when the GC gets to it (4.9 MB at N = 784). */
    private static INDArray cast(INDArray source, DataType dataType) {
        INDArray cast = source.castTo(dataType);
        if (cast != source) {
            source.close();
        }
        return cast;
    }

    /** Parameters and momentum buffers exactly as they are now, as a checkpoint stores them. */
    public NetworkState state() {
        double[] hiddenVelocity = hiddenVelocityStale ? new double[(int) velocityW.length()] : host(velocityW);
        return new NetworkState(inputSize(), w.dataType(), host(w), host(w2), host(b2), hiddenVelocity,
                host(velocityW2), host(velocityB2));
    }

    /** A network with the parameters and momentum buffers of a checkpoint, bit for bit. */
    public static TanhNetwork restore(NetworkState state) {
        int n = state.inputSize();
        int classes = TrainingData.CLASSES;
        TanhNetwork net = new TanhNetwork(device(state.hidden(), state.dataType(), n, n),
                device(state.output(), state.dataType(), classes, n),
                device(state.bias(), state.dataType(), 1, classes));
        HostBuffers.write(state.hiddenVelocity(), net.velocityW);
        HostBuffers.write(state.outputVelocity(), net.velocityW2);
        HostBuffers.write(state.biasVelocity(), net.velocityB2);
        return net;
    }

    private static double[] host(INDArray a) {
        double[] values = new double[(int) a.length()];
        HostBuffers.read(a, values);
        return values;
    }

    private static INDArray device(double[] values, DataType type, int rows, int columns) {
        INDArray a = Nd4j.create(type, rows, columns);
        HostBuffers.write(values, a);
        return a;
    }

    /** Frees the parameters' native memory now; the network must not be used afterwards. */
    @Override
    public void close() {
        for (INDArray a : new INDArray[] {w, w2, b2, velocityW, velocityW2, velocityB2}) {
            if (!a.wasClosed()) {
                a.close();
            }
        }
    }

    /** Wraps existing parameters (copied), e.g. for tests with hand-made weights. */
    public static TanhNetwork of(INDArray w, INDArray w2, INDArray b2) {
        return new TanhNetwork(w.dup('c'), w2.dup('c'), b2.dup('c').reshape(1, b2.length()));
    }

    public int inputSize() {
        return (int) w.columns();
    }

    /** The live hidden matrix (not a copy): read it only on the training thread or after the run. */
    public INDArray hiddenWeights() {
        return w;
    }

    public INDArray outputWeights() {
        return w2;
    }

    public INDArray outputBias() {
        return b2;
    }

    void markHiddenVelocityStale() {
        hiddenVelocityStale = true;
    }

    /** Zeroes the hidden velocity if a step without momentum left it stale; before a step with momentum. */
    void resetHiddenVelocityIfStale() {
        if (hiddenVelocityStale) {
            velocityW.assign(0);
            hiddenVelocityStale = false;
        }
    }

    INDArray velocityW() {
        return velocityW;
    }

    INDArray velocityW2() {
        return velocityW2;
    }

    INDArray velocityB2() {
        return velocityB2;
    }

    /**
     * Mean cross-entropy (without the L2 term), accuracy and hidden saturation on a whole set, evaluated in chunks
     * of rows. The chunk buffers are freed before returning: evaluated every epoch, they would otherwise pile up
     * in native memory until a garbage collection happens to run (the heap barely moves during training).
     */
    public Evaluation evaluate(INDArray x, int[] labels) {
        return evaluate(x, labels, null);
    }

    /**
     * {@link #evaluate(INDArray, int[])} with the chunks shared by a team (null: the calling thread alone): part p
     * takes chunks p, p + size, ..., and the sums are added in chunk order, so the result does not depend on which
     * thread finished first.
     */
    Evaluation evaluate(INDArray x, int[] labels, ComputeTeam team) {
        int rows = (int) x.rows();
        int chunk = Math.min(rows, 2000);
        int chunks = (rows + chunk - 1) / chunk;
        double[] bias = new double[TrainingData.CLASSES];
        HostBuffers.read(b2, bias);
        double[] loss = new double[chunks];
        double[] correct = new double[chunks];
        long[] saturated = new long[chunks];
        int parts = team == null ? 1 : team.size();
        java.util.function.IntConsumer part = p -> {
            double[] logitsHost = new double[chunk * TrainingData.CLASSES];
            for (int c = p; c < chunks; c += parts) {
                int from = c * chunk;
                int to = Math.min(rows, from + chunk);
                try (INDArray hidden = Nd4j.create(x.dataType(), to - from, x.columns());
                        INDArray logits = Nd4j.create(x.dataType(), to - from, TrainingData.CLASSES)) {
                    INDArray xb = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
                    Gemm.apply(xb, false, w, true, 1.0, 0.0, hidden);
                    Transforms.tanh(hidden, false);
                    saturated[c] = HostBuffers.countAbsAbove(hidden, SATURATED_ACTIVATION);
                    Gemm.apply(hidden, false, w2, true, 1.0, 0.0, logits);
                    HostBuffers.read(logits, logitsHost);
                    double[] sums = SoftmaxCrossEntropy.evaluate(logitsHost, bias, labels, from, to - from, null);
                    loss[c] = sums[0];
                    correct[c] = sums[1];
                }
            }
        };
        if (team == null) {
            part.accept(0);
        } else {
            team.run(part);
        }
        double lossSum = 0;
        double correctSum = 0;
        long saturatedSum = 0;
        for (int c = 0; c < chunks; c++) {
            lossSum += loss[c];
            correctSum += correct[c];
            saturatedSum += saturated[c];
        }
        return new Evaluation(lossSum / rows, correctSum / rows, (double) saturatedSum / ((long) rows * x.columns()));
    }

    /** Total loss the optimiser minimises: mean cross-entropy plus lambda times the sum of squared kernel weights. */
    public double regularisedLoss(INDArray x, int[] labels, double weightDecay) {
        double l2 = w.norm2Number().doubleValue();
        double l2Out = w2.norm2Number().doubleValue();
        return evaluate(x, labels).loss() + weightDecay * (l2 * l2 + l2Out * l2Out);
    }

    /**
     * @param saturation fraction of hidden activations (over all rows and units) with |tanh| above
     *                   {@link #SATURATED_ACTIVATION}
     */
    public record Evaluation(double loss, double accuracy, double saturation) {
    }
}
