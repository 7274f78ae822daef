package org.edgeofchaos.explorer.ui.live;

import java.nio.file.Path;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunSession;
import org.edgeofchaos.explorer.training.RunOutcome;
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

        /** Trains the session on the calling thread until finished, stopped or diverged. */
        RunOutcome train(RunSession session, int progressInterval);
    }
}
