package org.edgeofchaos.explorer.laws;

/**
 * One set of hyperparameters the guideline proposes for an epoch budget. The field names are the JSON contract
 * of {@code guide --json}.
 *
 * @param weightDecay          lambda* = k / (4 S), switched on from {@code weightDecayFromEpoch} to hold J near 1
 * @param weightDecayFromEpoch the first epoch trained with weight decay (the one after the predicted edge)
 * @param predictedEdgeEpoch   (1 - J(0)^2) (1 - alpha) B / (k eta) for exactly these values
 * @param kWindow              the window k was measured over
 * @param explanation          one sentence for the user
 */
public record Proposal(double lr, double momentum, int batch, double weightDecay, int weightDecayFromEpoch,
        double predictedEdgeEpoch, double k, double kError, String kWindow, String explanation) {

    public double scaledRate() {
        return lr / ((1 - momentum) * batch);
    }
}
