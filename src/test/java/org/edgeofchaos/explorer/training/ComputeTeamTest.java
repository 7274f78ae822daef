package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class ComputeTeamTest {
    @Test
    void everyPartRunsOncePerRunEachOnItsOwnThreadWithTheCallerTakingPartZero() throws Exception {
        int size = 3;
        int runs = 2000;
        AtomicIntegerArray counts = new AtomicIntegerArray(size);
        Set<Thread> helpers = ConcurrentHashMap.newKeySet();
        Thread caller = Thread.currentThread();
        try (ComputeTeam team = new ComputeTeam(size)) {
            assertEquals(size, team.size());
            for (int r = 0; r < runs; r++) {
                int expected = r;
                team.run(p -> {
                    // every part of the previous run had ended before this run started
                    assertEquals(expected, counts.get(p));
                    counts.incrementAndGet(p);
                    if (p == 0) {
                        assertSame(caller, Thread.currentThread());
                    } else {
                        helpers.add(Thread.currentThread());
                    }
                });
                if (r == runs / 2) {
                    Thread.sleep(50); // long enough for the helpers to park: they must wake for the next run
                }
            }
        }
        for (int p = 0; p < size; p++) {
            assertEquals(runs, counts.get(p), "part " + p);
        }
        assertEquals(size - 1, helpers.size());
        assertFalse(helpers.contains(caller));
        for (Thread h : helpers) {
            h.join(5000);
            assertFalse(h.isAlive(), h.getName() + " ended after close");
        }
    }

    @Test
    void aFailingPartIsRethrownAfterEveryPartEndedAndTheTeamStaysUsable() {
        AtomicIntegerArray done = new AtomicIntegerArray(2);
        try (ComputeTeam team = new ComputeTeam(2)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run(p -> {
                if (p == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
                done.incrementAndGet(0);
            }));
            assertEquals("part 1 failed", thrown.getMessage());
            assertEquals(1, done.get(0));
            team.run(p -> done.incrementAndGet(p));
            assertEquals(2, done.get(0));
            assertEquals(1, done.get(1));
        }
    }

    @Test
    void aTeamOfOneRunsOnTheCaller() {
        Thread caller = Thread.currentThread();
        try (ComputeTeam team = new ComputeTeam(1)) {
            boolean[] ran = new boolean[1];
            team.run(p -> {
                assertEquals(0, p);
                assertSame(caller, Thread.currentThread());
                ran[0] = true;
            });
            assertTrue(ran[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> new ComputeTeam(0));
    }

    /** The evaluation shared by a team adds the same chunks in the same order: the very same numbers. */
    @Test
    void evaluationSharedByATeamGivesTheSameNumbers() {
        int n = 20;
        TrainingData data = SyntheticData.teacher(7300, 4, n, 11, DataType.FLOAT); // 4 chunks, the last one short
        TanhNetwork net = TanhNetwork.initialise(n, 1.2, 0.1, DataType.FLOAT, new SplittableRandom(2));
        TanhNetwork.Evaluation alone = net.evaluate(data.trainX(), data.trainLabels());
        try (ComputeTeam team = new ComputeTeam(3)) {
            TanhNetwork.Evaluation shared = net.evaluate(data.trainX(), data.trainLabels(), team);
            assertEquals(alone, shared);
        }
        assertTrue(alone.accuracy() > 0 && alone.loss() > 0);
    }
}
