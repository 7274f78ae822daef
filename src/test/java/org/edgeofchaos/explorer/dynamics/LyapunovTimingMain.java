package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Timing harness (not a test): N = 784, transient 200 + 1000 steps, distance over 500 steps, comparing the
 * plain-Java product with one Nd4j.gemm per step. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.edgeofchaos.explorer.dynamics.LyapunovTimingMain}.
 */
public final class LyapunovTimingMain {

    private LyapunovTimingMain() {
    }

    public static void main(String[] args) {
        int n = 784;
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        INDArray w0 = RandomNetworks.gaussian(n, 1.0, 0, 7);
        double[] copy = time(repeats, () -> TanhMap.of(w0));
        System.out.printf("copy + transpose of W (part of every estimate): median %.2f ms%n", copy[0]);
        for (double j : new double[] {0.5, 1.5}) {
            INDArray w = RandomNetworks.gaussian(n, j, 0, 7);
            for (int states : new int[] {1, 2}) {
                LyapunovEstimator estimator = new LyapunovEstimator(
                        LyapunovEstimator.Settings.defaults().withInitialStates(states));
                double[] java = time(repeats, () -> estimator.estimate(w));
                TanhMap map = TanhMap.of(w);
                Nd4jGemmProduct gemm = new Nd4jGemmProduct(w);
                double[] nd4j = time(Math.max(2, repeats / 3), () -> estimator.estimate(map, gemm));
                LyapunovResult a = estimator.estimate(w);
                LyapunovResult b = estimator.estimate(map, gemm);
                System.out.printf("J=%.1f states=%d  java: median %.1f ms (min %.1f)  nd4j gemm: median %.1f ms "
                                + "(min %.1f)  lambda java %.4f gemm %.4f  distance java %.4g gemm %.4g%n",
                        j, states, java[0], java[1], nd4j[0], nd4j[1], a.lambdaMax(), b.lambdaMax(),
                        a.distance(), b.distance());
            }
        }
    }

    /** {median, min} in ms after two warm-up runs. */
    private static double[] time(int repeats, Runnable run) {
        run.run();
        run.run();
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            run.run();
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[repeats / 2], ms[0]};
    }
}
