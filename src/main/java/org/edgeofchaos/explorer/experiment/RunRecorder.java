package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * Builds the {@link RunRecord} of a run as it goes and, if given a file, saves it atomically after every epoch,
 * on every change of state and at the end, with a checkpoint beside it after every epoch: a crash or a stop keeps
 * the finished epochs, and the run can be continued ({@link TrainingRun#resume}).
 *
 * <p>Nothing is written before the first finished epoch (a run started and stopped at once leaves no file) unless
 * {@link #saveNow()} asks for it. While it records into a file the recorder holds the file's {@link RunLock}, so a
 * second writer is refused; it lets go when the run finishes or on {@link #close()}. A failed save does not stop the
 * run: it goes to the error consumer with the real I/O reason, {@link #saveStatus()} says the run is not saved,
 * the next epoch tries again, and {@link #relocate} saves everything elsewhere.
 */
public final class RunRecorder implements TrainingListener, AutoCloseable {
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String id;
    private final String createdAt;
    private Hyperparameters hyperparameters;
    private final DatasetInfo dataset;
    private final Consumer<Exception> saveErrors;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<BatchProgress> progress = new ArrayList<>();
    private final List<HyperparameterChange> changes = new ArrayList<>();
    private RunState state = RunState.IDLE;
    private int divergedEpoch;
    private int divergedBatch;
    private Path file;
    private RunLock lock;
    private boolean keepEmpty;
    private TrainingCheckpoint lastCheckpoint;
    private int savedEpochs = -1;
    private int checkpointEpoch;
    private IOException lastError;

    /**
     * What is on disk: whether the last save worked, how many epochs the file holds and which epoch the checkpoint
     * continues from.
     *
     * @param savedEpochs     epochs in the saved file, or -1 if nothing has been written yet
     * @param checkpointEpoch the epoch a resume would continue after (0: no checkpoint yet)
     * @param lastError       the reason the last save failed, or null if it worked
     */
    public record SaveStatus(Path file, int savedEpochs, int checkpointEpoch, IOException lastError) {
        /** The file holds the run as recorded so far (or nothing needed saving yet). */
        public boolean saved() {
            return lastError == null;
        }
    }

    /**
     * @param id         the run's id, see {@link #newId()}
     * @param file       where to save, or null to keep the record in memory only
     * @param saveErrors receives a failed save (the run goes on; the caller decides how to tell the user)
     * @throws RunLock.LockedException if another process is writing that file
     * @throws IOException             if the file's lock cannot be created (e.g. a read-only folder)
     */
    public RunRecorder(String id, Hyperparameters hyperparameters, DatasetInfo dataset, Path file,
            Consumer<Exception> saveErrors) throws IOException {
        this(id, Instant.now().toString(), hyperparameters, dataset, file, saveErrors);
    }

    private RunRecorder(String id, String createdAt, Hyperparameters hyperparameters, DatasetInfo dataset,
            Path file, Consumer<Exception> saveErrors) throws IOException {
        this.id = id;
        this.createdAt = createdAt;
        this.hyperparameters = hyperparameters;
        this.dataset = dataset;
        this.file = file;
        this.saveErrors = saveErrors;
        this.lock = file == null ? null : RunLock.acquire(file);
    }

    /** A recorder that saves into a run store, under a new id. */
    public static RunRecorder into(RunStore store, Hyperparameters hyperparameters, DatasetInfo dataset,
            Consumer<Exception> saveErrors) throws IOException {
        String id = newId();
        return new RunRecorder(id, hyperparameters, dataset, store.fileOf(id), saveErrors);
    }

    /**
     * A recorder that continues a saved run in its file: same id and start time, the saved epochs, loss samples
     * and changes up to the checkpoint's epoch (later ones will be trained again), the total epochs raised or
     * lowered to {@code epochs}.
     */
    public static RunRecorder continuing(RunRecord saved, TrainingCheckpoint checkpoint, int epochs, Path file,
            Consumer<Exception> saveErrors) throws IOException {
        RunRecorder r = new RunRecorder(saved.id(), saved.createdAt(), saved.hyperparameters().withEpochs(epochs),
                saved.dataset(), file, saveErrors);
        int done = checkpoint.epoch();
        saved.epochs().stream().filter(e -> e.epoch() <= done).forEach(r.epochs::add);
        saved.progress().stream().filter(p -> p.epoch() <= done).forEach(r.progress::add);
        saved.changes().stream().filter(c -> c.epoch() <= done).forEach(r.changes::add);
        r.lastCheckpoint = checkpoint;
        r.checkpointEpoch = done;
        return r;
    }

    /** Sortable by start time, unique enough for one user's folder. */
    public static String newId() {
        return "run-" + ID_FORMAT.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    public String id() {
        return id;
    }

    public synchronized Path file() {
        return file;
    }

    public synchronized RunRecord snapshot() {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, state, hyperparameters, dataset, epochs,
                progress, changes, divergedEpoch, divergedBatch);
    }

    public synchronized SaveStatus saveStatus() {
        return new SaveStatus(file, savedEpochs, checkpointEpoch, lastError);
    }

    @Override
    public void onStateChanged(RunState newState) {
        synchronized (this) {
            state = newState;
        }
        if (newState != RunState.PAUSED && newState != RunState.RUNNING) {
            return;
        }
        save();
    }

    @Override
    public synchronized void onProgress(BatchProgress sample) {
        progress.add(sample);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        synchronized (this) {
            epochs.add(metrics);
        }
        save();
    }

    @Override
    public synchronized boolean wantsCheckpoints() {
        return file != null;
    }

    @Override
    public void onCheckpoint(TrainingCheckpoint checkpoint) {
        Path target;
        synchronized (this) {
            lastCheckpoint = checkpoint;
            target = file;
        }
        if (target == null) {
            return;
        }
        try {
            CheckpointFiles.write(CheckpointFiles.of(target), id, checkpoint);
            synchronized (this) {
                checkpointEpoch = checkpoint.epoch();
            }
        } catch (AtomicFiles.WriteException e) {
            failed(e);
        }
    }

    @Override
    public synchronized void onHyperparameterChange(HyperparameterChange change) {
        changes.add(change);
    }

    @Override
    public void onFinished(RunOutcome outcome) {
        synchronized (this) {
            state = outcome.state();
            divergedEpoch = outcome.divergedEpoch();
            divergedBatch = outcome.divergedBatch();
        }
        save();
        close();
    }

    /**
     * Writes the run now, even before its first finished epoch (when the user asks to keep the loss samples of a
     * run stopped early); from then on it is saved like any other.
     */
    public SaveStatus saveNow() {
        synchronized (this) {
            keepEmpty = true;
        }
        save();
        return saveStatus();
    }

    /**
     * Saves the run, and its last checkpoint, into another file and keeps saving there (after a save failed, e.g.
     * on a full disk). The old file is left as it is.
     *
     * @throws IOException with the reason if the new place cannot be written or another process holds it
     */
    public void relocate(Path newFile) throws IOException {
        RunLock newLock = RunLock.acquire(newFile);
        RunRecord snap;
        TrainingCheckpoint checkpoint;
        synchronized (this) {
            snap = snapshot();
            checkpoint = lastCheckpoint;
        }
        try {
            RunFiles.write(newFile, snap);
            if (checkpoint != null) {
                CheckpointFiles.write(CheckpointFiles.of(newFile), id, checkpoint);
            }
        } catch (IOException e) {
            newLock.close();
            throw e;
        }
        RunLock old;
        synchronized (this) {
            old = lock;
            lock = state.isTerminal() ? null : newLock;
            file = newFile;
            keepEmpty = true;
            savedEpochs = snap.epochs().size();
            checkpointEpoch = checkpoint == null ? 0 : checkpoint.epoch();
            lastError = null;
        }
        if (old != null) {
            old.close();
        }
        if (state.isTerminal()) {
            newLock.close();
        }
    }

    private void save() {
        Path target;
        RunRecord snap;
        synchronized (this) {
            target = file;
            if (target == null || epochs.isEmpty() && !keepEmpty) {
                return;
            }
            snap = snapshot();
        }
        try {
            RunFiles.write(target, snap);
            synchronized (this) {
                savedEpochs = snap.epochs().size();
                lastError = null;
            }
        } catch (AtomicFiles.WriteException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        synchronized (this) {
            lastError = e;
        }
        saveErrors.accept(e);
    }

    /** Lets go of the file's lock (done by itself when the run finishes). */
    @Override
    public void close() {
        RunLock held;
        synchronized (this) {
            held = lock;
            lock = null;
        }
        if (held != null) {
            held.close();
        }
    }
}
