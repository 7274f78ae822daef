package org.edgeofchaos.explorer.experiment;

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
import org.edgeofchaos.explorer.training.TrainingListener;

/**
 * Builds the {@link RunRecord} of a run as it goes and, if given a file, saves it atomically after every epoch,
 * on every change of state and at the end: a crash or a stop keeps the finished epochs.
 */
public final class RunRecorder implements TrainingListener {
    private static final DateTimeFormatter ID_FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String id;
    private final String createdAt;
    private final Hyperparameters hyperparameters;
    private final DatasetInfo dataset;
    private final Path file;
    private final Consumer<Exception> saveErrors;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<BatchProgress> progress = new ArrayList<>();
    private final List<HyperparameterChange> changes = new ArrayList<>();
    private RunState state = RunState.IDLE;
    private int divergedEpoch;
    private int divergedBatch;

    /**
     * @param id         the run's id, see {@link #newId()}
     * @param file       where to save, or null to keep the record in memory only
     * @param saveErrors receives a failed save (the run goes on; the caller decides how to tell the user)
     */
    public RunRecorder(String id, Hyperparameters hyperparameters, DatasetInfo dataset, Path file,
            Consumer<Exception> saveErrors) {
        this.id = id;
        this.createdAt = Instant.now().toString();
        this.hyperparameters = hyperparameters;
        this.dataset = dataset;
        this.file = file;
        this.saveErrors = saveErrors;
    }

    /** A recorder that saves into a run store, under a new id. */
    public static RunRecorder into(RunStore store, Hyperparameters hyperparameters, DatasetInfo dataset,
            Consumer<Exception> saveErrors) {
        String id = newId();
        return new RunRecorder(id, hyperparameters, dataset, store.fileOf(id), saveErrors);
    }

    /** Sortable by start time, unique enough for one user's folder. */
    public static String newId() {
        return "run-" + ID_FORMAT.format(Instant.now()) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    public String id() {
        return id;
    }

    public Path file() {
        return file;
    }

    public synchronized RunRecord snapshot() {
        return new RunRecord(RunRecord.SCHEMA_VERSION, id, createdAt, state, hyperparameters, dataset, epochs,
                progress, changes, divergedEpoch, divergedBatch);
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
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            RunFiles.write(file, snapshot());
        } catch (AtomicFiles.WriteException e) {
            saveErrors.accept(e);
        }
    }
}
