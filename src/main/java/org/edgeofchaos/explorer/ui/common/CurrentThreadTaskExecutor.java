package org.edgeofchaos.explorer.ui.common;

/** Runs every task and its callbacks at once on the calling thread: deterministic view-model tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.running();
        T value;
        try {
            value = task.call();
        } catch (Throwable error) {
            task.failed(error);
            return;
        }
        task.succeeded(value);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
