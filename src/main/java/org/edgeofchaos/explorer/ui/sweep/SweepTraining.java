package org.edgeofchaos.explorer.ui.sweep;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.edgeofchaos.explorer.experiment.DatasetCache;
import org.edgeofchaos.explorer.sweep.SweepFolder;
import org.edgeofchaos.explorer.sweep.SweepRunner;
import org.edgeofchaos.explorer.sweep.SweepSpec;
import org.edgeofchaos.explorer.training.DynamicsProbe;

/**
 * How the window gets a {@link SweepRunner} for a sweep: load its data (slow, on the worker thread) and build the
 * runner exactly as {@code sweep run} does ({@link SweepRunner#on}). The application reads the data set from the
 * window's data folder with the standard dynamics probes; tests pass cheaper probes.
 */
@FunctionalInterface
public interface SweepTraining {

    /**
     * Loads the sweep's data, checks the sweep against it, writes its spec into the folder and returns the runner.
     *
     * @throws Exception with a one-line message (missing data set, a batch larger than the training set, ...)
     */
    SweepRunner prepare(SweepFolder folder, SweepSpec spec, int parallel, SweepRunner.Listener listener)
            throws Exception;

    /**
     * On the data set in {@code directory} (asked at each start: the user may open another data folder), the last
     * one loaded kept for the next sweep.
     */
    static SweepTraining onData(Supplier<Path> directory, Supplier<DynamicsProbe> probes) {
        DatasetCache cache = new DatasetCache();
        return (folder, spec, parallel, listener) -> SweepRunner.on(
                cache.load(spec.data().options(directory.get())), folder, spec, probes, parallel, listener);
    }
}
