package org.edgeofchaos.explorer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** Lowering a worker's priority acts on that thread only, and only where the process asked for it. */
class BackgroundPriorityTest {

    @Test
    void aLoweredThreadRunsNicerWhileItsCreatorKeepsItsPriority() throws InterruptedException {
        assumeTrue(BackgroundPriority.linuxThreadId() != null, "needs Linux's /proc/thread-self");
        Integer before = BackgroundPriority.currentNice();
        assertNotNull(before, "the nice value is readable on Linux");
        assumeTrue(before < BackgroundPriority.NICE, "this test thread already runs at nice " + before);

        Integer[] seen = inNewThread(() -> {
            Integer start = BackgroundPriority.currentNice();
            BackgroundPriority.lowerCurrentThread();
            return new Integer[] {start, BackgroundPriority.currentNice(), Thread.currentThread().getPriority()};
        });

        assertEquals(before, seen[0], "a new thread starts at its creator's nice value");
        assertTrue(seen[1] >= BackgroundPriority.NICE, "nice after lowering: " + seen[1]);
        assertEquals(Thread.MIN_PRIORITY, seen[2]);
        assertEquals(before, BackgroundPriority.currentNice(), "the creating thread is not affected");
    }

    @Test
    void withoutEnablingNothingChanges() throws InterruptedException {
        assumeFalse(BackgroundPriority.enabled(), "another test in this JVM started the window");
        Integer[] seen = inNewThread(() -> {
            Integer start = BackgroundPriority.currentNice();
            int priority = Thread.currentThread().getPriority();
            BackgroundPriority.applyToCurrentThread();
            return new Integer[] {start, BackgroundPriority.currentNice(), priority,
                    Thread.currentThread().getPriority()};
        });
        assertEquals(seen[0], seen[1]);
        assertEquals(seen[2], seen[3]);
    }

    @Test
    void theThreadIdIsTheKernelsIdOfTheCallingThread() throws InterruptedException {
        String here = BackgroundPriority.linuxThreadId();
        assumeTrue(here != null, "needs Linux's /proc/thread-self");
        String there = inNewThread(BackgroundPriority::linuxThreadId);
        assertTrue(here.chars().allMatch(Character::isDigit), here);
        assertTrue(!here.equals(there), "two threads, two ids: " + here + ", " + there);
    }

    private static <T> T inNewThread(java.util.function.Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(work.get()), "background-priority-test");
        thread.start();
        thread.join();
        return result.get();
    }
}
