package org.edgeofchaos.explorer.ui.lessons;

import java.util.concurrent.CompletableFuture;

import org.edgeofchaos.explorer.lessons.StepAction;

/**
 * What a lesson may do to the window, implemented by the window over its view models (and by a fake in tests).
 * Futures complete on the FX thread.
 */
public interface LessonHost {

    /**
     * Does one step action. The future completes once its result is on screen (a map shown, a sweep read, the
     * inspector's trajectories computed, a training run ended), or fails with a message for the student.
     */
    CompletableFuture<Void> perform(StepAction action);

    /** Whether a training run is going (settings that lock during a run cannot be moved then). */
    boolean runActive();

    /** Stops the run that is going; completes when it has ended. */
    CompletableFuture<Void> stopRun();
}
