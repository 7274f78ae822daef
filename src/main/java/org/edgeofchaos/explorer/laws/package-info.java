/**
 * The laws of paper 1 fitted to runs (science.md section 4): the growth of J^2 with epochs and its rate
 * k eta / ((1 - alpha) B), the exponents of eta, 1/(1 - alpha) and 1/B, the collapse of curves against scaled time
 * epoch * eta / ((1 - alpha) B), the weight decay lambda* = k / (4 S) that holds J at the edge, and the guideline that
 * turns an epoch budget into hyperparameters.
 *
 * <p>J^2 is not linear in the epochs (it jumps in the first epoch, then grows more slowly), so every fitted k carries
 * the epoch window it was fitted over and its uncertainty. No UI dependencies: the command line's {@code guide} and
 * the window share this code.
 */
package org.edgeofchaos.explorer.laws;
