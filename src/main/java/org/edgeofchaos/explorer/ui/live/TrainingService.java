package org.edgeofchaos.explorer.ui.live;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunOutcome;
import org.edgeofchaos.explorer.training.TrainingControl;
import org.edgeofchaos.explorer.training.TrainingListener;
import org.edgeofchaos.explorer.ui.controls.RunRequest;

/**
 * What the window needs from the training core: prepare the data of a run (slow, on the training thread), then
 * run it (blocking, on the same thread). The application plugs in the core facade; tests plug in generated data.
 */
public interface TrainingService {

    /**
     * Loads (or takes from a cache) the data the request needs.
     *
     * @throws Exception with a one-line message naming the file and the problem (missing or corrupt data set)
     */
    PreparedRun prepare(RunRequest request) throws Exception;

    /** The folder the data set is read from. */
    java.nio.file.Path dataDirectory();

    /**
     * Reads the data set from another folder from the next run on.
     *
     * @throws org.edgeofchaos.explorer.data.DatasetException naming the folder and the missing files
     */
    void useDataDirectory(java.nio.file.Path directory);

    /** Data ready to train on. */
    interface PreparedRun {
        DatasetInfo datasetInfo();

        /** Trains on the calling thread until finished, stopped or diverged. */
        RunOutcome execute(Hyperparameters hyperparameters, TrainingControl control, TrainingListener listener,
                int progressInterval);
    }
}
