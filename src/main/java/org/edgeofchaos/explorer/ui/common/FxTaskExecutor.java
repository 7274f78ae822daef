package org.edgeofchaos.explorer.ui.common;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.edgeofchaos.explorer.training.BackgroundPriority;

/**
 * A single named daemon worker thread; task callbacks are posted to the FX thread. One executor per kind of work
 * (training, files), so that a long training run never delays a file operation.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ThreadPoolExecutor worker;

    public FxTaskExecutor(String threadName) {
        // one thread that never times out, as Executors.newSingleThreadExecutor, but one that can be started early
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.applyToCurrentThread();
                runnable.run();
            }, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        runOnUi(task::running);
        try {
            worker.execute(() -> {
                T value;
                try {
                    value = task.call();
                } catch (Throwable error) {
                    runOnUi(() -> task.failed(error));
                    return;
                }
                runOnUi(() -> task.succeeded(value));
            });
        } catch (RejectedExecutionException e) {
            runOnUi(() -> task.failed(new IllegalStateException("the window is closing")));
        }
    }

    @Override
    public void prestart() {
        worker.prestartCoreThread();
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void shutdown() {
        worker.shutdownNow();
    }

    /** Waits for the worker to end after {@link #shutdown()}; for tests and orderly exit. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return worker.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
