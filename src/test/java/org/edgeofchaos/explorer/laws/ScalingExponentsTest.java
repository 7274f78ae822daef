package org.edgeofchaos.explorer.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.junit.jupiter.api.Test;

class ScalingExponentsTest {

    /** Slopes k eta^a (1/(1-alpha))^b (1/B)^g with the authors' fitted exponents must be recovered. */
    @Test
    void recoversKnownExponentsFromExactRuns() {
        double a = 1.00;
        double b = 1.03;
        double g = 1.01;
        double k = 11;
        List<LawRun> runs = new ArrayList<>();
        List<GrowthFit> fits = new ArrayList<>();
        for (double eta : new double[] {0.005, 0.01, 0.05}) {
            for (double alpha : new double[] {0, 0.5, 0.9}) {
                for (int batch : new int[] {8, 32, 128}) {
                    Hyperparameters hp = SyntheticRuns.settings(eta, alpha, batch);
                    double slope = k * Math.pow(eta, a) * Math.pow(1 / (1 - alpha), b) * Math.pow(1.0 / batch, g);
                    LawRun run = SyntheticRuns.run(eta + "/" + alpha + "/" + batch, hp, 20, e -> 0.25 + slope * e);
                    runs.add(run);
                    fits.add(GrowthFit.of(run, new EpochWindow(0, 20)));
                }
            }
        }
        ScalingExponents.Result r = ScalingExponents.fit(runs, fits);
        assertEquals(a, r.eta().value(), 1e-9);
        assertEquals(b, r.inverseOneMinusMomentum().value(), 1e-9);
        assertEquals(g, r.inverseBatch().value(), 1e-9);
        assertEquals(k, r.coefficient(), 1e-6);
        assertEquals(1.0, r.rSquared(), 1e-12);
        assertEquals(27, r.runs());
    }

    @Test
    void aQuantityThatDoesNotVaryIsReportedAsNotVaried() {
        List<LawRun> runs = new ArrayList<>();
        List<GrowthFit> fits = new ArrayList<>();
        // The authors' Fig 3a: B 32, alpha 0, three learning rates and their published slopes.
        double[][] published = {{0.005, 1.72e-3}, {0.01, 3.42e-3}, {0.05, 1.71e-2}};
        for (double[] p : published) {
            LawRun run = SyntheticRuns.run("eta " + p[0], SyntheticRuns.settings(p[0], 0, 32), 50,
                    e -> 0.25 + p[1] * e);
            runs.add(run);
            fits.add(GrowthFit.of(run, new EpochWindow(0, 50)));
        }
        ScalingExponents.Result r = ScalingExponents.fit(runs, fits);
        assertTrue(r.eta().varied());
        assertEquals(1.00, r.eta().value(), 0.01, "the authors' slopes give exponent 1 for eta");
        assertFalse(r.inverseBatch().varied());
        assertTrue(Double.isNaN(r.inverseBatch().value()));
        assertFalse(r.inverseOneMinusMomentum().varied());
    }

    @Test
    void refusesRunsThatShareEverythingOrDidNotGrow() {
        Hyperparameters hp = SyntheticRuns.settings(0.02, 0.5, 32);
        LawRun a = SyntheticRuns.linear("a", hp, 11, 10);
        LawRun b = SyntheticRuns.linear("b", hp, 12, 10);
        EpochWindow w = new EpochWindow(0, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScalingExponents.fit(List.of(a, b), List.of(GrowthFit.of(a, w), GrowthFit.of(b, w))));
        assertTrue(e.getMessage().contains("share eta, alpha and B"), e.getMessage());
        LawRun flat = SyntheticRuns.run("flat", SyntheticRuns.settings(0.01, 0.5, 32), 10, x -> 0.25);
        e = assertThrows(IllegalArgumentException.class, () -> ScalingExponents.fit(List.of(a, flat),
                List.of(GrowthFit.of(a, w), GrowthFit.of(flat, w))));
        assertTrue(e.getMessage().startsWith("flat: J^2 did not grow"), e.getMessage());
    }
}
