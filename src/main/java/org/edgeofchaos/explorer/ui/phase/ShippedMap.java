package org.edgeofchaos.explorer.ui.phase;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;

/**
 * The high-resolution maps that ship with the application, written by the {@code phase} command as gzip-compressed
 * JSON (about 54 KB each instead of 159 KB): N = 400 ({@code assets/phase-map-n400-100x100.json.gz}, the one the
 * phase tab opens with) and N = 1000 ({@code assets/phase-map-n1000-100x100.json.gz}, 82 minutes on 2 loaded cores,
 * shown when the user picks N = 1000 on the 100 x 100 grid instead of computing it again). Read from the class path
 * (the build copies {@code assets/} into the jar), else from {@code assets/} next to the jar or in the working
 * directory.
 */
public final class ShippedMap {
    public static final String NAME = "phase-map-n400-100x100.json.gz";
    public static final String RESOURCE = "/assets/" + NAME;
    /** Every shipped map, the default first. */
    public static final List<String> NAMES = List.of(NAME, "phase-map-n1000-100x100.json.gz");

    /** The default map read ahead by {@link #prefetch()}, until {@link #load()} takes it. */
    private static final java.util.concurrent.atomic.AtomicReference<
            java.util.concurrent.CompletableFuture<Optional<PhaseMap>>> PREFETCHED =
            new java.util.concurrent.atomic.AtomicReference<>();

    private ShippedMap() {
    }

    /**
     * Starts reading the default map, and the mean-field edge drawn on it, on a background thread now, so that the
     * phase tab can show it as soon as it is built. Why: the application calls this once its start-up screen is on
     * screen, while the FX thread builds the explorer; measured at start-up, reading the gzipped JSON (Jackson's first
     * use) took 0.5 s of CPU on cold code, and started only when the phase tab was built, the map came later.
     */
    public static void prefetch() {
        java.util.concurrent.CompletableFuture<Optional<PhaseMap>> future = new java.util.concurrent.CompletableFuture<>();
        if (!PREFETCHED.compareAndSet(null, future)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Optional<PhaseMap> map = load(NAME);
                map.ifPresent(m -> EdgeCurve.points(m.spec().xMin(), m.spec().xMax()));
                future.complete(map);
            } catch (PhaseMapFileException | RuntimeException e) {
                future.completeExceptionally(e);
            }
        }, "eoc-prefetch");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The default shipped map (N = 400), if it can be found: the one {@link #prefetch()} read, the first time after
     * it (each window gets its own copy: a later call reads the file again).
     */
    public static Optional<PhaseMap> load() throws PhaseMapFileException {
        java.util.concurrent.CompletableFuture<Optional<PhaseMap>> ahead = PREFETCHED.getAndSet(null);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof PhaseMapFileException problem) {
                    throw problem;
                }
                // anything else went wrong on the prefetch thread: read it here, where it is reported properly
            }
        }
        return load(NAME);
    }

    /**
     * The shipped map computed with exactly these parameters, if there is one. Names are matched first (N and grid),
     * then the file's own parameters must equal {@code spec} (ranges, steps, seed), so a match is never approximate.
     */
    public static Optional<PhaseMap> find(PhaseMapSpec spec) throws PhaseMapFileException {
        String name = String.format(java.util.Locale.ROOT, "phase-map-n%d-%dx%d.json.gz", spec.n(), spec.columns(),
                spec.rows());
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        return load(name).filter(map -> map.spec().equals(spec));
    }

    static Optional<PhaseMap> load(String name) throws PhaseMapFileException {
        String resource = "/assets/" + name;
        try (InputStream in = ShippedMap.class.getResourceAsStream(resource)) {
            if (in != null) {
                return Optional.of(PhaseMapFile.read(in, Path.of("jar:" + resource)));
            }
        } catch (java.io.IOException e) {
            // fall through to the files
        }
        for (Path candidate : candidates(name)) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(PhaseMapFile.read(candidate));
            }
        }
        return Optional.empty();
    }

    private static Path[] candidates(String name) {
        Path cwd = Path.of("assets", name);
        try {
            Path code = Path.of(ShippedMap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = code.getParent().getParent();
            return new Path[] {cwd, code.getParent().resolve("assets").resolve(name), base.resolve("assets")
                    .resolve(name)};
        } catch (URISyntaxException | RuntimeException e) {
            return new Path[] {cwd};
        }
    }
}
