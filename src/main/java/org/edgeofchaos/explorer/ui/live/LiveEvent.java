package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.DatasetInfo;

/** Records the training thread hands to the FX thread besides the core's own records. */
sealed interface LiveEvent {

    /** The data is loaded and the run is about to start; it is saved into {@code file}. */
    record Started(DatasetInfo dataset, Path file) implements LiveEvent {
    }

    /** Saving the run failed (the run goes on). */
    record SaveFailed(String message) implements LiveEvent {
    }
}
