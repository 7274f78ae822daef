package org.edgeofchaos.explorer.ui.phase;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapFile;
import org.edgeofchaos.explorer.phase.PhaseMapFileException;

/**
 * The high-resolution map that ships with the application ({@code assets/phase-map-n400-100x100.json.gz}, written
 * by the {@code phase} command as gzip-compressed JSON: 54 KB instead of 159 KB): read from the class path (the
 * build copies {@code assets/} into the jar), else from {@code assets/} next to the jar or in the working directory.
 */
public final class ShippedMap {
    public static final String NAME = "phase-map-n400-100x100.json.gz";
    public static final String RESOURCE = "/assets/" + NAME;

    private ShippedMap() {
    }

    public static Optional<PhaseMap> load() throws PhaseMapFileException {
        try (InputStream in = ShippedMap.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return Optional.of(PhaseMapFile.read(in, Path.of("jar:" + RESOURCE)));
            }
        } catch (java.io.IOException e) {
            // fall through to the files
        }
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(PhaseMapFile.read(candidate));
            }
        }
        return Optional.empty();
    }

    private static Path[] candidates() {
        Path cwd = Path.of("assets", NAME);
        try {
            Path code = Path.of(ShippedMap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isDirectory(code) ? code.getParent().getParent() : code.getParent().getParent();
            return new Path[] {cwd, code.getParent().resolve("assets").resolve(NAME), base.resolve("assets")
                    .resolve(NAME)};
        } catch (URISyntaxException | RuntimeException e) {
            return new Path[] {cwd};
        }
    }
}
