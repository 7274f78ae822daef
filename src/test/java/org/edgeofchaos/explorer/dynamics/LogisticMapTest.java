package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogisticMapTest {

    @Test
    void fullyChaoticAtFour() {
        double lambda = LogisticMap.lyapunov(4, 100, 1_000_000, 0.1234);
        assertEquals(Math.log(2), lambda, 0.01);
    }

    @Test
    void stableFixedPointGivesLogOfTwoMinusR() {
        assertEquals(Math.log(0.5), LogisticMap.lyapunov(2.5, 1000, 10_000, 0.1234), 1e-9);
        assertEquals(Math.log(0.8), LogisticMap.lyapunov(2.8, 1000, 10_000, 0.1234), 1e-9);
    }

    @Test
    void periodTwoWindowMatchesClosedForm() {
        double r = 3.2;
        // Derivation check: the period-2 points solve r^2 x^2 - r(r+1) x + (r+1) = 0, and the cycle
        // multiplier r^2 (1 - 2 x1)(1 - 2 x2) reduces to -r^2 + 2r + 4.
        double disc = Math.sqrt(r * r * (r + 1) * (r + 1) - 4 * r * r * (r + 1));
        double x1 = (r * (r + 1) + disc) / (2 * r * r);
        double x2 = (r * (r + 1) - disc) / (2 * r * r);
        assertEquals(x2, r * x1 * (1 - x1), 1e-12, "x1 maps to x2");
        assertEquals(x1, r * x2 * (1 - x2), 1e-12, "x2 maps back to x1");
        double multiplier = r * r * (1 - 2 * x1) * (1 - 2 * x2);
        assertEquals(-r * r + 2 * r + 4, multiplier, 1e-12);
        double exact = 0.5 * Math.log(Math.abs(-r * r + 2 * r + 4));
        // An even number of steps averages whole cycles.
        assertEquals(exact, LogisticMap.lyapunov(r, 1000, 10_000, 0.1234), 1e-6);
    }

    @Test
    void zeroAtTheOnsetOfChaos() {
        double lambda = LogisticMap.lyapunov(3.5699456718, 1000, 200_000, 0.1234);
        assertTrue(Math.abs(lambda) < 0.01, "lambda at r_inf = " + lambda);
    }

    @Test
    void rejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> LogisticMap.lyapunov(4.1, 0, 10, 0.3));
        assertThrows(IllegalArgumentException.class, () -> LogisticMap.lyapunov(3, 0, 10, 1.0));
    }

    @Test
    void attractorKindsAtTextbookParameters() {
        assertEquals(new Attractor(AttractorKind.FIXED_POINT, null), LogisticMap.orbit(2.5, 2000, 4000).attractor());
        assertEquals(new Attractor(AttractorKind.PERIODIC, 2), LogisticMap.orbit(3.2, 2000, 4000).attractor());
        assertEquals(new Attractor(AttractorKind.PERIODIC, 4), LogisticMap.orbit(3.5, 2000, 4000).attractor());
        assertEquals(new Attractor(AttractorKind.PERIODIC, 3), LogisticMap.orbit(3.83, 2000, 4000).attractor());
        LogisticMap.Orbit chaos = LogisticMap.orbit(4, 2000, 4000);
        assertEquals(AttractorKind.CHAOTIC, chaos.attractor().kind());
        assertEquals(LogisticMap.MAX_STATES, chaos.states());
        assertEquals(3, LogisticMap.orbit(3.83, 2000, 4000).states());
    }

    @Test
    void orbitExponentAgainstExactValues() {
        assertEquals(Math.log(0.5), LogisticMap.orbit(2.5, 2000, 4000).lambda(), 1e-9);
        assertEquals(0.5 * Math.log(0.16), LogisticMap.orbit(3.2, 2000, 4000).lambda(), 1e-9);
        assertEquals(Math.log(2), LogisticMap.orbit(4, 2000, 100_000).lambda(), 0.01);
    }

    @Test
    void sweepKeepsTheAttractorPointsOfEachColumn() {
        LogisticSweep sweep = LogisticSweep.compute(3.2, 3.5, 4, 2000, 2000, 100);
        assertEquals(4, sweep.columns().size());
        assertEquals(3.2, sweep.columns().get(0).r(), 1e-12);
        assertEquals(3.5, sweep.columns().get(3).r(), 1e-12);
        // At r = 3.2 the 100 points sit on the two cycle values.
        float[] points = sweep.columns().get(0).points();
        assertEquals(100, points.length);
        assertEquals(2, java.util.stream.IntStream.range(0, points.length)
                .mapToObj(k -> Math.round(points[k] * 1e4)).distinct().count());
    }
}
