package org.edgeofchaos.explorer.training;

/**
 * A lightweight progress sample published every few mini-batches: enough for a live loss curve, a progress bar
 * and an ETA, cheap enough to publish often.
 *
 * @param epoch          1-based epoch in progress
 * @param batch          mini-batches finished in this epoch
 * @param batchesInEpoch mini-batches per epoch at the current batch size
 * @param samplesSeen    training samples processed since the run started
 * @param runningLoss    mean training loss over the mini-batches since the previous sample
 * @param runningAccuracy mean training accuracy over the same mini-batches
 * @param samplesPerSecond training throughput in this epoch so far
 */
public record BatchProgress(
        int epoch,
        int batch,
        int batchesInEpoch,
        long samplesSeen,
        double runningLoss,
        double runningAccuracy,
        double samplesPerSecond) {

    /** Fractional epoch position, the x coordinate of a live loss sample. */
    public double epochPosition() {
        return (epoch - 1) + (double) batch / batchesInEpoch;
    }
}
