package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.sweep.Shard;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepRunner;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.sweep.SweepStatus;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;

/**
 * A sweep trained from the window: start (a new sweep, after checking its folder as {@code sweep run} does), cancel
 * (every run stops within one mini-batch; finished epochs and runs are kept) and resume (the open folder's missing
 * and interrupted runs). The core {@link SweepRunner} trains, on the training executor, {@code parallel} runs at a
 * time on its own worker threads.
 *
 * <p>Threading, as for the live run: the runner's {@link SweepRunner.Listener} is called on its worker threads and
 * only queues; {@link #poll()} runs once per pulse on the FX thread (the view's animation timer, or a test) and
 * applies everything queued at once: the map's cells (epochs done, values so far, finished and diverged runs as
 * they land) and the overall progress line with its ETA.
 */
public final class SweepRunViewModel {
    /** What the runner's workers report; applied on the FX thread by {@link #poll()}. */
    private sealed interface Event {
    }

    private record Opened(SweepStatus status) implements Event {
    }

    private record Planned(int toRun, int alreadyDone) implements Event {
    }

    private record Started(int run, int fromEpoch) implements Event {
    }

    private record Progress(int run, double fraction) implements Event {
    }

    private record Epoch(int run, EpochMetrics metrics) implements Event {
    }

    /** A run ended (finished, diverged or stopped) and its file, read again on the worker, says so. */
    private record Ended(int run, boolean done, SweepFolder.Inspection inspection) implements Event {
    }

    private record Failed(int run, String problem) implements Event {
    }

    /** The outcome of the last sweep, for tests and the status line. */
    public record Outcome(SweepRunner.Result result, boolean cancelled) {
    }

    private final SweepMapViewModel map;
    private final TaskExecutor training;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final SweepTraining engine;
    private final ReadOnlyBooleanProperty liveRunActive;
    private final Consumer<String> trainingTaken;

    private final Queue<Event> queue = new ConcurrentLinkedQueue<>();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty();
    private final SimpleStringProperty progressText = new SimpleStringProperty("");
    private final SimpleObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();

    private volatile SweepRunner runner;
    private volatile boolean cancelRequested;
    /** The window is closing: the sweep's end is not shown any more (no dialogs, no reading the folder). */
    private volatile boolean closing;
    private volatile CountDownLatch ended = new CountDownLatch(0);

    // the running sweep as the FX thread knows it (poll)
    private Path folder;
    private SweepSpec spec;
    private SweepStatus live;
    private final Map<Integer, List<EpochMetrics>> epochsOf = new HashMap<>();
    private final Map<Integer, Double> fractionOf = new HashMap<>();
    private int toRun;
    private int alreadyDone;
    private int endedRuns;
    private final List<String> failures = new ArrayList<>();
    private long startNanos;

    /**
     * @param liveRunActive a single run trains: a sweep is not started beside it (both need the training executor)
     * @param trainingTaken told why the training executor is taken while a sweep trains (null when it is free), so
     *                      that Start refuses rather than waiting behind the sweep
     */
    public SweepRunViewModel(SweepMapViewModel map, TaskExecutor training, TaskExecutor files, DialogService dialogs,
            SweepTraining engine, ReadOnlyBooleanProperty liveRunActive, Consumer<String> trainingTaken) {
        this.map = map;
        this.training = training;
        this.files = files;
        this.dialogs = dialogs;
        this.engine = engine;
        this.liveRunActive = liveRunActive;
        this.trainingTaken = trainingTaken;
    }

    /**
     * Starts a new sweep in {@code dir}. A folder holding another sweep or other files is refused, unless the user
     * confirms replacing it: its content is then moved to {@code dir/replaced-TIME} (never deleted), as
     * {@code sweep run --force} does. A folder holding the same sweep is resumed.
     */
    public void start(SweepSpec newSpec, Path dir, int parallel) {
        if (!canStart()) {
            return;
        }
        SweepFolder target = new SweepFolder(dir);
        files.execute(BackgroundTask.wrap(() -> target.conflictWith(newSpec))
                .onSuccess(problem -> {
                    boolean replace = false;
                    if (problem != null) {
                        replace = dialogs.confirm("Replace the folder's content?", target.root() + " " + problem
                                + ". Start the new sweep there anyway? The old files are moved to "
                                + target.root().getFileName() + "/replaced-TIME, never deleted.", "Replace");
                        if (!replace) {
                            progressText.set("Not started: " + target.root() + " " + problem);
                            return;
                        }
                    }
                    launch(target, newSpec, parallel, replace);
                })
                .onFailure(e -> dialogs.showError("Cannot use the folder", e.getMessage())));
    }

    /** Trains the open sweep's missing, interrupted and unreadable runs (the done ones are skipped). */
    public void resume(int parallel) {
        SweepStatus s = map.statusProperty().get();
        Path dir = map.folderProperty().get();
        if (s == null || dir == null || !canStart()) {
            return;
        }
        launch(new SweepFolder(dir), s.spec(), parallel, false);
    }

    private boolean canStart() {
        if (running.get()) {
            return false;
        }
        if (liveRunActive.get()) {
            dialogs.showError("A run is training", "Stop the run on the training tab before starting a sweep: "
                    + "both use the training worker.");
            return false;
        }
        return true;
    }

    private void launch(SweepFolder target, SweepSpec sweep, int parallel, boolean replace) {
        queue.clear();
        folder = target.root();
        spec = sweep;
        live = null;
        epochsOf.clear();
        fractionOf.clear();
        failures.clear();
        toRun = 0;
        alreadyDone = 0;
        endedRuns = 0;
        startNanos = System.nanoTime();
        cancelRequested = false;
        runner = null;
        outcome.set(null);
        running.set(true);
        progress.set(0);
        progressText.set("Loading the data set…");
        trainingTaken.accept("a sweep is training (cancel it on the Sweeps tab first)");
        CountDownLatch done = new CountDownLatch(1);
        ended = done;
        training.execute(BackgroundTask.wrap(() -> {
            try {
                if (replace) {
                    target.moveContentAside();
                }
                SweepRunner r = engine.prepare(target, sweep, parallel, new Forward(target, sweep));
                queue.add(new Opened(SweepStatus.of(target, sweep)));
                runner = r;
                if (cancelRequested) {
                    r.stop(); // cancelled while the data loaded: the runner starts no run
                }
                return new Outcome(r.run(Shard.ALL), cancelRequested);
            } finally {
                done.countDown();
            }
        }).onSuccess(this::finished).onFailure(e -> {
            if (closing) {
                return;
            }
            poll();
            progressText.set("Could not run the sweep: " + e.getMessage());
            dialogs.showError("Cannot run the sweep", String.valueOf(e.getMessage()));
        }).onFinished(() -> {
            running.set(false);
            runner = null;
            trainingTaken.accept(null);
        }));
    }

    /** Stops every run after its current mini-batch; finished runs and epochs stay, Resume continues. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        SweepRunner r = runner;
        if (r != null) {
            r.stop();
        }
        progressText.set("Cancelling: every run stops after its mini-batch…");
    }

    private void finished(Outcome o) {
        if (closing) {
            return; // a dialog or a folder read now would outlive the window
        }
        poll();
        SweepRunner.Result r = o.result();
        outcome.set(o);
        String counts = String.format(Locale.ROOT, "%d of %d runs done (%d trained now%s)",
                r.alreadyDone() + r.trained(), r.shardRuns(), r.trained(),
                r.diverged() > 0 ? ", " + r.diverged() + " diverged" : "");
        if (r.stopRequested()) {
            progressText.set(String.format(Locale.ROOT, "Cancelled: %d of %d runs done, %d interrupted, %d not "
                    + "started (Resume continues them)", r.alreadyDone() + r.trained(), r.shardRuns(), r.stopped(),
                    r.notStarted()));
        } else if (!r.failures().isEmpty()) {
            progressText.set("Finished with errors: " + counts);
            dialogs.showError("Some runs of the sweep failed", r.failures().size() + " run(s) failed; first: "
                    + r.failures().get(0));
        } else if (r.locked() > 0) {
            progressText.set(counts + "; " + r.locked() + " run(s) left to another process training them");
        } else {
            progressText.set(String.format(Locale.ROOT, "Done: %s in %s", counts, Formats.duration(r.seconds())));
        }
        // the files are the truth: read the folder again (it also shows runs other processes finished)
        if (folder != null && folder.equals(map.folderProperty().get())) {
            map.open(folder);
        }
    }

    /**
     * Applies what the workers reported since the last call (FX thread, once per pulse): one new map at most and
     * the progress line.
     */
    public void poll() {
        boolean changed = false;
        Event e;
        while ((e = queue.poll()) != null) {
            changed |= apply(e);
        }
        if (live != null && changed && folder.equals(shownFolder())) {
            map.showStatus(folder, live);
        }
        if (changed || running.get()) {
            updateProgress();
        }
    }

    private Path shownFolder() {
        return map.folderProperty().get();
    }

    private boolean apply(Event event) {
        if (event instanceof Opened o) {
            live = o.status();
            map.showStatus(folder, live); // the map switches to the sweep being trained
            return true;
        }
        if (event instanceof Planned p) {
            toRun = p.toRun();
            alreadyDone = p.alreadyDone();
            return true;
        }
        if (event instanceof Started s) {
            // a resumed run continues after its checkpoint's epoch: its saved epochs up to there are kept
            RunRecord saved = live == null ? null : live.rows().get(s.run()).record();
            List<EpochMetrics> epochs = new ArrayList<>();
            if (saved != null && s.fromEpoch() > 0) {
                epochs.addAll(saved.epochs().subList(0, Math.min(s.fromEpoch(), saved.epochs().size())));
            }
            epochsOf.put(s.run(), epochs);
            fractionOf.put(s.run(), (double) s.fromEpoch() / spec.fixed().epochs());
            if (live != null) {
                live = live.withRunning(s.run(), epochs);
            }
            return true;
        }
        if (event instanceof Progress p) {
            fractionOf.put(p.run(), p.fraction());
            return false; // the overall line only
        }
        if (event instanceof Epoch ep) {
            List<EpochMetrics> epochs = epochsOf.computeIfAbsent(ep.run(), k -> new ArrayList<>());
            epochs.add(ep.metrics());
            if (live != null) {
                live = live.withRunning(ep.run(), epochs);
            }
            return true;
        }
        if (event instanceof Ended en) {
            epochsOf.remove(en.run());
            fractionOf.remove(en.run());
            if (en.done()) {
                endedRuns++;
            }
            if (live != null) {
                live = live.withRun(en.run(), en.inspection());
            }
            return true;
        }
        Failed f = (Failed) event;
        failures.add(f.problem());
        return true;
    }

    private void updateProgress() {
        if (!running.get() || toRun == 0 || cancelRequested) {
            return;
        }
        double done = endedRuns;
        for (double f : fractionOf.values()) {
            done += f;
        }
        double fraction = Math.min(1, done / toRun);
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String eta = fraction > 0.02 ? "about " + Formats.duration(elapsed * (1 - fraction) / fraction) + " left"
                : "time left: estimating…";
        progress.set(fraction);
        // short enough for the tool bar at 1366 pixels: the bar beside it shows the fraction
        progressText.set(String.format(Locale.ROOT, "%d of %d runs done%s, %d training · %s, %s", endedRuns, toRun,
                alreadyDone > 0 ? " (+" + alreadyDone + " before)" : "", fractionOf.size(),
                Formats.duration(elapsed), eta));
    }

    /**
     * The window is closing: cancels a running sweep and waits (at most {@code millis}) until every run has
     * stopped and saved, so that nothing finished is lost and the next Resume continues where it ended.
     */
    public void shutdown(long millis) {
        closing = true;
        cancelRequested = true;
        SweepRunner r = runner;
        if (r != null) {
            r.stop();
        }
        try {
            ended.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards the runner's callbacks (worker threads) into the queue; reads a run's file when it ends. */
    private final class Forward implements SweepRunner.Listener {
        private final SweepFolder target;
        private final SweepSpec sweep;

        Forward(SweepFolder target, SweepSpec sweep) {
            this.target = target;
            this.sweep = sweep;
        }

        @Override
        public void planned(int runs, int done, int shardRuns) {
            queue.add(new Planned(runs, done));
        }

        @Override
        public void started(int run, int fromEpoch) {
            queue.add(new Started(run, fromEpoch));
        }

        @Override
        public void progress(int run, BatchProgress p) {
            queue.add(new Progress(run, p.epochPosition() / sweep.fixed().epochs()));
        }

        @Override
        public void epoch(int run, EpochMetrics metrics) {
            queue.add(new Epoch(run, metrics));
        }

        @Override
        public void ended(int run, RunOutcome result) {
            boolean done = result.state() == org.edgeofchaos.explorer.training.RunState.FINISHED
                    || result.state() == org.edgeofchaos.explorer.training.RunState.DIVERGED;
            queue.add(new Ended(run, done, target.inspect(sweep, run)));
        }

        @Override
        public void failed(int run, Exception error) {
            queue.add(new Failed(run, sweep.describeRun(run) + ": " + error.getMessage()));
            queue.add(new Ended(run, false, target.inspect(sweep, run)));
        }
    }

    // ---- properties ----

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Fraction of the runs to train that is trained (finished runs and the epochs of running ones). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** The overall line: runs done, running, percent, elapsed, time left; then how the sweep ended. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    /** How the last sweep ended, null while one trains or before the first. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }
}
