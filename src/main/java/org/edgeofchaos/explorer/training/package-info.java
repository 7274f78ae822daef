/**
 * Training the paper's network: N inputs -> N tanh units without bias -> 10 softmax outputs, by mini-batch SGD
 * with momentum and L2 weight decay in the Keras convention (science.md section 1). The hot loop calls OpenBLAS
 * directly on preallocated arrays; the trainer publishes what it measures to a {@link
 * org.edgeofchaos.explorer.training.TrainingListener} and is steered (pause, stop, changes) through a {@link
 * org.edgeofchaos.explorer.training.TrainingControl} between mini-batches. Checkpoints make a run resumable with the
 * numbers of an uninterrupted one. The settings are named by {@link
 * org.edgeofchaos.explorer.training.Hyperparameters.Field}, never by a command-line flag.
 *
 * <p>No UI dependencies. Arrays the trainer allocates are closed when the run ends.
 */
package org.edgeofchaos.explorer.training;
