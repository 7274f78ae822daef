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
}
