package org.edgeofchaos.explorer.training;

/**
 * What one finished epoch measured; immutable, so it can be handed from the training thread to any other.
 * The field names are the JSON contract of {@code train --json}: do not rename them.
 *
 * <p>{@code trainLoss} and {@code trainAccuracy} are means over the epoch's mini-batches (as Keras reports them);
 * the test values are computed on the whole test set after the epoch. {@code j}, {@code j0}, {@code lambdaMax}
 * and {@code distance} describe the hidden map x -> tanh(W x) at the end of the epoch. {@code seconds} and
 * {@code samplesPerSecond} count training only, not the evaluation. For a diverged epoch the values that could
 * not be computed are NaN.
 *
 * <p>{@code saturation} is the fraction of hidden activations on the test set with |tanh| above
 * {@link TanhNetwork#SATURATED_ACTIVATION}: above {@link #SATURATED} the network is frozen in saturation and
 * lambda_max only reports the estimator's floor, so it should be shown as "saturated" rather than as a number.
 * {@code diverging} warns (it does not stop the run) that the training loss has stayed above the loss of guessing,
 * ln 10, for {@link #DIVERGING_EPOCHS} epochs in a row.
 *
 * <p>The attractor of the hidden map (added later, hence last): {@code jacobianNorm} = ||D*||_F / sqrt(N) on the
 * attractor (paper 2's order parameter, edge at 1), {@code lambdaError} the standard error of lambda_max,
 * {@code attractor} one of "fixed-point", "periodic", "quasi-periodic", "chaotic" and {@code period} the period of
 * a periodic one; {@code portrait} the eigenvalues and return-map series for the spectrum view (left out of
 * {@code train --json} lines). In run files written before these existed {@code attractor} is null: not measured.
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        double j,
        double j0,
        double lambdaMax,
        double distance,
        double seconds,
        double samplesPerSecond,
        boolean diverged,
        double saturation,
        boolean diverging,
        double jacobianNorm,
        double lambdaError,
        String attractor,
        Integer period,
        DynamicsPortrait portrait) {

    /** Saturation fraction above which lambda_max is meaningless (the tangent vector dies every step). */
    public static final double SATURATED = 0.99;
    /** Mean cross-entropy of a uniform guess over the 10 classes. */
    public static final double LOSS_OF_GUESSING = Math.log(TrainingData.CLASSES);
    /** Epochs in a row above {@link #LOSS_OF_GUESSING} before a run is flagged as diverging. */
    public static final int DIVERGING_EPOCHS = 3;

    /** The fields before saturation and the diverging flag existed (older run files read as not saturated). */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            double j, double j0, double lambdaMax, double distance, double seconds, double samplesPerSecond,
            boolean diverged) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, j, j0, lambdaMax, distance, seconds,
                samplesPerSecond, diverged, Double.NaN, false);
    }

    /** Without the attractor measurements (diverged, or measured by a probe that does not look at them). */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            double j, double j0, double lambdaMax, double distance, double seconds, double samplesPerSecond,
            boolean diverged, double saturation, boolean diverging) {
        this(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, j, j0, lambdaMax, distance, seconds,
                samplesPerSecond, diverged, saturation, diverging, Double.NaN, Double.NaN, null, null, null);
    }

    /** True when lambda_max should be shown as "saturated" instead of its value. */
    public boolean saturated() {
        return saturation > SATURATED;
    }
}
