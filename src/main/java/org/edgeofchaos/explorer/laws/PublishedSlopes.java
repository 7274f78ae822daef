package org.edgeofchaos.explorer.laws;

import java.util.List;
import java.util.Optional;

import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * The authors' growth rates of J^2 per epoch (paper 1, Fig 3, fitted over epochs 0-50 on all 60,000 images at
 * 28x28; science.md section 4), to compare our own fits with.
 */
public final class PublishedSlopes {
    /** One published slope and the settings it was measured at. */
    public record Slope(double lr, double momentum, int batch, double slope) {
        boolean matches(Hyperparameters hp) {
            return close(lr, hp.learningRate()) && close(momentum, hp.momentum()) && batch == hp.batchSize();
        }
    }

    public static final List<Slope> FIG_3 = List.of(
            new Slope(0.005, 0, 32, 1.72e-3),
            new Slope(0.01, 0, 32, 3.42e-3),
            new Slope(0.05, 0, 32, 1.71e-2),
            new Slope(0.01, 0, 8, 1.38e-2),
            new Slope(0.01, 0, 128, 8.56e-4),
            new Slope(0.01, 0.5, 32, 7.01e-3),
            new Slope(0.01, 0.9, 32, 3.50e-2));

    /** The window the authors fitted over. */
    public static final EpochWindow WINDOW = new EpochWindow(0, 50);

    private PublishedSlopes() {
    }

    /** The authors' slope for these settings, if they published one. */
    public static Optional<Slope> of(Hyperparameters hp) {
        return FIG_3.stream().filter(s -> s.matches(hp)).findFirst();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
    }
}
