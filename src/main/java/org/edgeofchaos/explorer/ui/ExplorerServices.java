package org.edgeofchaos.explorer.ui;

import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.live.TrainingService;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;

/**
 * What the main window is built from; the application passes the real ones, tests pass generated data, a temporary
 * run store and answering dialogs.
 *
 * @param training       runs the training (single worker thread)
 * @param files          file work: listing runs, deleting, exporting
 */
public record ExplorerServices(TrainingService trainingService, RunStore runStore, SettingsStore settingsStore,
        TaskExecutor training, TaskExecutor files, DialogService dialogs) {
}
