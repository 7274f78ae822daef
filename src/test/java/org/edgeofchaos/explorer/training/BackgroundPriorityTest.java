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

    /**
     * The optimising compiler's threads (HotSpot's "C2 CompilerThread<n>") run at a worker's nice value afterwards;
     * the calling thread and the quick compiler's threads keep theirs.
     */
    @Test
    void theOptimisingCompilerRunsNicerAndNothingElseDoes() throws Exception {
        assumeTrue(BackgroundPriority.linuxThreadId() != null, "needs Linux's /proc/thread-self");
        java.util.Map<String, String> names = threadNames();
        assumeTrue(names.containsValue("C2 CompilerThre"), "a HotSpot JVM with its C2 compiler: " + names.values());
        Integer before = BackgroundPriority.currentNice();
        java.util.Map<String, Integer> others = new java.util.HashMap<>();
        names.forEach((tid, name) -> {
            if (!name.startsWith(BackgroundPriority.OPTIMISING_COMPILER)) {
                others.put(tid, BackgroundPriority.niceOf(tid));
            }
        });

        java.util.List<String> lowered = BackgroundPriority.lowerOptimisingCompiler();

        assertTrue(!lowered.isEmpty(), "the C2 threads: " + names);
        for (String tid : lowered) {
            assertEquals("C2 CompilerThre", names.get(tid).substring(0, 15));
            assertTrue(BackgroundPriority.niceOf(tid) >= BackgroundPriority.NICE, names.get(tid));
        }
        assertEquals(before, BackgroundPriority.currentNice(), "the calling thread is not affected");
        others.forEach((tid, nice) -> {
            Integer now = BackgroundPriority.niceOf(tid);
            if (now != null) { // null: the thread has ended since
                assertEquals(nice, now, names.get(tid));
            }
        });
    }

    /** This process's threads: kernel id to name. */
    private static java.util.Map<String, String> threadNames() throws java.io.IOException {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> tasks = java.nio.file.Files.list(
                java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    names.put(task.getFileName().toString(),
                            java.nio.file.Files.readString(task.resolve("comm")).strip());
                } catch (java.io.IOException e) {
                    // ended meanwhile
                }
            }
        }
        return names;
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
