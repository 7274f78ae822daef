package org.edgeofchaos.explorer.training;

/**
 * A hyperparameter changed during a run, recorded where it took effect: learning rate, momentum and weight decay
 * from the next mini-batch, batch size from the next epoch.
 *
 * @param epoch 1-based epoch in which the new value first applied
 * @param batch mini-batches of that epoch already done with the old value
 * @param name  the option name, e.g. {@code learningRate}
 */
public record HyperparameterChange(int epoch, int batch, String name, double oldValue, double newValue) {

    /** Fractional epoch position of the change, for chart markers. */
    public double epochPosition(int batchesInEpoch) {
        return (epoch - 1) + (batchesInEpoch > 0 ? (double) batch / batchesInEpoch : 0);
    }
}
