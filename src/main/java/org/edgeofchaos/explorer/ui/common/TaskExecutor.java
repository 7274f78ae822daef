package org.edgeofchaos.explorer.ui.common;

/**
 * Runs {@link BackgroundTask}s away from the FX thread. The one abstraction for long work in the window: training,
 * loading and saving files, encoding images. Tests use {@link CurrentThreadTaskExecutor}.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /** Runs a callback where the task callbacks run (the FX thread in the application). */
    void runOnUi(Runnable action);

    /** Interrupts running work and lets the worker thread end. */
    void shutdown();
}
