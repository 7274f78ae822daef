package org.edgeofchaos.explorer.ui;

import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.phase.PhaseMapCache;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.live.TrainingService;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;

/**
 * The services the window is built from; the application passes the real ones, tests pass generated data, a
 * temporary run store, answering dialogs and {@code CurrentThreadTaskExecutor}s. All background work of the window
 * goes through these three executors (one abstraction, {@link TaskExecutor}); no feature makes its own.
 *
 * @param training  runs the training (one worker thread: one run at a time)
 * @param files     file work: listing runs, deleting, loading maps, exporting
 * @param compute   short computations for the views (a cell inspector's trajectories)
 * @param phaseMaps the per-user cache of computed phase maps
 */
public record ExplorerServices(TrainingService trainingService, RunStore runStore, SettingsStore settingsStore,
        TaskExecutor training, TaskExecutor files, TaskExecutor compute, DialogService dialogs,
        PhaseMapCache phaseMaps) {

    /** Interrupts running work and lets the worker threads end (the window is closing). */
    public void shutdown() {
        training.shutdown();
        files.shutdown();
        compute.shutdown();
    }
}
