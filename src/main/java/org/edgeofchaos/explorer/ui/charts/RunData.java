package org.edgeofchaos.explorer.ui.charts;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.BatchProgress;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.HyperparameterChange;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;

/**
 * The measurements of one run as the charts need them: a live run grows on the FX thread, a saved run is loaded
 * from its record. Not thread-safe; owned by the FX thread.
 */
public final class RunData {
    private final String label;
    private final Hyperparameters initial;
    private int trainSize;
    private final List<BatchProgress> progress = new ArrayList<>();
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<HyperparameterChange> changes = new ArrayList<>();
    private RunState state = RunState.IDLE;
    private int divergedEpoch;

    public RunData(String label, Hyperparameters initial, int trainSize) {
        this.label = label;
        this.initial = initial;
        this.trainSize = trainSize;
    }

    public static RunData of(RunRecord run, String label) {
        int size = run.dataset() != null ? run.dataset().trainSize() : 60000;
        RunData data = new RunData(label, run.hyperparameters(), size);
        data.progress.addAll(run.progress());
        data.epochs.addAll(run.epochs());
        data.changes.addAll(run.changes());
        data.state = run.state();
        data.divergedEpoch = run.divergedEpoch();
        return data;
    }

    public String label() {
        return label;
    }

    public Hyperparameters initial() {
        return initial;
    }

    public int trainSize() {
        return trainSize;
    }

    public void setTrainSize(int value) {
        trainSize = value;
    }

    public List<BatchProgress> progress() {
        return progress;
    }

    public List<EpochMetrics> epochs() {
        return epochs;
    }

    public List<HyperparameterChange> changes() {
        return changes;
    }

    public RunState state() {
        return state;
    }

    public int divergedEpoch() {
        return divergedEpoch;
    }

    public void setState(RunState value, int divergedAt) {
        state = value;
        divergedEpoch = divergedAt;
    }
}
