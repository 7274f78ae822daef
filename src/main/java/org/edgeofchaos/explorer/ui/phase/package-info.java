/**
 * The phase-diagram tab: the map with the mean-field edge, training paths, overlays, recomputation, zoom, and the
 * cell inspector (beside the map or in a window of its own) with Train from here. The map is drawn by one
 * Graphics2D painter ({@link org.edgeofchaos.explorer.ui.phase.PhaseMapPainter}) on screen and into PNG and SVG.
 */
package org.edgeofchaos.explorer.ui.phase;
