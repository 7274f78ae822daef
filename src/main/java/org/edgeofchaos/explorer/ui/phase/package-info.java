/**
 * The phase-diagram tab: the map with the mean-field edge, training paths, overlays, recomputation, and the cell
 * inspector with Train from here.
 */
package org.edgeofchaos.explorer.ui.phase;
