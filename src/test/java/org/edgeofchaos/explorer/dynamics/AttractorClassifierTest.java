package org.edgeofchaos.explorer.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AttractorClassifierTest {

    private static double[] noRecurrence() {
        double[] r = new double[AttractorClassifier.MAX_PERIOD];
        Arrays.fill(r, 0.1);
        return r;
    }

    @Test
    void smallestRecurringPeriodWins() {
        double[] r = noRecurrence();
        r[2] = 1e-6; // p = 3
        r[5] = 1e-6; // p = 6 repeats too, but 3 is the period
        assertEquals(new Attractor(AttractorKind.PERIODIC, 3), AttractorClassifier.classify(-0.3, 0.01, r));
        r[0] = 0;
        assertEquals(new Attractor(AttractorKind.FIXED_POINT, null), AttractorClassifier.classify(-0.3, 0.01, r));
    }

    @Test
    void withoutRecurrenceTheExponentAndItsErrorDecide() {
        double[] r = noRecurrence();
        assertEquals(AttractorKind.CHAOTIC, AttractorClassifier.classify(0.05, 0.001, r).kind());
        // Positive but within three standard errors: marginal.
        assertEquals(AttractorKind.QUASI_PERIODIC, AttractorClassifier.classify(0.02, 0.01, r).kind());
        // Below the zero band even with a tiny error.
        assertEquals(AttractorKind.QUASI_PERIODIC, AttractorClassifier.classify(0.0015, 1e-6, r).kind());
        assertEquals(new Attractor(AttractorKind.PERIODIC, null), AttractorClassifier.classify(-0.05, 0.001, r));
    }

    @Test
    void batchMeansErrorOfAConstantIsZeroAndOfAlternatingBlocksIsLarge() {
        double[] constant = new double[1000];
        Arrays.fill(constant, 0.7);
        assertEquals(0, AttractorClassifier.batchMeansError(constant, 0, 1000, 10), 1e-15);
        double[] blocks = new double[1000];
        for (int i = 0; i < 1000; i++) {
            blocks[i] = (i / 100) % 2 == 0 ? 1 : -1;
        }
        // Block means +-1: sample sd 1.054, divided by sqrt(10).
        assertEquals(Math.sqrt(10.0 / 9) / Math.sqrt(10), AttractorClassifier.batchMeansError(blocks, 0, 1000, 10), 1e-12);
    }
}
