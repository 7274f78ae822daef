package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;

/** Runs whose J^2 follows a given law exactly (or with seeded noise), for checking that fits recover it. */
final class SyntheticRuns {
    private SyntheticRuns() {
    }

    static Hyperparameters settings(double eta, double alpha, int batch) {
        return new Hyperparameters(eta, alpha, batch, 0, 50, 1, 0.5, 0);
    }

    /** J^2(e) = jSquared(e) for epochs 1..epochs; test loss falls until J = 1, then rises. */
    static LawRun run(String name, Hyperparameters hp, int epochs, IntToDoubleFunction jSquared) {
        List<EpochMetrics> list = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double j = Math.sqrt(jSquared.applyAsDouble(e));
            double testLoss = 0.4 + 0.5 * (1 - j) * (1 - j);
            list.add(new EpochMetrics(e, testLoss, 0.8, testLoss, 0.9 - 0.2 * (1 - j) * (1 - j), j, 0, Math.log(j),
                    0, 1, 1000, false));
        }
        return new LawRun(name, hp, 6000, 14, list, false);
    }

    /** The linear law J^2 = J(0)^2 + k r e. */
    static LawRun linear(String name, Hyperparameters hp, double k, int epochs) {
        double j0 = hp.initJ() * hp.initJ();
        return run(name, hp, epochs, e -> j0 + k * hp.scaledRate() * e);
    }

    /** The linear law with Gaussian noise of the given standard deviation on J^2. */
    static LawRun noisy(String name, Hyperparameters hp, double k, int epochs, double noise, long seed) {
        Random random = new Random(seed);
        double[] eps = new double[epochs + 1];
        for (int e = 1; e <= epochs; e++) {
            eps[e] = noise * random.nextGaussian();
        }
        double j0 = hp.initJ() * hp.initJ();
        return run(name, hp, epochs, e -> j0 + k * hp.scaledRate() * e + eps[e]);
    }
}
