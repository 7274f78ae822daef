package org.edgeofchaos.explorer.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of work for a {@link TaskExecutor}: {@link #call()} runs on the executor's worker, the callbacks run on
 * the FX thread (or, with {@link CurrentThreadTaskExecutor}, on the calling thread). Fluent, in the style of
 * JabRef's BackgroundTask.
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure = error -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(ThrowingRunnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Work without a result. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Runs after success or failure. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    T call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }
}
