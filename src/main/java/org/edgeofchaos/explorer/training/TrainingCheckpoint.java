package org.edgeofchaos.explorer.training;

import java.util.Objects;

/**
 * Everything a {@link Trainer} needs to continue after a finished epoch and produce the same numbers as a run that
 * never stopped: the network with its momentum buffers, the hyperparameters then in effect (with a batch-size
 * change still pending for the next epoch), the shuffling generator's seed (each epoch's order is drawn from it
 * and the epoch number) and the counters.
 *
 * @param epoch            finished epochs; training continues with epoch + 1
 * @param samplesSeen      training samples processed so far (the progress records count on from it)
 * @param pendingBatchSize batch size requested during the epoch, applied from the next one; 0 if none
 * @param highLossEpochs   how many epochs in a row ended with a training loss above the loss of guessing
 */
public record TrainingCheckpoint(int epoch, long samplesSeen, Hyperparameters hyperparameters, int pendingBatchSize,
        long shuffleSeed, int highLossEpochs, NetworkState network) {

    public TrainingCheckpoint {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(network, "network");
        if (epoch < 0 || samplesSeen < 0 || pendingBatchSize < 0 || highLossEpochs < 0) {
            throw new IllegalArgumentException("negative counter in checkpoint: epoch " + epoch + ", samples "
                    + samplesSeen + ", pending batch " + pendingBatchSize + ", high-loss epochs " + highLossEpochs);
        }
    }
}
