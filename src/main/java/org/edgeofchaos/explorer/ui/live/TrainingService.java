package org.edgeofchaos.explorer.ui.live;

import java.io.IOException;
import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunRecorder;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * What the window needs from the training core: prepare the data of a run (slow, on the training thread), then
 * train a {@link RunSession} on it (blocking, on the same thread). The application plugs in the core's
 * {@code TrainingRun}; tests plug in generated data.
 */
public interface TrainingService {

    /**
     * Loads (or takes from a cache) the data the request needs and checks the request against it.
     *
     * @throws Exception with a one-line message naming the file and the problem (missing or corrupt data set)
     */
    PreparedRun prepare(RunRequest request) throws Exception;

    /**
     * Prepares to continue a saved run (stopped, interrupted, or finished and extended) from its checkpoint, on the
     * data set it recorded.
     *
     * @param epochs the run's new total of epochs, or 0 to keep the saved total
     * @throws Exception with a one-line message naming the file (no checkpoint, still being written, ...)
     */
    PreparedRun prepareContinuation(Path runFile, int epochs) throws Exception;

    /** The folder the data set is read from. */
    Path dataDirectory();

    /**
     * Reads the data set from another folder from the next run on.
     *
     * @throws org.edgeofchaos.explorer.data.DatasetException naming the folder and the missing files
     */
    void useDataDirectory(Path directory);

    /** Data ready to train on. */
    interface PreparedRun {
        DatasetInfo datasetInfo();

        /** The run's session: a new one, or the continuation of a saved run (same id, its epochs so far). */
        RunSession newSession(TrainingControl control);

        /** Starts saving the session: into the store under its id, or into the continued run's own file. */
        RunRecorder record(RunSession session, RunStore store) throws IOException;

        /** Trains the session on the calling thread until finished, stopped or diverged. */
        RunOutcome train(RunSession session, int progressInterval);
    }
}
