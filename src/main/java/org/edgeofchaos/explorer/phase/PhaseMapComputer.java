package org.edgeofchaos.explorer.phase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.training.BackgroundPriority;

/**
 * Computes the missing cells of a {@link PhaseMap} on background threads.
 *
 * <p>Cells are independent; {@code workers} tasks (one per core by default) take the next
 * cell from a shared counter, so the picture fills in coarse to fine: first every 16th row and column, then every
 * 8th, 4th, 2nd and finally the rest, each pass row by row (see {@link #fillOrder}). Cells already computed are
 * skipped, which makes a computation resumable. Because every cell has its own seed, the values do not depend on the
 * thread or the order: a resumed map equals a one-shot one cell for cell.
 *
 * <p>{@link Job#cancel()} interrupts the workers; the estimator notices within 100 steps (a few milliseconds) and
 * throws a {@link CancellationException}, and the cell in flight is dropped. With a checkpoint file the map is written
 * atomically (via {@link PhaseMapFile}) at most every {@code checkpointInterval} while cells complete, and once more
 * at the end, after a cancel too, so an interrupted computation loses at most that interval of work.
 *
 * <p>Listener callbacks arrive on the worker threads, one per cell: listeners that update a window coalesce them
 * (e.g. a dirty flag read once per frame).
 */
public final class PhaseMapComputer implements AutoCloseable {
    /**
     * One worker per core. Within a cell the three trajectories (x, its perturbed copy x' and the tangent vector v)
     * already advance as one product of W with the 3-row matrix [x; x'; v], one pass over W per step
     * ({@code TanhMap}); more cores are used by computing more cells at once, which needs no hand-off per step.
     */
    public static final int DEFAULT_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final ExecutorService executor;
    private final int workers;

    /** A computer with its own {@code workers} daemon threads; {@link #close()} ends them. */
    public PhaseMapComputer(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        this.workers = workers;
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.applyToCurrentThread(); // in the window, it stays responsive
                runnable.run();
            }, "phase-map-" + pool + "-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public PhaseMapComputer() {
        this(DEFAULT_WORKERS);
    }

    /** Called on worker threads. */
    public interface Listener {
        /** A cell was computed and stored in the map. */
        default void cellComputed(int index, int computed, int total) {
        }

        /** A checkpoint could not be written; computing goes on, the next checkpoint tries again. */
        default void checkpointFailed(AtomicFiles.WriteException error) {
        }

        /** The job ended (completed, cancelled or failed); called once, after the last checkpoint. */
        default void finished(Result result) {
        }
    }

    /** How a job ended. */
    public enum Status { COMPLETED, CANCELLED, FAILED }

    /**
     * The outcome of a job.
     *
     * @param computedByJob cells this job computed
     * @param computed      computed cells of the map at the end
     * @param seconds       wall time of the job
     * @param failure       the error of a FAILED job, else null
     * @param checkpointError the last checkpoint error if the final checkpoint failed, else null
     * @param cpuSeconds    CPU time of the workers: on a shared machine cells per CPU second say what the code
     *                      does, cells per wall second what the machine gave it
     */
    public record Result(Status status, int computedByJob, int computed, int total, double seconds,
                         Throwable failure, AtomicFiles.WriteException checkpointError, double cpuSeconds) {
    }

    /**
     * Where and how often to checkpoint.
     *
     * @param file     checkpoint file, or null for none
     * @param interval minimum time between checkpoints while computing
     */
    public record Checkpoint(Path file, Duration interval) {
        public Checkpoint {
            Objects.requireNonNull(interval, "interval");
        }

        public static Checkpoint none() {
            return new Checkpoint(null, DEFAULT_CHECKPOINT_INTERVAL);
        }

        public static Checkpoint to(Path file) {
            return new Checkpoint(file, DEFAULT_CHECKPOINT_INTERVAL);
        }
    }

    /** Starts computing the missing cells of {@code map}; returns at once. */
    public Job start(PhaseMap map, Checkpoint checkpoint, Listener listener) {
        return start(map, checkpoint, listener, index -> true);
    }

    /**
     * Starts computing the missing cells of {@code map} that {@code cells} accepts (a shard's share, see
     * {@link PhaseMapShards}); returns at once.
     */
    public Job start(PhaseMap map, Checkpoint checkpoint, Listener listener, IntPredicate cells) {
        Job job = new Job(map, checkpoint == null ? Checkpoint.none() : checkpoint,
                listener == null ? new Listener() { } : listener, cells);
        job.launch();
        return job;
    }

    public Job start(PhaseMap map, Listener listener) {
        return start(map, Checkpoint.none(), listener);
    }

    /**
     * The order in which cells are computed: passes with strides 16, 8, 4, 2, 1; a pass takes the cells whose row and
     * column are multiples of its stride and that no earlier pass took, row by row from the bottom.
     */
    public static int[] fillOrder(PhaseMapSpec spec) {
        int columns = spec.columns();
        int rows = spec.rows();
        int[] order = new int[spec.cellCount()];
        boolean[] taken = new boolean[order.length];
        int k = 0;
        for (int stride = 16; stride >= 1; stride /= 2) {
            for (int row = 0; row < rows; row += stride) {
                for (int column = 0; column < columns; column += stride) {
                    int index = row * columns + column;
                    if (!taken[index]) {
                        taken[index] = true;
                        order[k++] = index;
                    }
                }
            }
        }
        return order;
    }

    /** The stride of the first pass that computes a cell (16, 8, 4, 2 or 1): coarse cells stand in for their block. */
    public static int passStride(int column, int row) {
        int stride = 16;
        while (stride > 1 && (column % stride != 0 || row % stride != 0)) {
            stride /= 2;
        }
        return stride;
    }

    /** Interrupts running jobs and ends the worker threads. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    public boolean awaitTermination(long millis) throws InterruptedException {
        return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** A running (or finished) computation of one map. */
    public final class Job {
        private final PhaseMap map;
        private final Checkpoint checkpoint;
        private final Listener listener;
        private final int[] pending;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger computedByJob = new AtomicInteger();
        private final AtomicInteger runningWorkers = new AtomicInteger();
        private final AtomicLong workerCpuNanos = new AtomicLong();
        private final Set<Thread> threads = new HashSet<>();
        private final ReentrantLock checkpointLock = new ReentrantLock();
        private final AtomicLong lastCheckpoint = new AtomicLong(System.nanoTime());
        private final CompletableFuture<Result> done = new CompletableFuture<>();
        private final long startNanos = System.nanoTime();
        private volatile boolean cancelled;
        private volatile Throwable failure;
        private volatile AtomicFiles.WriteException checkpointError;

        private Job(PhaseMap map, Checkpoint checkpoint, Listener listener, IntPredicate cells) {
            this.map = Objects.requireNonNull(map, "map");
            this.checkpoint = checkpoint;
            this.listener = listener;
            List<Integer> missing = new ArrayList<>();
            for (int index : fillOrder(map.spec())) {
                if (!map.isComputed(index) && cells.test(index)) {
                    missing.add(index);
                }
            }
            pending = missing.stream().mapToInt(Integer::intValue).toArray();
        }

        private void launch() {
            int count = Math.max(1, Math.min(workers, pending.length));
            runningWorkers.set(count);
            for (int w = 0; w < count; w++) {
                try {
                    executor.execute(this::work);
                } catch (RejectedExecutionException e) {
                    failure = new IllegalStateException("the phase-map computer is closed", e);
                    cancelled = true;
                    workerEnded();
                }
            }
        }

        private void work() {
            synchronized (threads) {
                if (cancelled) {
                    workerEnded();
                    return;
                }
                threads.add(Thread.currentThread());
            }
            long cpuStart = cpuNanos();
            try {
                while (!cancelled && !Thread.currentThread().isInterrupted()) {
                    int k = next.getAndIncrement();
                    if (k >= pending.length) {
                        break;
                    }
                    int index = pending[k];
                    PhaseMapSpec.CellValues values = map.spec().compute(index);
                    if (cancelled) {
                        break; // a cancel that arrived after the last interrupt check: keep the promise "prompt"
                    }
                    map.set(index, values.lambdaMax(), values.distance());
                    computedByJob.incrementAndGet();
                    listener.cellComputed(index, map.computedCount(), map.spec().cellCount());
                    maybeCheckpoint(false);
                }
            } catch (CancellationException e) {
                // cancelled while estimating: the cell in flight is dropped
            } catch (Throwable e) {
                failure = e;
                cancel();
            } finally {
                workerCpuNanos.addAndGet(cpuNanos() - cpuStart);
                synchronized (threads) {
                    threads.remove(Thread.currentThread());
                    Thread.interrupted(); // the pool thread must not carry our interrupt into its next task
                }
                workerEnded();
            }
        }

        private static long cpuNanos() {
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
        }

        private void workerEnded() {
            if (runningWorkers.decrementAndGet() == 0) {
                finish();
            }
        }

        private void finish() {
            maybeCheckpoint(true);
            Status status = failure != null ? Status.FAILED
                    : map.isComplete() || (!cancelled && next.get() >= pending.length) ? Status.COMPLETED
                    : Status.CANCELLED;
            Result result = new Result(status, computedByJob.get(), map.computedCount(), map.spec().cellCount(),
                    (System.nanoTime() - startNanos) / 1e9, failure, checkpointError, workerCpuNanos.get() / 1e9);
            try {
                listener.finished(result);
            } finally {
                done.complete(result);
            }
        }

        private void maybeCheckpoint(boolean force) {
            Path file = checkpoint.file();
            if (file == null) {
                return;
            }
            long now = System.nanoTime();
            if (!force && now - lastCheckpoint.get() < checkpoint.interval().toNanos()) {
                return;
            }
            if (force) {
                checkpointLock.lock();
            } else if (!checkpointLock.tryLock()) {
                return; // the other worker is writing
            }
            try {
                lastCheckpoint.set(now);
                PhaseMapFile.write(file, map);
                checkpointError = null;
            } catch (AtomicFiles.WriteException e) {
                checkpointError = e;
                listener.checkpointFailed(e);
            } finally {
                checkpointLock.unlock();
            }
        }

        /** Stops the workers promptly; the cells done so far stay in the map (and are checkpointed). */
        public void cancel() {
            synchronized (threads) {
                cancelled = true;
                for (Thread t : threads) {
                    if (t != Thread.currentThread()) {
                        t.interrupt();
                    }
                }
            }
        }

        public boolean isCancelled() {
            return cancelled;
        }

        public boolean isDone() {
            return done.isDone();
        }

        /** Completes (on a worker thread) after the final checkpoint. */
        public CompletableFuture<Result> completion() {
            return done;
        }

        /** Waits for the end of the job. */
        public Result await() throws InterruptedException {
            try {
                return done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        public PhaseMap map() {
            return map;
        }

        /** Cells this job had to compute when it started. */
        public int pendingAtStart() {
            return pending.length;
        }
    }
}
