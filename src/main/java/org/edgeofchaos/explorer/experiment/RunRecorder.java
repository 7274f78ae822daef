package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;

/**
 * Saves a {@link RunSession} as it goes: atomically after every epoch, on pause and at the end, so that a crash
 * or a stop keeps the finished epochs. A run with no finished epoch is not written (a Start followed by Stop leaves
 * no empty run behind). Holds no data of its own: it writes the session's snapshot and reports the outcome of each
 * write back to the session ({@link RunEvent.Saved}, {@link RunEvent.SaveFailed}), so that every observer learns
 * of a failed save.
 */
public final class RunRecorder implements Consumer<RunEvent>, RunEvent.Handler {
    private final RunSession session;
    private volatile Path file;

    private RunRecorder(RunSession session, Path file) {
        this.session = Objects.requireNonNull(session, "session");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Starts saving the session into {@code file}. */
    public static RunRecorder attach(RunSession session, Path file) {
        RunRecorder recorder = new RunRecorder(session, file);
        session.observe(recorder);
        return recorder;
    }

    /** Starts saving the session into a run store, under the session's id. */
    public static RunRecorder attach(RunSession session, RunStore store) {
        return attach(session, store.fileOf(session.id()));
    }

    public Path file() {
        return file;
    }

    /**
     * Saves into another file from now on and writes the run there at once (any thread; the user chose another
     * place after a failed save). Nothing already trained is lost: the whole run so far is written.
     *
     * @throws AtomicFiles.WriteException if the new place cannot be written either (the old one stays in use)
     */
    public synchronized void saveInto(Path newFile) throws AtomicFiles.WriteException {
        RunFiles.write(newFile, session.snapshot());
        file = newFile;
        session.reportSaved(newFile);
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
    public void epochFinished(EpochMetrics metrics) {
        save();
    }

    @Override
    public void finished(RunOutcome outcome) {
        save();
    }

    @Override
    public void stateChanged(RunState state) {
        if (state == RunState.PAUSED) {
            save(); // a paused run may be left paused for a long time
        }
    }

    @Override
    public void progress(BatchProgress sample) {
        // saved with the next epoch
    }

    @Override
    public void changed(HyperparameterChange change) {
        // saved with the next epoch
    }

    @Override
    public void saved(Path savedFile) {
        // our own report
    }

    @Override
    public void saveFailed(Path failedFile, String reason) {
        // our own report
    }

    private synchronized void save() {
        RunRecord record = session.snapshot();
        if (record.epochs().isEmpty()) {
            return;
        }
        Path target = file;
        try {
            RunFiles.write(target, record);
        } catch (AtomicFiles.WriteException e) {
            session.reportSaveFailed(target, e.getMessage());
            return;
        }
        session.reportSaved(target);
    }
}
