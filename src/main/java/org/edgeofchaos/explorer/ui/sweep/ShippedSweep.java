package org.edgeofchaos.explorer.ui.sweep;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.edgeofchaos.explorer.sweep.SweepFolder;

/**
 * The example sweep that ships with the application, {@code assets/sweep-classroom}. Unlike the shipped phase map
 * it is not copied onto the class path: a sweep is a folder of 30 run files that {@link SweepFolder} reads as
 * files (and a run could later be resumed into), so it is found as a folder: in {@code assets/} of the working
 * directory, next to the jar, or in the source tree above {@code target/classes}.
 */
public final class ShippedSweep {
    public static final String NAME = "sweep-classroom";

    private ShippedSweep() {
    }

    public static Optional<Path> find() {
        return find(NAME);
    }

    /** A sweep folder shipped in {@code assets/} by its name, e.g. {@code sweep-research-28}. */
    public static Optional<Path> find(String name) {
        for (Path candidate : candidates(name)) {
            if (new SweepFolder(candidate).hasSpec()) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** Any folder shipped in {@code assets/} (a sweep, a folder of runs), found as {@link #find(String)} finds one. */
    public static Optional<Path> findFolder(String name) {
        for (Path candidate : candidates(name)) {
            if (java.nio.file.Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates(String name) {
        List<Path> list = new ArrayList<>();
        list.add(Path.of("assets", name));
        try {
            Path code = Path.of(ShippedSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // a jar in DIR/lib or DIR: DIR/assets; target/classes: the project's assets
            list.add(code.getParent().resolve("assets").resolve(name));
            if (code.getParent().getParent() != null) {
                list.add(code.getParent().getParent().resolve("assets").resolve(name));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // only the working directory
        }
        return list;
    }
}
