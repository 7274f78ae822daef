package org.edgeofchaos.explorer.ui;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells the frame gaps the window caused from those in which the whole process did not run: a daemon thread sleeps
 * 10 ms at a time and records every wake-up that came late for none of the reasons the process can see: not waiting
 * for a core (its own run-queue wait, Linux's schedstat, is subtracted) and not a garbage-collection pause (subtracted
 * too). What is left is time in which nothing of this process ran although it was not queued: a timer delivered late
 * by the machine, or a JVM stop other than a collection (a safepoint for deoptimisation, say).
 *
 * <p>Why: measured on a 2-vCPU virtual machine, some frame gaps of 40-60 ms while training had the FX thread idle,
 * not waiting for a core, with no collection and the render thread idle. A separate process sleeping 16 ms at a
 * time overslept by 31 ms at exactly the same instant, so that gap was the machine's. This thread sees such stalls
 * when they reach its core too (not always: a stall of the other core alone passes unseen). Only part of {@link
 * FrameGapMonitor}; installed with it, never otherwise.
 */
final class ProcessStalls {
    static final long PERIOD_NANOS = 10_000_000L;
    /** Late wake-ups shorter than this are ordinary timer slack and scheduling noise, not recorded. */
    static final long RECORD_NANOS = 5_000_000L;
    private static final int CAPACITY = 512;

    private final long[] ends = new long[CAPACITY];
    private final long[] lengths = new long[CAPACITY];
    private int next;
    private int count;
    private volatile boolean running;

    /** Records a stall of {@code lengthNanos} that ended at {@code endNanos} ({@link System#nanoTime()}). */
    synchronized void record(long endNanos, long lengthNanos) {
        ends[next] = endNanos;
        lengths[next] = lengthNanos;
        next = (next + 1) % CAPACITY;
        count = Math.min(count + 1, CAPACITY);
    }

    /**
     * How much of the interval {@code [from, to]} (nanoTime) the recorded stalls cover; a stall is taken to span the
     * time just before its end. Only the last {@value #CAPACITY} stalls are kept, far more than a frame needs.
     */
    synchronized long stalledNanos(long from, long to) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            long end = ends[i];
            long start = end - lengths[i];
            long overlap = Math.min(end, to) - Math.max(start, from);
            if (overlap > 0) {
                total += overlap;
            }
        }
        return total;
    }

    /** Starts the sentinel thread; nothing is recorded where schedstat cannot be read (it could not tell). */
    static ProcessStalls start() {
        ProcessStalls stalls = new ProcessStalls();
        stalls.running = true;
        Thread thread = new Thread(stalls::watch, "eoc-frame-sentinel");
        thread.setDaemon(true);
        thread.start();
        return stalls;
    }

    void stop() {
        running = false;
    }

    private void watch() {
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        long queued = queuedNanos();
        long gc = gcMillis(collectors);
        while (running && queued >= 0) {
            long start = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long end = System.nanoTime();
            long q = queuedNanos();
            if (q < 0) {
                return; // schedstat became unreadable: without the wait for a core, a late wake-up proves nothing
            }
            long g = gcMillis(collectors);
            long stall = (end - start - PERIOD_NANOS) - (q - queued) - (g - gc) * 1_000_000L;
            queued = q;
            gc = g;
            if (stall > RECORD_NANOS) {
                record(end, stall);
            }
        }
    }

    /** Total collection time so far of these collectors, in ms (the JVM's own accounting). */
    static long gcMillis(List<GarbageCollectorMXBean> collectors) {
        long total = 0;
        for (GarbageCollectorMXBean bean : collectors) {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }

    /** The calling thread's time waiting on a run queue (ns), or -1 where /proc/thread-self/schedstat is not readable. */
    static long queuedNanos() {
        try {
            return Long.parseLong(Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
