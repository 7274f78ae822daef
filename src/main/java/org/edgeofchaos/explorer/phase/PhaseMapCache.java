package org.edgeofchaos.explorer.phase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

import org.edgeofchaos.explorer.experiment.AppDirectories;

/**
 * Phase maps recomputed by the user, one file per parameter set under {@code <cache>/phase-maps/<key>.json}. A
 * computation checkpoints into its cache file, so a cancelled or interrupted one leaves its computed cells there and
 * the next request for the same parameters continues from them.
 */
public final class PhaseMapCache {
    private final Path directory;

    public PhaseMapCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The per-user cache: {@code AppDirectories.cacheDirectory()/phase-maps}. */
    public static PhaseMapCache standard() {
        return new PhaseMapCache(AppDirectories.cacheDirectory().resolve("phase-maps"));
    }

    public Path directory() {
        return directory;
    }

    /** File name stem for a spec, e.g. {@code n400-100x100-steps500-seed0-x-1_2-y0.02_2}. */
    public static String key(PhaseMapSpec s) {
        return String.format(Locale.ROOT, "n%d-%dx%d-steps%d-seed%d-x%s_%s-y%s_%s", s.n(), s.columns(), s.rows(),
                s.steps(), s.seed(), num(s.xMin()), num(s.xMax()), num(s.yMin()), num(s.yMax()));
    }

    public Path file(PhaseMapSpec spec) {
        return directory.resolve(key(spec) + ".json");
    }

    /**
     * The cached map for these parameters (partly computed, perhaps), or an empty one when there is none. A file that
     * cannot be read or holds other parameters is ignored (it will be overwritten), and the reason is returned.
     */
    public Lookup load(PhaseMapSpec spec) {
        Path file = file(spec);
        if (!Files.exists(file)) {
            return new Lookup(new PhaseMap(spec), file, null);
        }
        try {
            PhaseMap map = PhaseMapFile.read(file);
            if (!map.spec().equals(spec)) {
                return new Lookup(new PhaseMap(spec), file, file + ": holds other parameters, recomputing");
            }
            return new Lookup(map, file, null);
        } catch (PhaseMapFileException e) {
            return new Lookup(new PhaseMap(spec), file, e.getMessage());
        }
    }

    /**
     * @param map     the cached (or a fresh) map
     * @param file    its cache file, also the checkpoint file of a computation
     * @param problem why a cache file was not used, or null
     */
    public record Lookup(PhaseMap map, Path file, String problem) {
    }

    private static String num(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
        return s.replace('/', '_');
    }
}
