package org.edgeofchaos.explorer.ui.charts;

/**
 * Reduces a long series to about two points per pixel column: per bucket of x it keeps the minimum and the
 * maximum (in x order), so spikes survive, and the last point is always kept.
 */
public final class Decimator {
    private Decimator() {
    }

    /** Returns {x[], y[]}; the input unchanged when it already fits. x must be ascending. */
    public static double[][] minMax(double[] x, double[] y, int buckets) {
        int n = x.length;
        if (buckets < 1 || n <= 2L * buckets) {
            return new double[][] {x, y};
        }
        double x0 = x[0];
        double span = x[n - 1] - x0;
        double[] ox = new double[2 * buckets + 2];
        double[] oy = new double[2 * buckets + 2];
        int out = 0;
        int i = 0;
        for (int b = 0; b < buckets && i < n; b++) {
            double end = b == buckets - 1 ? Double.POSITIVE_INFINITY : x0 + span * (b + 1) / buckets;
            int min = -1;
            int max = -1;
            while (i < n && x[i] <= end) {
                if (min < 0 || y[i] < y[min]) {
                    min = i;
                }
                if (max < 0 || y[i] > y[max]) {
                    max = i;
                }
                i++;
            }
            if (min < 0) {
                continue;
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            ox[out] = x[first];
            oy[out++] = y[first];
            if (second != first) {
                ox[out] = x[second];
                oy[out++] = y[second];
            }
        }
        if (out == 0 || ox[out - 1] != x[n - 1]) {
            ox[out] = x[n - 1];
            oy[out++] = y[n - 1];
        }
        return new double[][] {java.util.Arrays.copyOf(ox, out), java.util.Arrays.copyOf(oy, out)};
    }
}
