package org.edgeofchaos.explorer.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingCheckpoint;

/**
 * Saves a {@link RunSession} as it goes: atomically after every epoch, on every change of state and at the end,
 * with a checkpoint beside it after every epoch, so a crash or a stop keeps the finished epochs and the run can be
 * continued ({@link TrainingRun#resume}). It holds no copy of the run's data: it writes the session's snapshot,
 * and reports each write back to the session ({@link RunEvent.Saved}, {@link RunEvent.SaveFailed} with the real
 * I/O reason), so that every observer of the run learns of a failed save.
 *
 * <p>Nothing is written before the first finished epoch (a run started and stopped at once leaves no file) unless
 * {@link #saveNow()} asks for it. While it records into a file the recorder holds the file's {@link RunLock}, so a
 * second writer is refused; it lets go when the run finishes or on {@link #close()}. A failed save does not stop the
 * run: {@link #saveStatus()} says the run is not saved, the next epoch tries again, and {@link #relocate} saves
 * everything elsewhere.
 */
public final class RunRecorder implements Consumer<RunEvent>, RunEvent.Handler, AutoCloseable {
    private final RunSession session;
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

    private RunRecorder(RunSession session, Path file, TrainingCheckpoint resumedFrom) throws IOException {
        this.session = Objects.requireNonNull(session, "session");
        this.file = Objects.requireNonNull(file, "file");
        RunLock acquired;
        try {
            acquired = RunLock.acquire(file);
        } catch (RunLock.LockedException another) {
            throw another;
        } catch (IOException unwritable) {
            // The folder cannot be written (read-only, full, gone): record without a lock; the first save fails
            // with the reason and is reported, and the user can save elsewhere. Nothing trained is lost.
            acquired = null;
        }
        this.lock = acquired;
        if (resumedFrom != null) {
            lastCheckpoint = resumedFrom;
            checkpointEpoch = resumedFrom.epoch();
        }
    }

    /**
     * Starts saving the session into {@code file}, holding the file's lock.
     *
     * @throws RunLock.LockedException if another process is writing that file (a folder that cannot be written
     *                                 is not refused here: its first save fails and is reported)
     */
    public static RunRecorder attach(RunSession session, Path file) throws IOException {
        return attach(session, file, null);
    }

    /** As {@link #attach(RunSession, Path)} for a continued run, whose checkpoint so far is {@code resumedFrom}. */
    public static RunRecorder attach(RunSession session, Path file, TrainingCheckpoint resumedFrom)
            throws IOException {
        RunRecorder recorder = new RunRecorder(session, file, resumedFrom);
        session.observe(recorder);
        session.keepCheckpoints(recorder::checkpoint);
        return recorder;
    }

    /** Starts saving the session into a run store, under the session's id. */
    public static RunRecorder attach(RunSession session, RunStore store) throws IOException {
        return attach(session, store.fileOf(session.id()));
    }

    public String id() {
        return session.id();
    }

    public synchronized Path file() {
        return file;
    }

    public RunRecord snapshot() {
        return session.snapshot();
    }

    public synchronized SaveStatus saveStatus() {
        return new SaveStatus(file, savedEpochs, checkpointEpoch, lastError);
    }

    @Override
    public void accept(RunEvent event) {
        event.applyTo(this);
    }

    @Override
    public void started(String runId, Hyperparameters hyperparameters, DatasetInfo dataset) {
        // nothing to save before the first epoch
    }

    @Override
    public void stateChanged(RunState state) {
        if (state == RunState.PAUSED || state == RunState.RUNNING) {
            save(); // a paused run may be left paused for a long time
        }
    }

    @Override
    public void progress(BatchProgress sample) {
        // saved with the next epoch
    }

    @Override
    public void epochFinished(EpochMetrics metrics) {
        save();
    }

    @Override
    public void changed(HyperparameterChange change) {
        // saved with the next epoch
    }

    @Override
    public void finished(RunOutcome outcome) {
        save();
        close();
    }

    @Override
    public void saved(Path savedFile) {
        // our own report
    }

    @Override
    public void saveFailed(Path failedFile, String reason) {
        // our own report
    }

    /** After every finished epoch: the state a resume continues from, written beside the run file. */
    private void checkpoint(TrainingCheckpoint checkpoint) {
        Path target;
        synchronized (this) {
            lastCheckpoint = checkpoint;
            target = file;
        }
        try {
            CheckpointFiles.write(CheckpointFiles.of(target), session.id(), checkpoint);
            synchronized (this) {
                checkpointEpoch = checkpoint.epoch();
            }
        } catch (AtomicFiles.WriteException e) {
            failed(target, e);
        }
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
     * on a full disk). The old file is left as it is. Any thread.
     *
     * @throws IOException with the reason if the new place cannot be written or another process holds it
     */
    public void relocate(Path newFile) throws IOException {
        RunLock newLock = RunLock.acquire(newFile);
        RunRecord snap = session.snapshot();
        TrainingCheckpoint checkpoint;
        synchronized (this) {
            checkpoint = lastCheckpoint;
        }
        try {
            RunFiles.write(newFile, snap);
            if (checkpoint != null) {
                CheckpointFiles.write(CheckpointFiles.of(newFile), session.id(), checkpoint);
            }
        } catch (IOException e) {
            newLock.close();
            throw e;
        }
        boolean terminal = snap.state() != null && snap.state().isTerminal();
        RunLock old;
        synchronized (this) {
            old = lock;
            lock = terminal ? null : newLock;
            file = newFile;
            keepEmpty = true;
            savedEpochs = snap.epochs().size();
            checkpointEpoch = checkpoint == null ? 0 : checkpoint.epoch();
            lastError = null;
        }
        if (old != null) {
            old.close();
        }
        if (terminal) {
            newLock.close();
        }
        session.reportSaved(newFile);
    }

    private void save() {
        Path target;
        RunRecord snap = session.snapshot();
        synchronized (this) {
            target = file;
            if (snap.epochs().isEmpty() && !keepEmpty) {
                return;
            }
        }
        try {
            RunFiles.write(target, snap);
            synchronized (this) {
                savedEpochs = snap.epochs().size();
                lastError = null;
            }
        } catch (AtomicFiles.WriteException e) {
            failed(target, e);
            return;
        }
        session.reportSaved(target);
    }

    private void failed(Path target, IOException e) {
        synchronized (this) {
            lastError = e;
        }
        session.reportSaveFailed(target, e.getMessage());
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
