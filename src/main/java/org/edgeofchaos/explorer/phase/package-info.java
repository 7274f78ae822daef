/**
 * The order-chaos phase diagram as data: a grid over the paper's plane x = J0/J, y = 1/J (science.md section 2)
 * whose cells hold the maximal Lyapunov exponent and the asymptotic distance of one random tanh network each,
 * computed on background threads (resumable, cancellable, checkpointed to disk), stored as JSON, cached per user,
 * and the training path of a run in the same coordinates.
 *
 * <p>No UI dependencies (JavaFX, AWT, Swing): the window and the command line both build on this package.
 */
package org.edgeofchaos.explorer.phase;
