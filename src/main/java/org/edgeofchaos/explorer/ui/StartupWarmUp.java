package org.edgeofchaos.explorer.ui;

import java.lang.System.Logger.Level;

import org.edgeofchaos.explorer.data.DatasetOptions;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.training.BackgroundPriority;
import org.edgeofchaos.explorer.training.ComputeThreads;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.live.TrainingService;
import org.edgeofchaos.explorer.ui.phase.EdgeCurve;

/**
 * Work that the window will need soon, done on a background thread while it appears.
 *
 * <p>Why: profiled at start-up (JFR), the FX thread spent its time before the first frame loading ND4J's native
 * libraries (for the thread setting) and computing the mean-field edge curve of the phase diagram (Gaussian
 * quadratures, cached afterwards); the first run then loaded and preprocessed the data set. Here the edge curve of the
 * default plane is cached (the shipped map needs it first), ND4J configured and the default data set (all 60,000
 * images at 28x28, what the window starts with) loaded into the core's one-entry cache, in that order; it starts
 * once the window is shown, so that it does not compete with building the window. Every piece is also done on demand by its
 * user (cached, synchronised), so the window never depends on this thread; a failure is only logged, and the
 * user's own action reports it properly when it happens again.
 */
final class StartupWarmUp {
    private static final System.Logger LOG = System.getLogger("org.edgeofchaos.explorer.ui");

    private StartupWarmUp() {
    }

    static void start(TrainingService service, TaskExecutor training) {
        Thread thread = new Thread(() -> run(service, training), "eoc-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
    }

    private static void run(TrainingService service, TaskExecutor training) {
        // Like every worker: it decompresses the data set on two threads (this one and the reader it starts, which
        // inherits the priority) while the window draws and the first run starts, and took the FX thread's core
        // for 30-40 ms at a time.
        BackgroundPriority.applyToCurrentThread();
        // The training thread is started here, so it inherits this thread's lowered priority: started by the first
        // click on Start it ran `renice` at normal priority in that click's frame, which then waited for a core.
        training.prestart();
        long start = System.nanoTime();
        try {
            EdgeCurve.points(PhaseMapSpec.DEFAULT_X_MIN, PhaseMapSpec.DEFAULT_X_MAX);
            long edge = System.nanoTime();
            ComputeThreads.ensureConfigured();
            long nd4j = System.nanoTime();
            // into the training service's own cache, which the first run then finds loaded
            service.prepare(new RunRequest(Hyperparameters.paperDefaults(), DatasetOptions.DEFAULT_TRAIN_SIZE,
                    DatasetOptions.FULL_RESOLUTION));
            long data = System.nanoTime();
            LOG.log(Level.DEBUG, String.format(java.util.Locale.ROOT,
                    "warm-up: edge curve %.0f ms, ND4J %.0f ms, data set %.0f ms", (edge - start) / 1e6,
                    (nd4j - edge) / 1e6, (data - nd4j) / 1e6));
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "warm-up failed (the window loads on demand instead): " + e.getMessage());
        }
    }
}
