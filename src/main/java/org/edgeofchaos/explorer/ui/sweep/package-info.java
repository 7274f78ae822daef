/**
 * Pictures of hyperparameter sweeps: the map of a {@link org.edgeofchaos.explorer.sweep.SweepMap} drawn through
 * {@code Graphics2D}, so that one painter serves PNG, SVG (JFreeSVG) and, later, a window canvas (FXGraphics2D).
 */
package org.edgeofchaos.explorer.ui.sweep;
