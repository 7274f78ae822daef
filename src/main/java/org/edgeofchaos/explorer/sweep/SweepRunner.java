package org.edgeofchaos.explorer.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.edgeofchaos.explorer.experiment.CheckpointFiles;
import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFileException;
import org.edgeofchaos.explorer.experiment.RunLock;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunEvent;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.training.BackgroundPriority;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.DynamicsProbe;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.Trainer;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingData;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * Runs the missing runs of one shard of a sweep, {@code parallel} at a time inside this JVM, on one data set
 * loaded once and shared read-only. Each run is an ordinary {@link Trainer} writing an ordinary run file through a
 * {@link RunRecorder} (the format of {@code train --out}), on one BLAS thread: P runs on P cores use the machine
 * better than one run on P threads (the products of a mini-batch are too small to share), and the results do not
 * depend on P.
 *
 * <p>Before training a run takes its {@link RunLock} and reads its file again: complete and diverged runs are
 * skipped, a file that cannot be used is kept aside ({@link SweepFolder#moveAside}) and the run trained again, and
 * a run another process holds is left to it. An interrupted run continues from the checkpoint written beside its
 * file after every epoch ({@link Trainer#resume}, the numbers an uninterrupted run gives), or trains again from the
 * start when it has none (same seed, so the same numbers). {@link #stop()} reaches every running trainer through its {@link TrainingControl}: each ends within
 * one mini-batch with its finished epochs saved, and no new run starts.
 */
public final class SweepRunner {
    private final SweepFolder folder;
    private final SweepSpec spec;
    private final TrainingData data;
    private final DatasetInfo dataset;
    private final Supplier<DynamicsProbe> probes;
    private final int parallel;
    private final Listener listener;
    private final Set<TrainingControl> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopRequested;

    /** Receives what happens, on the worker threads; implementations must be thread-safe and quick. */
    public interface Listener {
        /** Before the first run: how many runs this shard will train, and how many are done already. */
        default void planned(int toRun, int alreadyDone, int shardRuns) {
        }

        /** A file that could not be used was renamed to {@code aside}; the run trains again. */
        default void keptAside(int run, Path aside, String problem) {
        }

        /** A run starts training: from its start ({@code fromEpoch} 0) or after its checkpoint's epoch. */
        default void started(int run, int fromEpoch) {
        }

        /** Every few mini-batches of a run (on its training thread). */
        default void progress(int run, BatchProgress progress) {
        }

        default void epoch(int run, EpochMetrics metrics) {
        }

        /** A run ended (finished, diverged or stopped); its file is saved. */
        default void ended(int run, RunOutcome outcome) {
        }

        /** Another process holds the run's lock: it is left to that process. */
        default void lockedElsewhere(int run) {
        }

        /** A run failed with an error that is not divergence (its file keeps what was saved). */
        default void failed(int run, Exception error) {
        }
    }

    /**
     * What a call of {@link #run} did.
     *
     * @param trained   runs trained to their end (finished or diverged)
     * @param diverged  of those, the diverged ones
     * @param stopped   runs stopped part-way by {@link #stop()}
     * @param alreadyDone runs of the shard that were done before
     * @param locked    runs left to another process holding their lock
     * @param notStarted runs not started because of a stop
     * @param failures  one line per failed run
     */
    public record Result(int shardRuns, int trained, int diverged, int stopped, int alreadyDone, int locked,
            int notStarted, List<String> failures, boolean stopRequested, double seconds) {

        /** Every run of the shard is done. */
        public boolean shardComplete() {
            return alreadyDone + trained == shardRuns;
        }
    }

    public SweepRunner(SweepFolder folder, SweepSpec spec, TrainingData data, DatasetInfo dataset,
            Supplier<DynamicsProbe> probes, int parallel, Listener listener) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.probes = Objects.requireNonNull(probes, "probes");
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1, got " + parallel);
        }
        this.parallel = parallel;
        this.listener = listener == null ? new Listener() { } : listener;
    }

    /**
     * The runner of {@code sweep run} and of the window: checks every run's settings against the loaded data, writes
     * the spec into the folder (a resumed sweep rewrites the same content) and builds the runner on the data set.
     *
     * @throws InvalidSettingException naming the axis with a bad value (a batch larger than the data)
     */
    public static SweepRunner on(org.edgeofchaos.explorer.data.Dataset dataset, SweepFolder folder, SweepSpec spec,
            Supplier<DynamicsProbe> probes, int parallel, Listener listener)
            throws org.edgeofchaos.explorer.experiment.AtomicFiles.WriteException {
        check(spec, dataset.trainSize());
        folder.writeSpec(spec);
        return new SweepRunner(folder, spec, org.edgeofchaos.explorer.experiment.TrainingRun.trainingData(dataset),
                org.edgeofchaos.explorer.experiment.TrainingRun.describe(dataset), probes, parallel, listener);
    }

    /**
     * Checks every run's settings against the data (the batch size against the training-set size); the message
     * names the axis option that holds the bad value.
     */
    public static void check(SweepSpec spec, int trainSize) {
        for (int run = 0; run < spec.runCount(); run += spec.seeds()) {
            Hyperparameters hp = spec.hyperparameters(run);
            try {
                hp.validate(trainSize);
            } catch (InvalidSettingException e) {
                int cell = spec.cellOf(run);
                String option = e.setting();
                if (spec.x().parameter().field().equals(option)) {
                    option = "--x";
                } else if (spec.y() != null && spec.y().parameter().field().equals(option)) {
                    option = "--y";
                }
                throw new InvalidSettingException(option, e.reason() + " (cell " + cell + ": "
                        + spec.describeRun(run) + ")");
            }
        }
    }

    /** Asks every running run to stop after its current mini-batch and starts no new one. */
    public void stop() {
        stopRequested = true;
        for (TrainingControl c : active) {
            c.stop();
        }
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Trains the shard's missing runs; returns when all are done, or stopped. */
    public Result run(Shard shard) throws InterruptedException {
        long start = System.nanoTime();
        ComputeThreads.set(spec.threadsPerRun());
        int[] runs = spec.runsOf(shard);
        List<Integer> pending = new ArrayList<>();
        int alreadyDone = 0;
        for (int run : runs) {
            if (folder.inspect(spec, run).state().isDone()) {
                alreadyDone++;
            } else {
                pending.add(run);
            }
        }
        // Longest first, so that the last runs to finish are short ones and the workers end together.
        pending.sort(Comparator.comparingDouble((Integer r) -> -cost(spec.hyperparameters(r)))
                .thenComparing(Comparator.naturalOrder()));
        listener.planned(pending.size(), alreadyDone, runs.length);

        Counters counters = new Counters();
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(parallel, pending.size()));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                BackgroundPriority.applyToCurrentThread();
                while (!stopRequested) {
                    int k = next.getAndIncrement();
                    if (k >= pending.size()) {
                        return;
                    }
                    runOne(pending.get(k), counters);
                }
            }, "sweep-worker-" + (w + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop();
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        }
        int notStarted = Math.max(0, pending.size() - Math.min(next.get(), pending.size()));
        return new Result(runs.length, counters.trained.get(), counters.diverged.get(), counters.stopped.get(),
                alreadyDone + counters.skipped.get(), counters.locked.get(), notStarted,
                List.copyOf(counters.failures), stopRequested, (System.nanoTime() - start) / 1e9);
    }

    /** Relative cost of a run per sample: a fixed overhead per mini-batch of about 16 samples' work. */
    static double cost(Hyperparameters hp) {
        return hp.epochs() * (1 + 16.0 / hp.batchSize());
    }

    private static final class Counters {
        final AtomicInteger trained = new AtomicInteger();
        final AtomicInteger diverged = new AtomicInteger();
        final AtomicInteger stopped = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger locked = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    }

    private void runOne(int run, Counters counters) {
        Path file = folder.runFile(spec, run);
        boolean done = false;
        try {
            SweepFolder.Inspection in;
            TrainingCheckpoint checkpoint = null;
            // Look at the file while holding its lock, so that no other process is writing it as we decide.
            try (RunLock lock = RunLock.acquire(file)) {
                in = folder.inspect(spec, run);
                if (in.state().isDone()) {
                    counters.skipped.incrementAndGet();
                    return;
                }
                if (in.state() == CellState.FAILED && Files.exists(file)) {
                    Path aside = SweepFolder.moveAside(file);
                    listener.keptAside(run, aside, in.problem());
                } else if (in.state() == CellState.INTERRUPTED && in.record() != null) {
                    checkpoint = readCheckpoint(file, in.record());
                }
            }
            // The recorder takes the lock again for the run's duration; if another process took it in between,
            // the run is theirs.
            done = train(run, file, checkpoint == null ? null : in.record(), checkpoint, counters);
        } catch (RunLock.LockedException e) {
            counters.locked.incrementAndGet();
            listener.lockedElsewhere(run);
        } catch (IOException | RuntimeException e) {
            fail(run, counters, e);
        }
    }

    /** The checkpoint to continue an interrupted run from, or null to train it again from the start. */
    private static TrainingCheckpoint readCheckpoint(Path file, RunRecord record) {
        try {
            return CheckpointFiles.read(CheckpointFiles.of(file), record.id());
        } catch (RunFileException e) {
            return null; // none yet (stopped in its first epoch), or damaged: the run starts again
        }
    }

    /**
     * Trains one run, from its checkpoint if there is one, else from its start; returns whether it is done
     * (finished or diverged) and saved.
     */
    private boolean train(int run, Path file, RunRecord saved, TrainingCheckpoint checkpoint, Counters counters)
            throws IOException {
        Hyperparameters hp = spec.hyperparameters(run);
        TrainingControl control = new TrainingControl();
        active.add(control);
        try {
            if (stopRequested) {
                return false;
            }
            int epochs = spec.fixed().epochs();
            RunSession session = checkpoint != null ? RunSession.continuing(saved, checkpoint, epochs, control)
                    : new RunSession(SweepFolder.runName(spec, run), hp, dataset, control);
            session.observe(event -> {
                if (event instanceof RunEvent.Progress p) {
                    listener.progress(run, p.sample());
                } else if (event instanceof RunEvent.EpochFinished e) {
                    listener.epoch(run, e.metrics());
                }
            });
            try (RunRecorder recorder = RunRecorder.attach(session, file, checkpoint)) {
                listener.started(run, checkpoint == null ? 0 : checkpoint.epoch());
                RunOutcome outcome = session.train((trainingControl, trainingListener) -> {
                    try (Trainer trainer = checkpoint != null
                            ? Trainer.resume(data, checkpoint, epochs, probes.get(), trainingControl,
                                    trainingListener, Trainer.DEFAULT_PROGRESS_INTERVAL)
                            : new Trainer(data, hp, probes.get(), trainingControl, trainingListener,
                                    Trainer.DEFAULT_PROGRESS_INTERVAL)) {
                        return trainer.run();
                    }
                });
                RunRecorder.SaveStatus status = recorder.saveStatus();
                if (!status.saved() && status.lastError() != null) {
                    throw status.lastError();
                }
                listener.ended(run, outcome);
                switch (outcome.state()) {
                    case FINISHED -> counters.trained.incrementAndGet();
                    case DIVERGED -> {
                        counters.trained.incrementAndGet();
                        counters.diverged.incrementAndGet();
                    }
                    default -> counters.stopped.incrementAndGet();
                }
                return outcome.state() == org.edgeofchaos.explorer.training.RunState.FINISHED
                        || outcome.state() == org.edgeofchaos.explorer.training.RunState.DIVERGED;
            }
        } finally {
            active.remove(control);
        }
    }

    private void fail(int run, Counters counters, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                .orElse("");
        counters.failures.add("cell " + spec.cellOf(run) + " (" + spec.describeRun(run) + "): " + message);
        listener.failed(run, e);
    }
}
