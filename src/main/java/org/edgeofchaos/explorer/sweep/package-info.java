/**
 * Hyperparameter sweeps: a grid over one or two of learning rate, momentum, batch size, weight decay and initial J
 * with K seeds per cell, run as ordinary training runs (one {@code train --out} run file per cell and seed).
 *
 * <p>The per-run files under {@code DIR/cells/} are the source of truth; {@code DIR/sweep.json} holds the spec.
 * Everything that decides a run's numbers (its hyperparameters and seed) is a pure function of the spec and the
 * run's index, so results do not depend on scheduling, the number of parallel workers or the shard a run fell
 * into. A shard {@code I/N} is a fixed, disjoint share of the runs; shards written to separate folders are
 * combined by {@link org.edgeofchaos.explorer.sweep.SweepMerger}. {@link org.edgeofchaos.explorer.sweep.SweepStatus}
 * reads a folder into per-run rows and per-cell seed means, the model of the map ({@link
 * org.edgeofchaos.explorer.sweep.SweepMap}) that the command line exports and a window can draw.
 *
 * <p>No UI dependencies (JavaFX, AWT, Swing).
 */
package org.edgeofchaos.explorer.sweep;
