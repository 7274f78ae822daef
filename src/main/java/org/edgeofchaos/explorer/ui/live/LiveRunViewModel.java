package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.InvalidSettingException;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.Formats;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * The commands of a run (start, pause/resume, stop, reset, save elsewhere) and the status bar's texts. It starts
 * the session on the training executor with the {@link LiveRunModel} and the recorder as its observers, and then
 * only observes the model: it never touches the run's data.
 */
public final class LiveRunViewModel {
    /** About this many training-loss samples per epoch. */
    static final int SAMPLES_PER_EPOCH = 60;

    private final LiveRunModel model;
    private final TrainingService service;
    private final RunStore store;
    private final TaskExecutor trainingExecutor;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final ControlsViewModel controls;

    private final SimpleBooleanProperty active = new SimpleBooleanProperty(false);
    private final SimpleStringProperty stateText = new SimpleStringProperty(RunState.IDLE.name());
    private final SimpleStringProperty statusText = new SimpleStringProperty("Ready");
    /** Why the training executor is taken by other work (a sweep), or null: runs are refused meanwhile. */
    private String trainingTakenBy;
    private final SimpleStringProperty progressText = new SimpleStringProperty("");
    private final SimpleStringProperty etaText = new SimpleStringProperty("");
    private final SimpleStringProperty rateText = new SimpleStringProperty("");
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(0);

    private TrainingControl control;
    private RunRequest request;
    private volatile RunRecorder recorder;
    private boolean resetRequested;
    private double runningSeconds;
    private long lastProgressNanos;

    public LiveRunViewModel(LiveRunModel model, TrainingService service, RunStore store, TaskExecutor training,
            TaskExecutor files, DialogService dialogs, ControlsViewModel controls) {
        this.model = model;
        this.service = service;
        this.store = store;
        this.trainingExecutor = training;
        this.files = files;
        this.dialogs = dialogs;
        this.controls = controls;
        controls.committedHyperparametersProperty().addListener((obs, o, n) -> requestChange(n));
        // Still IDLE after the data set is loaded, while the run is set up: that is part of starting, not idling.
        stateText.bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.loadingProperty().get()
                || active.get() && model.stateProperty().get() == RunState.IDLE ? "LOADING"
                : model.stateProperty().get().name(), model.loadingProperty(), model.stateProperty(), active));
        model.stateProperty().addListener((obs, o, n) -> onState(n));
        model.latestProgressProperty().addListener((obs, o, n) -> {
            if (n != null) {
                updateProgress(n);
            }
        });
    }

    // ---- commands ----

    /** Starts a run with the panel's settings; refused (with the reason at the field) when one is invalid. */
    public boolean start() {
        if (active.get() || refusedWhileTaken()) {
            return false;
        }
        Optional<RunRequest> validated = controls.validatedRequest();
        if (validated.isEmpty()) {
            statusText.set("Cannot start: " + controls.firstError());
            return false;
        }
        request = validated.get();
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        resetStatus();
        model.begin(request.hyperparameters(), request.trainSize());
        RunRequest runRequest = request;
        launch(runControl, () -> service.prepare(runRequest));
        return true;
    }

    /**
     * Continues a saved run that was stopped or interrupted (or extends a finished one to the panel's number of
     * epochs) from its last checkpoint, in its own file; its curves so far stay on the charts.
     */
    public boolean continueRun(RunRecord saved, Path file) {
        if (active.get() || saved == null || saved.state() == null || !saved.state().canContinue()
                || refusedWhileTaken()) {
            return false;
        }
        int epochs = saved.state() == RunState.FINISHED ? controls.epochs().getInt() : 0;
        TrainingControl runControl = new TrainingControl();
        control = runControl;
        resetStatus();
        model.begin(saved);
        launch(runControl, () -> service.prepareContinuation(file, epochs));
        return true;
    }

    /**
     * Another feature holds the training executor (the Sweeps tab while a sweep trains): a run started now would
     * wait behind it, so it is refused with this reason in the status line until {@code null} is set again.
     */
    public void setTrainingTakenBy(String reason) {
        trainingTakenBy = reason;
        if (reason == null && statusText.get().startsWith("Cannot start: ")) {
            statusText.set("Ready");
        }
    }

    private boolean refusedWhileTaken() {
        if (trainingTakenBy == null) {
            return false;
        }
        statusText.set("Cannot start: " + trainingTakenBy);
        return true;
    }

    /** Runs the prepared run's session on the training executor, fed into the live model and saved. */
    private void launch(TrainingControl runControl, java.util.concurrent.Callable<TrainingService.PreparedRun> prepare) {
        active.set(true);
        controls.setRunning(true);
        statusText.set("Loading the data set…");
        var feed = model.feed();
        trainingExecutor.execute(BackgroundTask.wrap(() -> {
            TrainingService.PreparedRun prepared = prepare.call();
            if (runControl.isStopRequested()) {
                return null;
            }
            RunSession session = prepared.newSession(runControl);
            session.observe(feed);
            recorder = prepared.record(session, store);
            Hyperparameters hp = session.hyperparameters();
            int batches = (int) Math.ceil((double) prepared.datasetInfo().trainSize() / hp.batchSize());
            return prepared.train(session, Math.max(1, batches / SAMPLES_PER_EPOCH));
        }).onSuccess(this::finished).onFailure(this::failed));
    }

    private void resetStatus() {
        recorder = null;
        resetRequested = false;
        runningSeconds = 0;
        lastProgressNanos = 0;
        progress.set(0);
        progressText.set("");
        etaText.set("");
        rateText.set("");
    }

    public void togglePause() {
        if (control == null || !active.get() || model.loadingProperty().get()) {
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
        if (active.get()) {
            resetRequested = true;
        } else {
            clear();
        }
    }

    /**
     * After a failed save: asks for another file and writes the whole run so far there; later epochs go there too.
     */
    public void saveElsewhere() {
        RunRecorder current = recorder;
        if (current == null) {
            return;
        }
        String name = current.file().getFileName().toString();
        dialogs.chooseSaveFile("Save the run elsewhere", name, "Run files", "*.json").ifPresent(file ->
                files.execute(BackgroundTask.wrap(() -> current.relocate(file))
                        .onSuccess(v -> statusText.set("Run saved to " + file))
                        .onFailure(e -> dialogs.showError("Cannot save the run", describe(e)))));
    }

    private void clear() {
        resetRequested = false;
        model.clear();
        statusText.set("Ready");
        progressText.set("");
        etaText.set("");
        rateText.set("");
        progress.set(0);
    }

    private void requestChange(Hyperparameters hp) {
        if (control == null || !active.get() || hp == null) {
            return;
        }
        try {
            control.requestHyperparameters(hp);
        } catch (InvalidSettingException e) {
            controls.setting(e.setting()).ifPresent(s -> s.reject(e.reason()));
        }
    }

    // ---- observing the model ----

    private void onState(RunState s) {
        if (!active.get()) {
            return;
        }
        switch (s) {
            case RUNNING -> statusText.set("Running");
            case PAUSED -> statusText.set("Paused");
            default -> {
                // terminal states are described when the task ends
            }
        }
    }

    private void updateProgress(BatchProgress p) {
        long now = System.nanoTime();
        if (lastProgressNanos != 0 && model.stateProperty().get() == RunState.RUNNING) {
            runningSeconds += (now - lastProgressNanos) / 1e9;
        }
        lastProgressNanos = now;
        var run = model.runProperty().get();
        int totalEpochs = run != null && run.initial() != null ? run.initial().epochs() : p.epoch();
        double done = p.epochPosition() / totalEpochs;
        progress.set(Math.min(1, done));
        progressText.set("Epoch " + p.epoch() + "/" + totalEpochs + " · batch " + p.batch() + "/"
                + p.batchesInEpoch());
        rateText.set(Formats.rate(p.samplesPerSecond()));
        if (done > 0 && runningSeconds > 0) {
            etaText.set("ETA " + Formats.duration(runningSeconds * (1 - done) / done));
        }
    }

    private void finished(RunOutcome outcome) {
        model.pulse();
        model.loadingEnded();
        active.set(false);
        controls.setRunning(false);
        if (resetRequested) {
            clear();
            return;
        }
        etaText.set("");
        if (outcome == null) {
            statusText.set("Stopped before training began");
            return;
        }
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
            case STOPPED -> statusText.set(last == null && outcome.epochs().isEmpty()
                    ? "Stopped before the first epoch ended: nothing to keep"
                    : "Stopped after " + last.epoch() + " epochs" + bestText);
            default -> statusText.set(outcome.state().label());
        }
    }

    private void failed(Throwable error) {
        model.clear();
        active.set(false);
        controls.setRunning(false);
        String message = describe(error);
        statusText.set("Could not run: " + message);
        dialogs.showError("Cannot run the training", message);
        resetRequested = false;
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
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        if (e instanceof OutOfMemoryError) {
            return "not enough memory (" + message + "); try fewer training images or 14x14 inputs";
        }
        return message;
    }

    // ---- properties ----

    public LiveRunModel model() {
        return model;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<RunState> stateProperty() {
        return model.stateProperty();
    }

    /** From start until the run's task has ended (includes loading the data). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return model.loadingProperty();
    }

    /**
     * The status bar's badge: LOADING from the click on Start until the run trains (the data set loads, then the run
     * is set up), then the run's state.
     */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
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

    /** Where the live run is saved (after its first epoch), or null. */
    public Path savedFile() {
        return model.savedFileProperty().get();
    }

    /** Stops the run and lets the training thread end; called when the window closes. */
    public void shutdown() {
        if (control != null) {
            control.stop();
        }
    }
}
