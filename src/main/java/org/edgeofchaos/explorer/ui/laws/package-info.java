/**
 * The "Laws" tab: paper 1's guideline on screen. For an epoch budget and the data chosen in the controls panel it
 * lists the (eta, alpha, B) combinations the core's {@link org.edgeofchaos.explorer.laws.Guideline} proposes, each
 * with k, its window and uncertainty and a one-sentence explanation, and applies one to the sliders with one click.
 * View models hold properties only (no nodes) and are tested without a robot.
 */
package org.edgeofchaos.explorer.ui.laws;
