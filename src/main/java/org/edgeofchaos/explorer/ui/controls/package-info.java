/** The hyperparameter panel: one validated setting per value, presets and the scaling-law prediction. */
package org.edgeofchaos.explorer.ui.controls;
