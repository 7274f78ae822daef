package org.edgeofchaos.explorer.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The fast path of {@link PhaseMap#round} gives exactly what rounding through BigDecimal gives. */
class PhaseMapRoundingTest {
    private static double reference(double v) {
        return new BigDecimal(v).round(new MathContext(PhaseMap.SIGNIFICANT_DIGITS)).doubleValue();
    }

    @Test
    void equalsBigDecimalRoundingForRandomValuesOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-12, 12))
                    * random.nextDouble(1, 10);
            assertEquals(reference(v), PhaseMap.round(v), () -> "value " + v);
        }
    }

    @Test
    void leavesDecimalsOfFiveDigitsAsTheyAreAndRoundsLongerOnes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            int digits = random.nextInt(1, 8);
            long k = random.nextLong(1, (long) Math.pow(10, digits));
            int exponent = random.nextInt(-15, 15);
            double v = Double.parseDouble(k + "E" + exponent) * (random.nextBoolean() ? 1 : -1);
            assertEquals(reference(v), PhaseMap.round(v), () -> "value " + v);
        }
        // the boundaries of the fast path: powers of ten, halves, values just below a power of ten
        for (double v : new double[] {1, 10, 1e-5, 99999.5, 9.99995, 0.000099999, 1.00001, 12345.5, 1.4155, -2.5e-7,
            Math.nextDown(10.0), Math.nextUp(1.0), 1e22, 123456789.0}) {
            assertEquals(reference(v), PhaseMap.round(v), () -> "value " + v);
        }
    }
}
