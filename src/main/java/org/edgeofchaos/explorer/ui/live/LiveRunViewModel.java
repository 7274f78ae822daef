package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * The run in progress: start, pause/resume, stop and reset, the status bar's texts, and the live data the charts
 * draw. The training runs on the training executor; its listener only enqueues immutable records, and
 * {@link #drain()} (called by the view at most about 25 times a second) applies them on the FX thread in one batch.
 *
 * <p>Other views (the phase diagram) subscribe to finished epochs through {@link #epochs()} or
 * {@link #addEpochListener(Consumer)}; both are cleared/notified on the FX thread.
 */
public final class LiveRunViewModel {
    /** About this many training-loss samples per epoch. */
    static final int SAMPLES_PER_EPOCH = 60;

    private final TrainingService service;
    private final RunStore store;
    private final TaskExecutor trainingExecutor;
    private final DialogService dialogs;
    private final ControlsViewModel controls;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final List<Consumer<EpochMetrics>> epochListeners = new CopyOnWriteArrayList<>();

    private final SimpleObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final SimpleBooleanProperty active = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(false);
    private final SimpleStringProperty statusText = new SimpleStringProperty("Ready");
    private final SimpleStringProperty progressText = new SimpleStringProperty("");
    private final SimpleStringProperty etaText = new SimpleStringProperty("");
    private final SimpleStringProperty rateText = new SimpleStringProperty("");
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(0);
    private final SimpleDoubleProperty samplesPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final SimpleLongProperty dataVersion = new SimpleLongProperty(0);
    private final SimpleObjectProperty<RunData> run = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Path> runFile = new SimpleObjectProperty<>();
    private final SimpleDoubleProperty longestStallMillis = new SimpleDoubleProperty(0);
    private final SimpleDoubleProperty longestDrainMillis = new SimpleDoubleProperty(0);
    private final ObservableList<EpochMetrics> epochs = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> readOnlyEpochs = FXCollections.unmodifiableObservableList(epochs);

    private TrainingControl control;
    private RunRequest request;
    private boolean saveErrorShown;
    private double runningSeconds;
    private long lastDrainNanos;

    public LiveRunViewModel(TrainingService service, RunStore store, TaskExecutor trainingExecutor,
            DialogService dialogs, ControlsViewModel controls) {
        this.service = service;
        this.store = store;
        this.trainingExecutor = trainingExecutor;
        this.dialogs = dialogs;
        this.controls = controls;
        controls.committedHyperparametersProperty().addListener((obs, o, n) -> requestChange(n));
    }

    // ---- commands ----

    /** Starts a run with the panel's settings; refused (with the reason at the field) when one is invalid. */
    public boolean start() {
        if (active.get()) {
            return false;
        }
        Optional<RunRequest> validated = controls.validatedRequest();
        if (validated.isEmpty()) {
            statusText.set("Cannot start: " + firstError());
            return false;
        }
        request = validated.get();
        Hyperparameters hp = request.hyperparameters();
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        queue.clear();
        epochs.clear();
        run.set(new RunData("live", hp, request.trainSize()));
        runFile.set(null);
        saveErrorShown = false;
        runningSeconds = 0;
        lastDrainNanos = 0;
        progress.set(0);
        samplesPerSecond.set(Double.NaN);
        progressText.set("");
        etaText.set("");
        rateText.set("");
        longestStallMillis.set(0);
        longestDrainMillis.set(0);
        active.set(true);
        loading.set(true);
        controls.setRunning(true);
        state.set(RunState.IDLE);
        statusText.set("Loading the data set…");
        dataVersion.set(dataVersion.get() + 1);
        RunRequest runRequest = request;
        trainingExecutor.execute(BackgroundTask.wrap(() -> train(runRequest, runControl))
                .onSuccess(this::finished)
                .onFailure(this::failed));
        return true;
    }

    /** Runs on the training thread. */
    private RunOutcome train(RunRequest runRequest, TrainingControl runControl) throws Exception {
        TrainingService.PreparedRun prepared = service.prepare(runRequest);
        if (runControl.isStopRequested()) {
            return null;
        }
        RunRecorder recorder = RunRecorder.into(store, runRequest.hyperparameters(), prepared.datasetInfo(),
                error -> queue.add(new LiveEvent.SaveFailed(error.getMessage())));
        queue.add(new LiveEvent.Started(prepared.datasetInfo(), recorder.file()));
        int batches = (int) Math.ceil((double) prepared.datasetInfo().trainSize()
                / runRequest.hyperparameters().batchSize());
        int interval = Math.max(1, batches / SAMPLES_PER_EPOCH);
        return prepared.execute(runRequest.hyperparameters(), runControl, new QueueingListener(queue, recorder),
                interval);
    }

    public void togglePause() {
        if (control == null || !active.get() || loading.get()) {
            return;
        }
        if (control.isPaused()) {
            resume();
        } else {
            pause();
        }
    }

    public void pause() {
        if (control != null && active.get()) {
            control.pause();
            statusText.set("Pausing…");
        }
    }

    public void resume() {
        if (control != null && active.get()) {
            control.resume();
        }
    }

    /** Ends the run after the current mini-batch; the finished epochs are kept and saved. */
    public void stop() {
        if (control != null && active.get()) {
            control.stop();
            statusText.set("Stopping…");
        }
    }

    /** Stops a running run and clears the live charts and the status. */
    public void reset() {
        stop();
        if (!active.get()) {
            clear();
        } else {
            resetRequested = true;
        }
    }

    private boolean resetRequested;

    private void clear() {
        resetRequested = false;
        queue.clear();
        epochs.clear();
        run.set(null);
        state.set(RunState.IDLE);
        statusText.set("Ready");
        progressText.set("");
        etaText.set("");
        rateText.set("");
        progress.set(0);
        dataVersion.set(dataVersion.get() + 1);
    }

    private void requestChange(Hyperparameters hp) {
        if (control == null || !active.get() || hp == null) {
            return;
        }
        try {
            control.requestHyperparameters(hp);
        } catch (InvalidSettingException e) {
            controls.setting(optionToId(e.option())).ifPresent(s -> s.reject(e.getMessage()));
        }
    }

    private static String optionToId(String option) {
        return switch (option) {
            case "--lr" -> "learningRate";
            case "--momentum" -> "momentum";
            case "--batch" -> "batchSize";
            default -> "weightDecay";
        };
    }

    // ---- the FX side of the queue ----

    /**
     * Applies everything queued since the last call in one batch; returns true when the charts need redrawing.
     * Called on the FX thread by the view's pulse timer (and by tests).
     */
    public boolean drain() {
        long now = System.nanoTime();
        if (lastDrainNanos != 0 && state.get() == RunState.RUNNING) {
            runningSeconds += (now - lastDrainNanos) / 1e9;
        }
        lastDrainNanos = now;
        RunData data = run.get();
        boolean changed = false;
        BatchProgress lastProgress = null;
        Object item;
        while ((item = queue.poll()) != null) {
            if (data == null) {
                continue;
            }
            changed = true;
            if (item instanceof BatchProgress p) {
                data.progress().add(p);
                lastProgress = p;
            } else if (item instanceof EpochMetrics m) {
                data.epochs().add(m);
                epochs.add(m);
                for (Consumer<EpochMetrics> l : epochListeners) {
                    l.accept(m);
                }
            } else if (item instanceof HyperparameterChange c) {
                data.changes().add(c);
            } else if (item instanceof RunState s) {
                onState(s, data);
            } else if (item instanceof RunOutcome o) {
                data.setState(o.state(), o.divergedEpoch());
            } else if (item instanceof LiveEvent.Started started) {
                loading.set(false);
                data.setTrainSize(started.dataset().trainSize());
                runFile.set(started.file());
            } else if (item instanceof LiveEvent.SaveFailed failed) {
                if (!saveErrorShown) {
                    saveErrorShown = true;
                    dialogs.showError("Cannot save the run",
                            failed.message() + "\n\nTraining goes on, but this run will not be in the history.");
                }
            }
        }
        if (lastProgress != null) {
            updateProgress(lastProgress);
        }
        if (changed) {
            dataVersion.set(dataVersion.get() + 1);
        }
        long took = System.nanoTime() - now;
        if (took / 1e6 > longestDrainMillis.get()) {
            longestDrainMillis.set(took / 1e6);
        }
        return changed;
    }

    private void onState(RunState s, RunData data) {
        state.set(s);
        data.setState(s, data.divergedEpoch());
        switch (s) {
            case RUNNING -> statusText.set("Running");
            case PAUSED -> statusText.set("Paused");
            default -> {
                // terminal states are described when the task ends
            }
        }
    }

    private void updateProgress(BatchProgress p) {
        int totalEpochs = request.hyperparameters().epochs();
        double done = p.epochPosition() / totalEpochs;
        progress.set(Math.min(1, done));
        samplesPerSecond.set(p.samplesPerSecond());
        progressText.set("Epoch " + p.epoch() + "/" + totalEpochs + " · batch " + p.batch() + "/"
                + p.batchesInEpoch());
        rateText.set(Formats.rate(p.samplesPerSecond()));
        if (done > 0 && runningSeconds > 0) {
            etaText.set("ETA " + Formats.duration(runningSeconds * (1 - done) / done));
        }
    }

    /** Frame timing from the view's pulse timer: the longest gap between two frames is the longest FX stall. */
    public void recordFrameGap(double millis) {
        if (millis > longestStallMillis.get()) {
            longestStallMillis.set(millis);
        }
    }

    private void finished(RunOutcome outcome) {
        drain();
        loading.set(false);
        active.set(false);
        controls.setRunning(false);
        if (resetRequested) {
            clear();
            return;
        }
        if (outcome == null) {
            state.set(RunState.STOPPED);
            statusText.set("Stopped before training began");
            return;
        }
        RunData data = run.get();
        if (data != null) {
            data.setState(outcome.state(), outcome.divergedEpoch());
        }
        state.set(outcome.state());
        EpochMetrics last = outcome.lastEpoch();
        double best = outcome.epochs().stream().filter(e -> !e.diverged()).mapToDouble(EpochMetrics::testAccuracy)
                .filter(Double::isFinite).max().orElse(Double.NaN);
        String bestText = Double.isFinite(best) ? "; best test accuracy " + Formats.percent(best) : "";
        switch (outcome.state()) {
            case DIVERGED -> statusText.set("Diverged at epoch " + outcome.divergedEpoch() + " (mini-batch "
                    + outcome.divergedBatch() + "): the loss became NaN or infinite" + bestText);
            case FINISHED -> {
                statusText.set("Finished " + outcome.epochs().size() + " epochs" + bestText);
                progress.set(1);
            }
            case STOPPED -> statusText.set("Stopped after " + (last == null ? 0 : last.epoch()) + " epochs"
                    + bestText);
            default -> statusText.set(outcome.state().label());
        }
        etaText.set("");
        dataVersion.set(dataVersion.get() + 1);
    }

    private void failed(Throwable error) {
        queue.clear();
        loading.set(false);
        active.set(false);
        controls.setRunning(false);
        state.set(RunState.IDLE);
        String message = describe(error);
        statusText.set("Could not run: " + message);
        dialogs.showError("Cannot run the training", message);
        if (resetRequested) {
            clear();
        }
    }

    /** A one-line description for the user; never a stack trace. */
    static String describe(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && (e.getMessage() == null || e instanceof RuntimeException
                && e.getMessage().startsWith(e.getCause().getClass().getName()))) {
            e = e.getCause();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory (" + message + "); try fewer training images or 14x14 inputs";
        }
        return message;
    }

    private String firstError() {
        return controls.trainingSettings().stream().filter(s -> !s.errorProperty().get().isEmpty())
                .map(s -> s.label() + ": " + s.errorProperty().get()).findFirst()
                .orElse(controls.setupSettings().stream().filter(s -> !s.errorProperty().get().isEmpty())
                        .map(s -> s.label() + ": " + s.errorProperty().get()).findFirst().orElse("invalid settings"));
    }

    // ---- subscriptions for other views ----

    /** Finished epochs of the current run, appended on the FX thread; cleared when a run starts. */
    public ObservableList<EpochMetrics> epochs() {
        return readOnlyEpochs;
    }

    /** Called on the FX thread for every finished epoch of a live run. */
    public void addEpochListener(Consumer<EpochMetrics> listener) {
        epochListeners.add(listener);
    }

    public void removeEpochListener(Consumer<EpochMetrics> listener) {
        epochListeners.remove(listener);
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    /** From start until the run's task has ended (includes loading the data). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText;
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText;
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyDoubleProperty samplesPerSecondProperty() {
        return samplesPerSecond;
    }

    /** Incremented whenever the live data changed; the charts redraw on it. */
    public ReadOnlyLongProperty dataVersionProperty() {
        return dataVersion;
    }

    /** The live run's data (FX thread only), or null before the first run / after reset. */
    public ReadOnlyObjectProperty<RunData> runProperty() {
        return run;
    }

    /** Where the current run is saved, once its data is loaded. */
    public ReadOnlyObjectProperty<Path> runFileProperty() {
        return runFile;
    }

    /** The longest gap between two FX frames during this run, in ms. */
    public ReadOnlyDoubleProperty longestStallMillisProperty() {
        return longestStallMillis;
    }

    /** The longest single drain of the queue during this run, in ms. */
    public ReadOnlyDoubleProperty longestDrainMillisProperty() {
        return longestDrainMillis;
    }

    /** Stops the run and lets the training thread end; called when the window closes. */
    public void shutdown() {
        if (control != null) {
            control.stop();
        }
    }
}
