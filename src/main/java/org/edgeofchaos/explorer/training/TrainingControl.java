package org.edgeofchaos.explorer.training;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The thread-safe handle through which another thread steers a running {@link Trainer}: pause, resume, stop and
 * hyperparameter changes. The trainer consults it between mini-batches, so every request takes effect within
 * one mini-batch. A paused trainer blocks on a condition (no busy waiting) until resumed or stopped.
 */
public final class TrainingControl {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean stopRequested;
    private Hyperparameters pending;

    public void pause() {
        lock.lock();
        try {
            paused = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the run after the current mini-batch; finished epochs are kept. Also releases a paused run. */
    public void stop() {
        lock.lock();
        try {
            stopRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for new hyperparameters: learning rate, momentum and weight decay apply from the next mini-batch,
     * batch size from the next epoch (capped at the training-set size). Epochs, seed and the initial J, J0 cannot
     * change mid-run and are ignored.
     *
     * @throws InvalidSettingException if a value is out of range; nothing is requested then
     */
    public void requestHyperparameters(Hyperparameters next) {
        next.validate(Integer.MAX_VALUE);
        lock.lock();
        try {
            pending = next;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the pending request, if any; called by the trainer between mini-batches. */
    Hyperparameters takePendingHyperparameters() {
        lock.lock();
        try {
            Hyperparameters p = pending;
            pending = null;
            return p;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks while paused. Returns true when the run should stop.
     *
     * @param onPause called once (on the calling thread) when the wait begins, and {@code onResume} when it ends
     */
    boolean awaitWhilePaused(Runnable onPause, Runnable onResume) throws InterruptedException {
        lock.lock();
        try {
            if (!paused || stopRequested) {
                return stopRequested;
            }
        } finally {
            lock.unlock();
        }
        onPause.run();
        lock.lock();
        try {
            while (paused && !stopRequested) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        if (!isStopRequested()) {
            onResume.run();
        }
        return isStopRequested();
    }
}
