package org.edgeofchaos.explorer.ui.controls;

import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * Everything the controls panel asks of a run: the hyperparameters and which data (training-set size and input
 * resolution, 28 or 14).
 */
public record RunRequest(Hyperparameters hyperparameters, int trainSize, int resolution) {
}
