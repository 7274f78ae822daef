package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures the hidden map x -> tanh(W x) after an epoch. A separate seam so that training tests can skip the
 * Lyapunov estimate and the command line can tune its cost.
 */
@FunctionalInterface
public interface DynamicsProbe {

    Measurement measure(INDArray hiddenWeights);

    record Measurement(double j, double j0, double lambdaMax, double distance) {
    }
}
