package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunEvent;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.charts.RunData;

/**
 * The window's one model of the live run, and the only object that worker threads write to (the ChartFX contract).
 * A worker hands it the session's {@link RunEvent}s through {@link #feed()}, which only queues them; {@link #pulse()}
 * runs once per frame on the FX thread, applies every queued event through {@link RunEvent.Handler} (exhaustive: a
 * new kind of event does not compile until it is handled here) and then bumps {@link #versionProperty()} once, so
 * that many events cost one redraw. Every view model only observes this model.
 *
 * <p>The run's data is a {@link RunData}, the same type a saved run is shown as: to the views a live run is just a
 * run that grows.
 */
public final class LiveRunModel {
    /** One queued event and the run it belongs to: events of a run that was reset meanwhile are dropped. */
    private record Queued(RunData run, RunEvent event) {
    }

    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final SimpleObjectProperty<RunData> run = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
    private final SimpleObjectProperty<BatchProgress> latestProgress = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<RunOutcome> outcome = new SimpleObjectProperty<>();
    private final SimpleStringProperty runId = new SimpleStringProperty();
    private final SimpleObjectProperty<Path> savedFile = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<SaveFailure> saveFailure = new SimpleObjectProperty<>();
    private final SimpleLongProperty version = new SimpleLongProperty();
    private final ObservableList<EpochMetrics> epochs = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> readOnlyEpochs = FXCollections.unmodifiableObservableList(epochs);

    /** Why the live run could not be saved, and where it tried. */
    public record SaveFailure(Path file, String reason) {
    }

    /** Begins a new live run (FX thread): clears the previous one; its late events are dropped. */
    public void begin(Hyperparameters hyperparameters, int trainSize) {
        queue.clear();
        epochs.clear();
        run.set(new RunData("live", hyperparameters, trainSize));
        state.set(RunState.IDLE);
        loading.set(true);
        latestProgress.set(null);
        outcome.set(null);
        runId.set(null);
        savedFile.set(null);
        saveFailure.set(null);
        bump();
    }

    /** Begins the continuation of a saved run (FX thread): its curves so far are shown, new epochs add to them. */
    public void begin(RunRecord saved) {
        begin(saved.hyperparameters(), saved.dataset() != null ? saved.dataset().trainSize() : 0);
        RunData data = RunData.of(saved, "live");
        RunData fresh = run.get();
        fresh.progress().addAll(data.progress());
        fresh.epochs().addAll(data.epochs());
        fresh.changes().addAll(data.changes());
        epochs.addAll(data.epochs());
        bump();
    }

    /** Forgets the live run (FX thread). */
    public void clear() {
        queue.clear();
        epochs.clear();
        run.set(null);
        state.set(RunState.IDLE);
        loading.set(false);
        latestProgress.set(null);
        outcome.set(null);
        runId.set(null);
        savedFile.set(null);
        saveFailure.set(null);
        bump();
    }

    /**
     * The observer to attach to the current run's session (call on the FX thread after {@link #begin}); it may be
     * called from any thread and only queues.
     */
    public Consumer<RunEvent> feed() {
        RunData target = run.get();
        return event -> queue.add(new Queued(target, event));
    }

    /** Marks the end of loading when the run's task ended without training (FX thread). */
    public void loadingEnded() {
        loading.set(false);
    }

    /**
     * Applies everything queued since the last pulse (FX thread); returns true if anything changed. Called once per
     * frame by {@link FramePump}, and directly by tests.
     */
    public boolean pulse() {
        RunData target = run.get();
        boolean changed = false;
        Queued item;
        while ((item = queue.poll()) != null) {
            if (item.run() != target || target == null) {
                continue;
            }
            item.event().applyTo(new Apply(target));
            changed = true;
        }
        if (changed) {
            bump();
        }
        return changed;
    }

    private void bump() {
        version.set(version.get() + 1);
    }

    /** Writes one event into the run's data and this model's properties. */
    private final class Apply implements RunEvent.Handler {
        private final RunData data;

        Apply(RunData data) {
            this.data = data;
        }

        @Override
        public void started(String id, Hyperparameters hyperparameters, DatasetInfo dataset) {
            loading.set(false);
            runId.set(id);
            if (dataset != null) {
                data.setTrainSize(dataset.trainSize());
            }
        }

        @Override
        public void stateChanged(RunState newState) {
            data.setState(newState, data.divergedEpoch());
            state.set(newState);
        }

        @Override
        public void progress(BatchProgress sample) {
            data.progress().add(sample);
            latestProgress.set(sample);
        }

        @Override
        public void epochFinished(EpochMetrics metrics) {
            data.epochs().add(metrics);
            epochs.add(metrics);
        }

        @Override
        public void changed(HyperparameterChange change) {
            data.changes().add(change);
        }

        @Override
        public void finished(RunOutcome result) {
            data.setState(result.state(), result.divergedEpoch());
            state.set(result.state());
            outcome.set(result);
        }

        @Override
        public void saved(Path file) {
            savedFile.set(file);
            saveFailure.set(null); // a later save worked: nothing is lost any more
        }

        @Override
        public void saveFailed(Path file, String reason) {
            saveFailure.set(new SaveFailure(file, reason));
        }
    }

    // ---- what view models observe ----

    /** The live run's data, or null before the first run / after a reset. */
    public ReadOnlyObjectProperty<RunData> runProperty() {
        return run;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    /** From {@link #begin} until the session starts training (the data set is being read). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** The most recent loss sample (once per pulse at most). */
    public ReadOnlyObjectProperty<BatchProgress> latestProgressProperty() {
        return latestProgress;
    }

    /** How the run ended; null while it runs. */
    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome;
    }

    /** The session's id once training began. */
    public ReadOnlyStringProperty runIdProperty() {
        return runId;
    }

    /** Where the run was last saved, null until its first epoch is saved. */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile;
    }

    /** The last failed save of this run if no save has worked since (it goes on training unsaved), or null. */
    public ReadOnlyObjectProperty<SaveFailure> saveFailureProperty() {
        return saveFailure;
    }

    /** Finished epochs of the live run, appended once per pulse; cleared when a run begins. */
    public ObservableList<EpochMetrics> epochs() {
        return readOnlyEpochs;
    }

    /** Bumped once per pulse in which the live data changed; charts redraw on it. */
    public ReadOnlyLongProperty versionProperty() {
        return version;
    }
}
