package org.edgeofchaos.explorer.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The canvas chart's axes: ticks at 1, 2 or 5 times a power of ten, covering the data, labelled to the step. */
class SpecChartAxisTest {
    @Test
    void ticksAreNiceAndCoverTheData() {
        ChartPainter.Axis a = ChartPainter.Axis.of(0.03, 0.87, 5);
        assertEquals(0.2, a.step(), 1e-12);
        assertEquals(0.0, a.min(), 1e-12);
        assertEquals(1.0, a.max(), 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), a.ticks());
        assertEquals("0.6", a.label(a.ticks().get(3)));
    }

    @Test
    void negativeRangesAndLargeStepsGetIntegerLabels() {
        ChartPainter.Axis lambda = ChartPainter.Axis.of(-0.62, 1.0, 4);
        assertEquals(0.5, lambda.step(), 1e-12);
        assertEquals(-1.0, lambda.min(), 1e-12);
        assertEquals("-0.5", lambda.label(-0.5));
        ChartPainter.Axis epochs = ChartPainter.Axis.of(0, 57, 6);
        assertEquals(10, epochs.step(), 1e-12);
        assertEquals(60, epochs.max(), 1e-12);
        assertEquals("50", epochs.label(50));
        assertEquals(0.5, epochs.fraction(30), 1e-12);
    }
}
