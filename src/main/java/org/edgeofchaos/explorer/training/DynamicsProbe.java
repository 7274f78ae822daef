package org.edgeofchaos.explorer.training;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures the hidden map x -> tanh(W x) after an epoch. A separate seam so that training tests can skip the
 * Lyapunov estimate and the command line can tune its cost.
 */
@FunctionalInterface
public interface DynamicsProbe {

    Measurement measure(INDArray hiddenWeights);

    /**
     * @param jacobianNorm ||D*||_F / sqrt(N) on the attractor; NaN if not measured
     * @param lambdaError  standard error of lambdaMax; NaN if not measured
     * @param attractor    "fixed-point", "periodic", "quasi-periodic" or "chaotic"; null if not measured
     * @param period       period of a periodic attractor, else null
     * @param portrait     eigenvalues and return-map series; null if not measured
     */
    record Measurement(double j, double j0, double lambdaMax, double distance, double jacobianNorm,
                       double lambdaError, String attractor, Integer period, DynamicsPortrait portrait) {

        /** Order parameters, lambda_max and distance only. */
        public Measurement(double j, double j0, double lambdaMax, double distance) {
            this(j, j0, lambdaMax, distance, Double.NaN, Double.NaN, null, null, null);
        }
    }
}
