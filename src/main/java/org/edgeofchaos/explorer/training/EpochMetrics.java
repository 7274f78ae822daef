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
        boolean diverged) {
}
