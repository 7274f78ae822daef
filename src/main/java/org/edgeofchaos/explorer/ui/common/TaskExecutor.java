package org.edgeofchaos.explorer.ui.common;

/**
 * Runs {@link BackgroundTask}s away from the FX thread. The one abstraction for long work in the window: training,
 * loading and saving files, encoding images. Tests use {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /** Runs a callback where the task callbacks run (the FX thread in the application). */
    void runOnUi(Runnable action);

    /**
     * Starts the worker thread now instead of with the first task. Called from a lowered-priority thread, the
     * worker inherits that priority, and the first task (a click on Start) no longer pays for a new thread and for
     * lowering its priority. Does nothing where there is no thread of its own.
     */
    default void prestart() {
    }

    /** Interrupts running work and lets the worker thread end. */
    void shutdown();
}
