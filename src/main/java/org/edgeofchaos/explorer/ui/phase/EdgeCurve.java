package org.edgeofchaos.explorer.ui.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;

/**
 * The mean-field edge of chaos sampled for drawing: flat at 1/J = 1 for |J0/J| <= 1, then densely just beyond
 * |J0/J| = 1, where the curve drops like a square root. Cached per x range (computed while the window starts, for
 * the shipped map).
 */
public final class EdgeCurve {
    private static final Map<String, double[][]> CACHE = new ConcurrentHashMap<>();

    private EdgeCurve() {
    }

    public static double[][] points(double xMin, double xMax) {
        return CACHE.computeIfAbsent(xMin + ":" + xMax, k -> compute(xMin, xMax));
    }

    private static double[][] compute(double xMin, double xMax) {
        List<Double> xs = new ArrayList<>();
        xs.add(xMin);
        // dense near |x| = 1 on both sides (quadratic spacing), coarse elsewhere
        for (int side : new int[] {-1, 1}) {
            for (int k = 0; k <= 150; k++) {
                double t = k / 150.0;
                double x = side * (1 + t * t * 3);
                if (x > xMin && x < xMax) {
                    xs.add(x);
                }
            }
        }
        xs.add(Math.max(xMin, Math.min(xMax, -1.0)));
        xs.add(Math.max(xMin, Math.min(xMax, 1.0)));
        xs.add(xMax);
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).distinct().sorted().toArray();
        double[][] points = new double[sorted.length][];
        double previous = Double.NaN;
        for (int i = 0; i < sorted.length; i++) {
            // neighbours are close: each root's search starts from the last one (a third of the work, see there)
            double y = MeanFieldTheory.criticalInverseJ(sorted[i], previous);
            points[i] = new double[] {sorted[i], y};
            previous = y;
        }
        return points;
    }
}
