package org.edgeofchaos.explorer.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.ui.charts.XAxisMode;
import org.edgeofchaos.explorer.ui.controls.ControlsViewModel;
import org.edgeofchaos.explorer.ui.export.ExportSize;
import org.edgeofchaos.explorer.ui.live.LiveRunModel;
import org.edgeofchaos.explorer.ui.live.LiveRunViewModel;
import org.edgeofchaos.explorer.ui.runs.RunHistoryViewModel;

/**
 * What a feature tab is built from: the services and the window's shared models. Made once by {@link MainWindow},
 * the composition root; features never look anything up in the scene graph.
 *
 * @param liveModel  the live run (observe it; only the run's session writes to it)
 * @param live       run commands: start, stop, ...
 * @param history    the saved runs and the user's selection among them
 * @param exportSize the size chosen for exported figures
 * @param xAxis      epochs or scaled time, for every chart over time
 * @param message    one line for the status bar (the outcome of the last export, ...)
 * @param startRun   starts a run with the panel's settings, as the Start button does
 * @param sessionParts where a feature registers what it adds to session files (a lesson and its step, ...)
 */
public record ExplorerContext(ExplorerServices services, ControlsViewModel controls, LiveRunModel liveModel,
        LiveRunViewModel live, RunHistoryViewModel history, ObjectProperty<ExportSize> exportSize,
        ObjectProperty<XAxisMode> xAxis, StringProperty message, Runnable startRun,
        org.edgeofchaos.explorer.session.SessionParts sessionParts) {
}
