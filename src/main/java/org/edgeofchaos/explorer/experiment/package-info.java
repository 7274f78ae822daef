/**
 * Runs as experiments: {@link org.edgeofchaos.explorer.experiment.RunSession} is the one observable run (it owns the
 * run's state and publishes the sealed {@link org.edgeofchaos.explorer.experiment.RunEvent}); the recorder, the
 * command line and the window observe it. Also run files, the run store, checkpoints, locks and the training-run
 * facade shared by the command line and the window.
 */
package org.edgeofchaos.explorer.experiment;
