package org.edgeofchaos.explorer.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads that share one mini-batch: the calling thread and {@code size - 1} helpers, each taking one part of
 * the same piece of work. A team of 1 has no helpers and runs everything on the caller.
 *
 * <p>Why not OpenBLAS's own threads: for the products of a training step with two threads they lose more than they
 * gain at small batches. Measured at N = 784 on 2 cores, the weight-gradient product (784 x 784 out, 32 deep) took
 * 810 us with two OpenBLAS threads, 520 us with one, and 390 us as two halves on two threads each calling a
 * one-thread BLAS; whole epochs with two OpenBLAS threads ran slower than with one at batches 16 and 32. A part
 * here is a range of the hidden units (rows of W), so each thread works on its own half of W and of its velocity.
 *
 * <p>Hand-off: a part takes 0.1-1 ms and a step has two, so helpers spin briefly ({@link #SPIN_NANOS}) before they
 * park, and the caller spins for the helpers' parts the same way. Between epochs (evaluation, dynamics probe) the
 * helpers park and cost nothing. Not for concurrent use: one thread (the trainer's) calls {@link #run}.
 */
final class ComputeTeam implements AutoCloseable {
    /** How long a waiting thread spins before it parks: longer than the serial work between two parts. */
    static final long SPIN_NANOS = 200_000;

    private final Helper[] helpers;
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread waitingCaller;

    /** A team of {@code size} threads (the caller and {@code size - 1} helper threads, started now). */
    ComputeTeam(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a team needs at least one thread, got " + size);
        }
        helpers = new Helper[size - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].thread.start();
        }
    }

    int size() {
        return helpers.length + 1;
    }

    /**
     * Runs {@code part.accept(p)} for p = 0 .. size-1, part 0 on the calling thread, and returns when all are done.
     * The first failure of any part is rethrown here (after every part ended).
     */
    void run(IntConsumer part) {
        if (helpers.length == 0) {
            part.accept(0);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the compute team was closed");
        }
        failure.set(null);
        remaining.set(helpers.length);
        task = part;
        generation++; // publishes the task to the helpers
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h.thread);
            }
        }
        try {
            part.accept(0);
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        }
        awaitHelpers();
        task = null;
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void awaitHelpers() {
        long start = System.nanoTime();
        while (remaining.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                waitingCaller = Thread.currentThread();
                if (remaining.get() > 0) {
                    LockSupport.park(this);
                }
                waitingCaller = null;
            }
        }
    }

    /** Stops the helper threads (they end once idle). */
    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }

    private final class Helper implements Runnable {
        final int part;
        final Thread thread;
        volatile boolean parked;
        private long seen;

        Helper(int part) {
            this.part = part;
            // Started by the trainer's thread, it inherits its priority (and, on Linux, its nice value).
            this.thread = new Thread(this, "eoc-team-" + part);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (awaitWork()) {
                seen = generation;
                try {
                    task.accept(part);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
                if (remaining.decrementAndGet() == 0) {
                    Thread caller = waitingCaller;
                    if (caller != null) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }

        /** Waits for a new generation of work; false once the team is closed. */
        private boolean awaitWork() {
            long start = System.nanoTime();
            while (generation == seen) {
                if (closed) {
                    return false;
                }
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    // re-checked after announcing the park: run() unparks any helper it sees parked after it
                    // published the new generation, so one of the two always sees the other
                    if (generation == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
            return !closed;
        }
    }
}
