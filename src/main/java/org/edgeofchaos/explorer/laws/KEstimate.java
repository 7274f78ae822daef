package org.edgeofchaos.explorer.laws;

/**
 * A value of k for one resolution and training-set size, with its uncertainty and where it comes from; never a
 * bare number.
 *
 * @param kError  the scatter of single runs about the fitted k (one standard deviation); NaN if unknown
 * @param window  the epoch window it describes, e.g. "chord from epoch 0 to the edge, edges at epochs 7-17"
 * @param source  e.g. "shipped: 8 runs at 14x14, 6,000 images" or "refitted from 12 loaded runs"
 */
public record KEstimate(double k, double kError, int resolution, int trainSize, String window, String source) {

    /** lambda* = k / (4 S): the weight decay whose shrinking of J^2 balances its growth at J = 1. */
    public double criticalWeightDecay() {
        return k / (4.0 * trainSize);
    }

    public double criticalWeightDecayError() {
        return kError / (4.0 * trainSize);
    }

    /** Predicted epochs from J(0) to J = 1 at the scaled rate eta / ((1 - alpha) B), without weight decay. */
    public double epochsToEdge(double initJ, double scaledRate) {
        return (1 - initJ * initJ) / (k * scaledRate);
    }
}
