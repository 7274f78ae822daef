package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Chaos measures of the map x -> tanh(W x) for one weight matrix.
 *
 * @param lambdaMax         maximal Lyapunov exponent per step (natural log), mean over the initial states
 * @param distance          the paper's "asymptotic distance": mean of ||x_t - x'_t|| over the last 20 % of
 *                          the distance run, for two trajectories started 1e-4 (per component) apart
 * @param jacobianNormProxy ln(||D||_F / sqrt(N)) on the attractor, D = diag(1 - x^2) W, from the mean of
 *                          ||D_t||_F^2 / N over the measured steps of all initial states (paper 2's proxy;
 *                          mean-field theory predicts it equals lambdaMax for random W with J0 = 0)
 * @param lambdaPerState    lambda estimate of each initial state (copy)
 * @param lambdaSpread      sample standard deviation of {@code lambdaPerState}; 0 for a single state
 */
public record LyapunovResult(double lambdaMax, double distance, double jacobianNormProxy,
                             double[] lambdaPerState, double lambdaSpread) {

    public LyapunovResult {
        lambdaPerState = lambdaPerState.clone();
    }

    @Override
    public double[] lambdaPerState() {
        return lambdaPerState.clone();
    }

    // Records compare arrays by reference; results are values, so compare contents.
    @Override
    public boolean equals(Object o) {
        return o instanceof LyapunovResult r
                && Double.compare(lambdaMax, r.lambdaMax) == 0
                && Double.compare(distance, r.distance) == 0
                && Double.compare(jacobianNormProxy, r.jacobianNormProxy) == 0
                && Arrays.equals(lambdaPerState, r.lambdaPerState)
                && Double.compare(lambdaSpread, r.lambdaSpread) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lambdaMax, distance, jacobianNormProxy, Arrays.hashCode(lambdaPerState), lambdaSpread);
    }

    @Override
    public String toString() {
        return "LyapunovResult[lambdaMax=" + lambdaMax + ", distance=" + distance + ", jacobianNormProxy="
                + jacobianNormProxy + ", lambdaPerState=" + Arrays.toString(lambdaPerState) + ", lambdaSpread="
                + lambdaSpread + "]";
    }
}
