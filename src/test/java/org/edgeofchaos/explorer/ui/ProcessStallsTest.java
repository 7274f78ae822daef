package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessStallsTest {

    @Test
    void aGapCountsOnlyTheStalledTimeInsideIt() {
        ProcessStalls stalls = new ProcessStalls();
        stalls.record(1_000, 300); // stalled from 700 to 1000
        stalls.record(5_000, 1_000); // from 4000 to 5000

        assertEquals(300, stalls.stalledNanos(0, 2_000), "a gap around the whole first stall");
        assertEquals(100, stalls.stalledNanos(900, 2_000), "a gap that began while the machine stalled");
        assertEquals(200, stalls.stalledNanos(0, 900), "a gap that ended while the machine stalled");
        assertEquals(0, stalls.stalledNanos(1_000, 4_000), "a gap between the stalls");
        assertEquals(300 + 1_000, stalls.stalledNanos(0, 6_000), "a gap over both");
    }

    @Test
    void onlyTheLatestStallsAreKept() {
        ProcessStalls stalls = new ProcessStalls();
        stalls.record(10, 10); // the oldest, pushed out by 512 later ones
        for (int i = 1; i <= 512; i++) {
            stalls.record(1_000L * i + 100, 100);
        }
        assertEquals(0, stalls.stalledNanos(0, 50), "the oldest stall is gone");
        assertEquals(512 * 100, stalls.stalledNanos(0, 1_000_000));
    }
}
