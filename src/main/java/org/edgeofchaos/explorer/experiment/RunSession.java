package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * One training run as it happens: the only owner of the run's state (settings, data set, epochs, loss samples,
 * hyperparameter changes, outcome) and the only source of its {@link RunEvent}s. The recorder, the command line's
 * printer and the window observe it; none keeps a copy of its own. {@link #snapshot()} gives the whole run as the
 * immutable {@link RunRecord} that is also what a saved run is.
 *
 * <p>Threads: the trainer writes on the training thread; every other thread steers through {@link #control()} and
 * reads through {@link #snapshot()}. Observers are called on the training thread, in order, after the state has been
 * updated; they must return quickly (queue the event) because the next mini-batch waits for them.
 */
public final class RunSession {
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The trainer's work: run on the calling thread, steered by the control, reporting to the listener. */
    @FunctionalInterface
    public interface Training {
        RunOutcome run(TrainingControl control, TrainingListener listener);
    }

    private final String id;
    private final String createdAt;
    private final Hyperparameters hyperparameters;
    private final DatasetInfo dataset;
    private final TrainingControl control;
    private final List<Consumer<RunEvent>> observers = new CopyOnWriteArrayList<>();
    /** Checkpoints copy the whole network: not an event for every observer, only for the one that keeps them. */
    private volatile Consumer<TrainingCheckpoint> checkpoints;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<BatchProgress> progress = new ArrayList<>();
    private final List<HyperparameterChange> changes = new ArrayList<>();
    private RunState state = RunState.IDLE;
    private int divergedEpoch;
    private int divergedBatch;

    public RunSession(String id, Hyperparameters hyperparameters, DatasetInfo dataset) {
        this(id, hyperparameters, dataset, new TrainingControl());
    }

    /**
     * @param control the handle to steer the run with; the window creates it when Start is pressed, before the data
     *                set is loaded, so that a Stop during loading is not lost
     */
    public RunSession(String id, Hyperparameters hyperparameters, DatasetInfo dataset, TrainingControl control) {
        this(id, Instant.now().toString(), hyperparameters, dataset, control);
    }

    private RunSession(String id, String createdAt, Hyperparameters hyperparameters, DatasetInfo dataset,
            TrainingControl control) {
        this.control = Objects.requireNonNull(control, "control");
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = createdAt;
        this.hyperparameters = Objects.requireNonNull(hyperparameters, "hyperparameters");
        this.dataset = dataset;
    }

    /** A session under a new id, see {@link #newId()}. */
    public static RunSession create(Hyperparameters hyperparameters, DatasetInfo dataset) {
        return new RunSession(newId(), hyperparameters, dataset);
    }

    /** Sortable by start time, unique enough for one user's folder. */
    public static String newId() {
        return "run-" + ID_FORMAT.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /**
     * A session that continues a saved run: same id and start time, the saved epochs, loss samples and changes up
     * to the checkpoint's epoch (later ones will be trained again), the total epochs set to {@code epochs}.
     */
    public static RunSession continuing(RunRecord saved, TrainingCheckpoint checkpoint, int epochs,
            TrainingControl control) {
        RunSession s = new RunSession(saved.id(), saved.createdAt(), saved.hyperparameters().withEpochs(epochs),
                saved.dataset(), control);
        int done = checkpoint.epoch();
        saved.epochs().stream().filter(e -> e.epoch() <= done).forEach(s.epochs::add);
        saved.progress().stream().filter(p -> p.epoch() <= done).forEach(s.progress::add);
        saved.changes().stream().filter(c -> c.epoch() <= done).forEach(s.changes::add);
        return s;
    }

    /** Receives the trainer's checkpoint after every finished epoch (the recorder writes it beside the run). */
    void keepCheckpoints(Consumer<TrainingCheckpoint> sink) {
        checkpoints = sink;
    }

    /** Adds an observer; add them all before {@link #train(Training)}. */
    public RunSession observe(Consumer<RunEvent> observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /** Pause, resume, stop and hyperparameter changes, from any thread. */
    public TrainingControl control() {
        return control;
    }

    public String id() {
        return id;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    public DatasetInfo dataset() {
        return dataset;
    }

    /** Trains on the calling thread; every record of the trainer goes through this session to its observers. */
    public RunOutcome train(Training training) {
        publish(new RunEvent.Started(id, hyperparameters, dataset));
        return training.run(control, listener());
    }

    /** The trainer's side of the session (package-private: tests drive a session by hand through it). */
    TrainingListener listener() {
        return new Listener();
    }

    /** The whole run so far, as it is saved. */
    public synchronized RunRecord snapshot() {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, state, hyperparameters, dataset, epochs,
                progress, changes, divergedEpoch, divergedBatch);
    }

    public synchronized RunState state() {
        return state;
    }

    public synchronized int finishedEpochs() {
        return (int) epochs.stream().filter(e -> !e.diverged()).count();
    }

    /** Called by whoever saves the run (the recorder), so that every observer hears of it. */
    public void reportSaved(Path file) {
        publish(new RunEvent.Saved(file));
    }

    /** Called by whoever saves the run when writing failed; the run goes on. */
    public void reportSaveFailed(Path file, String reason) {
        publish(new RunEvent.SaveFailed(file, reason));
    }

    private void publish(RunEvent event) {
        for (Consumer<RunEvent> observer : observers) {
            observer.accept(event);
        }
    }

    /** The trainer's side: update the state under the lock, then tell the observers outside it. */
    private final class Listener implements TrainingListener {
        @Override
        public void onStateChanged(RunState newState) {
            synchronized (RunSession.this) {
                state = newState;
            }
            publish(new RunEvent.StateChanged(newState));
        }

        @Override
        public void onProgress(BatchProgress sample) {
            synchronized (RunSession.this) {
                progress.add(sample);
            }
            publish(new RunEvent.Progress(sample));
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            synchronized (RunSession.this) {
                epochs.add(metrics);
            }
            publish(new RunEvent.EpochFinished(metrics));
        }

        @Override
        public void onHyperparameterChange(HyperparameterChange change) {
            synchronized (RunSession.this) {
                changes.add(change);
            }
            publish(new RunEvent.Changed(change));
        }

        @Override
        public boolean wantsCheckpoints() {
            return checkpoints != null;
        }

        @Override
        public void onCheckpoint(TrainingCheckpoint checkpoint) {
            Consumer<TrainingCheckpoint> sink = checkpoints;
            if (sink != null) {
                sink.accept(checkpoint);
            }
        }

        @Override
        public void onFinished(RunOutcome outcome) {
            synchronized (RunSession.this) {
                state = outcome.state();
                divergedEpoch = outcome.divergedEpoch();
                divergedBatch = outcome.divergedBatch();
            }
            publish(new RunEvent.Finished(outcome));
        }
    }
}
