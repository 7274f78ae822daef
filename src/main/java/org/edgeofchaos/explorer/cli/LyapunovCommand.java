package org.edgeofchaos.explorer.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgeofchaos.explorer.dynamics.AttractorAnalyzer;
import org.edgeofchaos.explorer.dynamics.AttractorReport;
import org.edgeofchaos.explorer.dynamics.LogisticMap;
import org.edgeofchaos.explorer.dynamics.LyapunovEstimator;
import org.edgeofchaos.explorer.dynamics.LyapunovResult;
import org.edgeofchaos.explorer.dynamics.LyapunovSpectrum;
import org.edgeofchaos.explorer.dynamics.MeanFieldTheory;
import org.edgeofchaos.explorer.dynamics.RandomNetworks;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.training.InvalidSettingException;

import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lyapunov", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Maximal Lyapunov exponent of x -> tanh(W x) for a random network W_ij ~ N(J0/N, J^2/N),",
            "with the paper's asymptotic distance, the mean-field value, the asymptotic Jacobian norm and the",
            "attractor's kind (fixed-point, periodic with its period, quasi-periodic, chaotic); or of the logistic map."})
final class LyapunovCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--j", paramLabel = "J", required = true, description = "Coupling strength J > 0 of the random network.")
        Double j;

        @Option(names = "--logistic", paramLabel = "R", required = true, description = "Logistic map x -> r x (1 - x) with r in (0, 4].")
        Double r;
    }

    @Option(names = "--j0", description = "Mean coupling J0 (default: ${DEFAULT-VALUE}).")
    double j0 = 0;

    @Option(names = "--n", description = "Network size N >= 2 (default: ${DEFAULT-VALUE}).")
    int n = 400;

    @Option(names = "--steps", description = "Steps averaged after the transient, >= 1 (default: ${DEFAULT-VALUE}).")
    int steps = 3000;

    @Option(names = "--transient", description = "Steps discarded first, >= 0 (default: ${DEFAULT-VALUE}).")
    int transientSteps = 1000;

    @Option(names = "--seed", description = "Seed of the network and initial states (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--exponents", paramLabel = "K",
            description = "Also the K largest Lyapunov exponents (QR method) and the Kaplan-Yorke dimension, 1..N.")
    Integer exponents;

    @Option(names = "--spectra", description = "Also the spectral radii of W and of the Jacobian D* at the attractor (LAPACK, about 10 N^3 flops each).")
    boolean spectra;

    @Option(names = "--json", description = "One JSON object on stdout.")
    boolean json;

    /** The attractor analysis needs its batches and two maximal periods of history. */
    private static final int MIN_ORBIT_STEPS = 200;

    @Override
    public Integer call() throws Exception {
        if (steps < 1) {
            throw new InvalidSettingException("--steps", "must be >= 1, got " + steps);
        }
        if (transientSteps < 0) {
            throw new InvalidSettingException("--transient", "must be >= 0, got " + transientSteps);
        }
        Map<String, Object> result = target.r != null ? logistic(target.r) : network(target.j);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(RunFiles.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } else {
            result.forEach((k, v) -> out.printf(Locale.ROOT, "%-25s %s%n", k, v == null ? "n/a"
                    : v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d)
                    : v instanceof double[] a ? java.util.Arrays.stream(a)
                            .mapToObj(x -> String.format(Locale.ROOT, "%.6f", x))
                            .collect(java.util.stream.Collectors.joining(" ")) : v));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> logistic(double r) {
        if (!(r > 0 && r <= 4)) {
            throw new InvalidSettingException("--logistic", "r must be in (0, 4], got " + r);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("r", r);
        result.put("lambdaMax", LogisticMap.lyapunov(r, transientSteps, steps, 0.1234567));
        if (steps >= MIN_ORBIT_STEPS) {
            LogisticMap.Orbit orbit = LogisticMap.orbit(r, transientSteps, steps);
            result.put("lambdaError", orbit.lambdaError());
            result.put("attractor", orbit.attractor().kind().label());
            result.put("period", orbit.attractor().period());
            result.put("states", orbit.states());
        }
        return result;
    }

    private Map<String, Object> network(double j) {
        if (!(j > 0) || Double.isInfinite(j)) {
            throw new InvalidSettingException("--j", "must be a finite number > 0, got " + j);
        }
        if (!Double.isFinite(j0)) {
            throw new InvalidSettingException("--j0", "must be a finite number, got " + j0);
        }
        if (n < 2 || n > 20000) {
            throw new InvalidSettingException("--n", "must be in 2..20000, got " + n);
        }
        if (exponents != null && (exponents < 1 || exponents > n)) {
            throw new InvalidSettingException("--exponents", "must be in 1.." + n + " (N), got " + exponents);
        }
        if (steps < MIN_ORBIT_STEPS) {
            throw new InvalidSettingException("--steps", "the attractor analysis needs >= " + MIN_ORBIT_STEPS
                    + " steps, got " + steps);
        }
        LyapunovEstimator.Settings settings = new LyapunovEstimator.Settings(transientSteps, steps, 1, seed,
                500, 1e-4);
        org.nd4j.linalg.api.ndarray.INDArray w = RandomNetworks.gaussian(n, j, j0, seed);
        LyapunovResult estimate = new LyapunovEstimator(settings).estimate(w);
        // Same seed and steps as the estimate: the same orbit, hence the same lambda_max.
        AttractorReport report = new AttractorAnalyzer(new AttractorAnalyzer.Settings(transientSteps, steps, seed,
                400, spectra, 20_000)).analyze(w);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("j", j);
        result.put("j0", j0);
        result.put("n", n);
        result.put("lambdaMax", estimate.lambdaMax());
        result.put("distance", estimate.distance());
        // The closed mean-field formula of science.md section 3 holds for J0 = 0 only.
        result.put("meanField", j0 == 0 ? MeanFieldTheory.lambdaMaxJ0Zero(j) : null);
        result.put("lambdaError", report.lambdaError());
        result.put("jacobianNorm", report.jacobianNorm());
        result.put("attractor", report.attractor().kind().label());
        result.put("period", report.attractor().period());
        if (spectra) {
            result.put("spectralRadiusW", report.weightSpectrum().spectralRadius());
            result.put("spectralRadiusJacobian", report.jacobianSpectrum().spectralRadius());
            result.put("jacobianOutsideUnitCircle", report.jacobianSpectrum().countOutside(1));
        }
        if (exponents != null) {
            LyapunovSpectrum qr = LyapunovSpectrum.estimate(w, exponents, transientSteps, steps, seed);
            result.put("exponents", qr.exponents());
            double dimension = qr.kaplanYorkeDimension();
            result.put("kaplanYorke", Double.isNaN(dimension) ? null : dimension);
        }
        return result;
    }
}
