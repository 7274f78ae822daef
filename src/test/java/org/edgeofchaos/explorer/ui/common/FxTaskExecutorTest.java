package org.edgeofchaos.explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .toList();
    }

    @Test
    void prestartStartsTheOneWorkerThreadBeforeAnyTask() throws InterruptedException {
        String name = "eoc-test-prestart-" + System.nanoTime();
        FxTaskExecutor executor = new FxTaskExecutor(name);
        Thread worker = null;
        try {
            assertEquals(0, threadsNamed(name).size(), "no thread before the first task or prestart");
            executor.prestart();
            executor.prestart();
            List<Thread> started = threadsNamed(name);
            assertEquals(1, started.size(), "prestart starts exactly one worker, however often it is called");
            worker = started.get(0);
            assertTrue(worker.isDaemon(), "the worker must not keep the JVM alive");
        } finally {
            executor.shutdown();
        }
        assertTrue(executor.awaitTermination(5_000), "the prestarted worker ends on shutdown");
        worker.join(5_000);
        assertTrue(!worker.isAlive(), "the worker thread has ended");
    }
}
