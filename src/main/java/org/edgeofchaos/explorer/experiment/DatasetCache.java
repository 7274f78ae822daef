package org.edgeofchaos.explorer.experiment;

import java.util.Objects;

import org.edgeofchaos.explorer.data.Dataset;
import org.edgeofchaos.explorer.data.DatasetOptions;

/**
 * Keeps the last data set loaded, so that repeated runs with the same data options start at once (the window
 * trains many short runs on the same data). One instance per owner; there is no global cache.
 */
public final class DatasetCache {
    private Dataset cached;

    /** Loads the data set, or returns the one already loaded with the same options. */
    public synchronized Dataset load(DatasetOptions options) {
        Objects.requireNonNull(options, "options");
        if (cached == null || !cached.options().equals(options)) {
            cached = null; // let the old arrays go before the new ones are allocated
            cached = Dataset.load(options);
        }
        return cached;
    }
}
