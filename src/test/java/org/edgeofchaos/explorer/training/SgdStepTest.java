package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class SgdStepTest {
    private static final int N = 6;
    private static final int ROWS = 8;

    private static TanhNetwork tinyNetwork(long seed) {
        TanhNetwork net = TanhNetwork.initialise(N, 1.3, 0.4, DataType.DOUBLE, new SplittableRandom(seed));
        // A non-zero bias so that its gradient is exercised away from the symmetric point.
        net.outputBias().assign(Nd4j.linspace(-0.3, 0.3, TrainingData.CLASSES, DataType.DOUBLE).reshape(1, 10));
        return net;
    }

    /** One step with momentum 0 from zero velocity moves w by -eta * gradient: compare with finite differences. */
    @Test
    void backwardPassMatchesCentralFiniteDifferences() {
        TrainingData data = SyntheticData.teacher(ROWS, 4, N, 3, DataType.DOUBLE);
        double lambda = 0.01;
        double eta = 0.5;
        TanhNetwork net = tinyNetwork(11);
        INDArray[] before = {net.hiddenWeights().dup(), net.outputWeights().dup(), net.outputBias().dup()};

        new SgdStep(ROWS, N, DataType.DOUBLE).apply(net, data.trainX(), data.trainLabels(), 0, eta, 0.0, lambda);
        INDArray[] after = {net.hiddenWeights(), net.outputWeights(), net.outputBias()};

        double eps = 1e-6;
        double worst = 0;
        for (int p = 0; p < 3; p++) {
            INDArray analytic = before[p].sub(after[p]).divi(eta);
            for (long k = 0; k < before[p].length(); k++) {
                TanhNetwork plus = perturbed(before, p, k, eps);
                TanhNetwork minus = perturbed(before, p, k, -eps);
                // The bias carries no L2 penalty (Keras kernel regulariser); the kernels do.
                double l = p == 2 ? 0 : lambda;
                double numeric = (plus.regularisedLoss(data.trainX(), data.trainLabels(), l)
                        - minus.regularisedLoss(data.trainX(), data.trainLabels(), l)) / (2 * eps);
                double a = analytic.getDouble(k);
                double relative = Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
                worst = Math.max(worst, Math.min(relative, Math.abs(a - numeric)));
            }
        }
        assertTrue(worst < 1e-6, "worst gradient mismatch " + worst);
    }

    private static TanhNetwork perturbed(INDArray[] params, int which, long index, double delta) {
        INDArray[] copy = {params[0].dup(), params[1].dup(), params[2].dup()};
        copy[which].putScalar(index, copy[which].getDouble(index) + delta);
        return TanhNetwork.of(copy[0], copy[1], copy[2]);
    }

    /** Three steps with momentum and weight decay against the textbook update written out with plain ops. */
    @Test
    void momentumAndWeightDecayFollowTheKerasConvention() {
        checkAgainstTextbook(new double[] {0.7, 0.7, 0.7}, 0.02);
    }

    /**
     * Steps without momentum update W directly (one GEMM, no velocity pass); when momentum is switched on later the
     * hidden velocity starts from zero, as PyTorch's momentum buffer does. The output layer keeps its velocity.
     */
    @Test
    void stepsWithoutMomentumAndASwitchToMomentumFollowTheTextbook() {
        checkAgainstTextbook(new double[] {0, 0, 0.7, 0.7, 0, 0.5}, 0.02);
        checkAgainstTextbook(new double[] {0, 0, 0}, 0.0);
    }

    /** After a step without momentum a checkpoint holds a zero hidden velocity, so a resumed run continues alike. */
    @Test
    void checkpointAfterStepsWithoutMomentumResumesIdentically() {
        TrainingData data = SyntheticData.teacher(ROWS, 4, N, 5, DataType.DOUBLE);
        TanhNetwork live = tinyNetwork(3);
        SgdStep step = new SgdStep(ROWS, N, DataType.DOUBLE);
        step.apply(live, data.trainX(), data.trainLabels(), 0, 0.1, 0.7, 0.01);
        step.apply(live, data.trainX(), data.trainLabels(), 0, 0.1, 0.0, 0.01);
        NetworkState state = live.state();
        assertEquals(0, java.util.Arrays.stream(state.hiddenVelocity()).map(Math::abs).sum());
        TanhNetwork resumed = TanhNetwork.restore(state);
        step.apply(live, data.trainX(), data.trainLabels(), 0, 0.1, 0.7, 0.01);
        step.apply(resumed, data.trainX(), data.trainLabels(), 0, 0.1, 0.7, 0.01);
        assertEquals(0, live.hiddenWeights().sub(resumed.hiddenWeights()).norm2Number().doubleValue(), 1e-15);
        assertEquals(0, live.outputWeights().sub(resumed.outputWeights()).norm2Number().doubleValue(), 1e-15);
    }

    private void checkAgainstTextbook(double[] momenta, double lambda) {
        TrainingData data = SyntheticData.teacher(ROWS, 4, N, 5, DataType.DOUBLE);
        double eta = 0.1;
        TanhNetwork net = tinyNetwork(2);
        INDArray w = net.hiddenWeights().dup();
        INDArray w2 = net.outputWeights().dup();
        INDArray b2 = net.outputBias().dup();
        INDArray v = Nd4j.zeros(DataType.DOUBLE, N, N);
        INDArray v2 = Nd4j.zeros(DataType.DOUBLE, 10, N);
        INDArray vb = Nd4j.zeros(DataType.DOUBLE, 1, 10);
        SgdStep step = new SgdStep(ROWS, N, DataType.DOUBLE);
        INDArray x = data.trainX();
        INDArray y = Nd4j.zeros(DataType.DOUBLE, ROWS, TrainingData.CLASSES);
        for (int r = 0; r < ROWS; r++) {
            y.putScalar(r, data.trainLabels()[r], 1.0);
        }
        double previous = Double.NaN;
        for (double alpha : momenta) {
            step.apply(net, x, data.trainLabels(), 0, eta, alpha, lambda);
            // Reference: plain forward and backward.
            INDArray h = Transforms.tanh(x.mmul(w.transpose()), true);
            INDArray z = h.mmul(w2.transpose()).addRowVector(b2);
            INDArray p = Transforms.softmax(z, true);
            INDArray dz = p.sub(y).divi(ROWS);
            INDArray gw2 = dz.transpose().mmul(h).addi(w2.mul(2 * lambda));
            INDArray gb = dz.sum(true, 0);
            INDArray dh = dz.mmul(w2).muli(h.mul(h).rsubi(1));
            INDArray gw = dh.transpose().mmul(x).addi(w.mul(2 * lambda));
            if (alpha > 0 && previous == 0) {
                v = Nd4j.zeros(DataType.DOUBLE, N, N); // the hidden velocity starts afresh
            }
            v = v.mul(alpha).subi(gw.mul(eta));
            v2 = v2.mul(alpha).subi(gw2.mul(eta));
            vb = vb.mul(alpha).subi(gb.mul(eta));
            w = w.add(v);
            w2 = w2.add(v2);
            b2 = b2.add(vb);
            previous = alpha;
        }
        assertEquals(0, net.hiddenWeights().sub(w).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, net.outputWeights().sub(w2).norm2Number().doubleValue(), 1e-12);
        assertEquals(0, net.outputBias().sub(b2).norm2Number().doubleValue(), 1e-12);
    }

    @Test
    void reportsBatchLossAndCorrectCountOfTheForwardPass() {
        TrainingData data = SyntheticData.teacher(ROWS, 4, N, 9, DataType.DOUBLE);
        TanhNetwork net = tinyNetwork(4);
        TanhNetwork.Evaluation expected = net.evaluate(data.trainX(), data.trainLabels());
        double[] result = new SgdStep(ROWS, N, DataType.DOUBLE).apply(net, data.trainX(), data.trainLabels(), 0,
                0.1, 0.5, 0.0);
        assertEquals(expected.loss() * ROWS, result[0], 1e-10);
        assertEquals(expected.accuracy() * ROWS, result[1], 1e-10);
    }

    /**
     * The float path (Java tanh approximation, derivative from the stored activations, bulk host copies) follows
     * the double path (Math.tanh) to float precision over several steps with momentum and weight decay.
     */
    @Test
    void floatStepsFollowTheDoubleStepsToFloatTolerance() {
        floatStepsFollowTheDoubleSteps(false);
    }

    /** The same with the forward product made as H^T = W X^T and turned by the tanh pass (N = 40: uneven blocks). */
    @Test
    void floatStepsWithTheTransposedForwardProductFollowTheDoubleSteps() {
        floatStepsFollowTheDoubleSteps(true);
    }

    private void floatStepsFollowTheDoubleSteps(boolean transposedForward) {
        int n = 40;
        int rows = 16;
        TrainingData data = SyntheticData.teacher(rows, 4, n, 7, DataType.DOUBLE);
        TanhNetwork reference = TanhNetwork.initialise(n, 1.5, 0.3, DataType.DOUBLE, new SplittableRandom(5));
        TanhNetwork single = floatCopy(reference);
        INDArray xFloat = data.trainX().castTo(DataType.FLOAT);
        SgdStep doubleStep = new SgdStep(rows, n, DataType.DOUBLE);
        SgdStep floatStep = new SgdStep(rows, n, DataType.FLOAT, Integer.MAX_VALUE, transposedForward);
        for (int s = 0; s < 5; s++) {
            double[] d = doubleStep.apply(reference, data.trainX(), data.trainLabels(), 0, 0.2, 0.8, 0.01);
            double[] f = floatStep.apply(single, xFloat, data.trainLabels(), 0, 0.2, 0.8, 0.01);
            assertEquals(d[0], f[0], 1e-5 * rows, "loss at step " + s);
            assertEquals(d[1], f[1], "correct predictions at step " + s);
        }
        // The weights moved (the comparison is not of two untouched networks) and agree to float precision.
        assertTrue(reference.hiddenWeights().sub(TanhNetwork.initialise(n, 1.5, 0.3, DataType.DOUBLE,
                new SplittableRandom(5)).hiddenWeights()).norm2Number().doubleValue() > 1e-2);
        assertMaxDifference(reference.hiddenWeights(), single.hiddenWeights(), 1e-5);
        assertMaxDifference(reference.outputWeights(), single.outputWeights(), 1e-5);
        assertMaxDifference(reference.outputBias(), single.outputBias(), 1e-5);
    }

    /**
     * A step shared by a team (each thread its rows of W, a one-thread BLAS) follows the double steps to float
     * precision and the same float step on one thread to float rounding (the products are cut differently), with
     * and without momentum, for a team of 2 and of 3 (uneven ranges: 13 + 13 + 14 hidden units), and for a team of
     * 5 on 3 hidden units (some parts get none).
     */
    @Test
    void stepsSharedByATeamFollowTheStepsOnOneThread() {
        for (int[] sizeAndWidth : new int[][] {{2, 40}, {3, 40}, {5, 3}}) {
            int size = sizeAndWidth[0];
            int n = sizeAndWidth[1];
            int rows = 16;
            TrainingData data = SyntheticData.teacher(rows, 4, n, 7, DataType.DOUBLE);
            TanhNetwork reference = TanhNetwork.initialise(n, 1.5, 0.3, DataType.DOUBLE, new SplittableRandom(5));
            TanhNetwork alone = floatCopy(reference);
            TanhNetwork shared = floatCopy(reference);
            INDArray xFloat = data.trainX().castTo(DataType.FLOAT);
            try (ComputeTeam team = new ComputeTeam(size);
                    SgdStep doubleStep = new SgdStep(rows, n, DataType.DOUBLE);
                    SgdStep aloneStep = new SgdStep(rows, n, DataType.FLOAT, Integer.MAX_VALUE, true);
                    SgdStep sharedStep = new SgdStep(rows, n, DataType.FLOAT, team, 0)) {
                assertTrue(sharedStep.shared());
                for (int s = 0; s < 6; s++) {
                    double momentum = s < 2 ? 0.0 : 0.8;
                    double[] d = doubleStep.apply(reference, data.trainX(), data.trainLabels(), 0, 0.2, momentum, 0.01);
                    double[] a = aloneStep.apply(alone, xFloat, data.trainLabels(), 0, 0.2, momentum, 0.01);
                    double[] t = sharedStep.apply(shared, xFloat, data.trainLabels(), 0, 0.2, momentum, 0.01);
                    assertEquals(d[0], t[0], 1e-5 * rows, "team of " + size + ": loss at step " + s);
                    assertEquals(a[0], t[0], 1e-6 * rows, "team of " + size + ": loss at step " + s);
                    assertEquals(d[1], t[1], "team of " + size + ": correct predictions at step " + s);
                }
            }
            assertTrue(reference.hiddenWeights().sub(TanhNetwork.initialise(n, 1.5, 0.3, DataType.DOUBLE,
                    new SplittableRandom(5)).hiddenWeights()).norm2Number().doubleValue() > 1e-2, "the weights moved");
            assertMaxDifference(reference.hiddenWeights(), shared.hiddenWeights(), 1e-5);
            assertMaxDifference(reference.outputWeights(), shared.outputWeights(), 1e-5);
            assertMaxDifference(reference.outputBias(), shared.outputBias(), 1e-5);
            assertMaxDifference(alone.hiddenWeights().castTo(DataType.DOUBLE), shared.hiddenWeights(), 1e-6);
            assertMaxDifference(alone.velocityW().castTo(DataType.DOUBLE), shared.velocityW(), 1e-6);
        }
    }

    /** Small steps stay on one thread (handing parts over would cost more); big ones, and only float ones, share. */
    @Test
    void onlyStepsWithEnoughWorkAreShared() {
        try (ComputeTeam team = new ComputeTeam(2); ComputeTeam alone = new ComputeTeam(1)) {
            assertFalse(shared(16, 196, DataType.FLOAT, team));
            assertTrue(shared(128, 196, DataType.FLOAT, team));
            assertTrue(shared(16, 784, DataType.FLOAT, team));
            assertFalse(shared(16, 784, DataType.DOUBLE, team));
            assertFalse(shared(128, 784, DataType.FLOAT, alone));
        }
    }

    private static boolean shared(int batch, int n, DataType type, ComputeTeam team) {
        try (SgdStep step = new SgdStep(batch, n, type, team)) {
            return step.shared();
        }
    }

    /** The blocked transpose, of all rows and of a range of rows (which fills their columns only). */
    @Test
    void transposeInBlocksMatchesTheDefinition() {
        int rows = 37;
        int cols = 21;
        float[] source = new float[rows * cols];
        for (int i = 0; i < source.length; i++) {
            source[i] = i * 0.5f - 3;
        }
        float[] whole = new float[source.length];
        SgdStep.transpose(source, rows, cols, whole);
        float[] range = new float[source.length];
        java.util.Arrays.fill(range, Float.NaN);
        SgdStep.transposeRows(source, 5, 30, rows, cols, range);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertEquals(source[r * cols + c], whole[c * rows + r]);
                if (r >= 5 && r < 30) {
                    assertEquals(source[r * cols + c], range[c * rows + r]);
                } else {
                    assertTrue(Float.isNaN(range[c * rows + r]), "row " + r + " left alone");
                }
            }
        }
    }

    /**
     * With several BLAS threads the three 10-wide products are made in row ranges (one thread each): the steps are
     * the same as in one piece, up to the order of the sums, with and without momentum and in an uneven last range.
     */
    @Test
    void thinProductsInRowRangesGiveTheSameSteps() {
        int n = 30;
        int rows = 23;
        TrainingData data = SyntheticData.teacher(rows, 4, n, 9, DataType.DOUBLE);
        TanhNetwork whole = TanhNetwork.initialise(n, 1.4, 0.2, DataType.DOUBLE, new SplittableRandom(3));
        TanhNetwork ranged = TanhNetwork.of(whole.hiddenWeights().dup(), whole.outputWeights().dup(),
                whole.outputBias().dup());
        SgdStep one = new SgdStep(rows, n, DataType.DOUBLE, Integer.MAX_VALUE, false);
        SgdStep inRanges = new SgdStep(rows, n, DataType.DOUBLE, 5, false); // 5 + 5 + 5 + 5 + 3 rows
        for (int s = 0; s < 6; s++) {
            double momentum = s < 3 ? 0.0 : 0.9;
            double[] a = one.apply(whole, data.trainX(), data.trainLabels(), 0, 0.3, momentum, 0.01);
            double[] b = inRanges.apply(ranged, data.trainX(), data.trainLabels(), 0, 0.3, momentum, 0.01);
            assertEquals(a[0], b[0], 1e-12, "loss at step " + s);
            assertEquals(a[1], b[1], "correct predictions at step " + s);
        }
        assertTrue(whole.outputWeights().sub(TanhNetwork.initialise(n, 1.4, 0.2, DataType.DOUBLE,
                new SplittableRandom(3)).outputWeights()).norm2Number().doubleValue() > 1e-2, "the weights moved");
        assertMaxDifference(whole.hiddenWeights(), ranged.hiddenWeights(), 1e-12);
        assertMaxDifference(whole.outputWeights(), ranged.outputWeights(), 1e-12);
        assertMaxDifference(whole.outputBias(), ranged.outputBias(), 1e-12);
        one.close();
        inRanges.close();
    }

    private static TanhNetwork floatCopy(TanhNetwork net) {
        return TanhNetwork.of(net.hiddenWeights().castTo(DataType.FLOAT), net.outputWeights().castTo(DataType.FLOAT),
                net.outputBias().castTo(DataType.FLOAT));
    }

    private static void assertMaxDifference(INDArray expected, INDArray actual, double tolerance) {
        double worst = expected.sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
        assertTrue(worst < tolerance, "max |difference| " + worst);
    }
}
