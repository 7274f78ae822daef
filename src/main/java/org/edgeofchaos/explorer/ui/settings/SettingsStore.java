package org.edgeofchaos.explorer.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.experiment.AtomicFiles;

/**
 * {@code settings.json} in the user's config folder, written atomically. A missing, unreadable or corrupt file
 * gives the defaults: the window always opens. A corrupt file is not overwritten by the next save: it is kept
 * beside as {@code settings.json.bad-<time>}, and {@link #loadProblem()} says so once.
 */
public final class SettingsStore {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;
    private String loadProblem;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore standard() {
        Path file = AppDirectories.configDirectory().resolve("settings.json");
        // Earlier versions kept the settings in the data folder (a different folder on Linux): carry them over.
        Path legacy = AppDirectories.dataDirectory().resolve("settings.json");
        if (!Files.exists(file) && Files.isRegularFile(legacy) && !legacy.equals(file)) {
            try {
                Files.createDirectories(file.getParent());
                Files.copy(legacy, file);
            } catch (IOException e) {
                return new SettingsStore(legacy);
            }
        }
        return new SettingsStore(file);
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults if there are none or they cannot be read. */
    public ExplorerSettings load() {
        loadProblem = null;
        try {
            ExplorerSettings s = MAPPER.readValue(Files.readAllBytes(file), ExplorerSettings.class);
            return s != null ? s : ExplorerSettings.defaults();
        } catch (NoSuchFileException e) {
            return ExplorerSettings.defaults();
        } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
            Path kept = keepDamaged();
            loadProblem = "The settings file " + file.toAbsolutePath() + " was damaged; "
                    + (kept != null ? "kept as " + kept.getFileName() + " and " : "") + "using the defaults";
            return ExplorerSettings.defaults();
        } catch (IOException e) {
            loadProblem = "The settings file " + file.toAbsolutePath() + " could not be read (" + e.getMessage()
                    + "); using the defaults";
            return ExplorerSettings.defaults();
        }
    }

    /** Moves a damaged file aside so that the next save does not destroy what the user may want to repair. */
    private Path keepDamaged() {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path kept = file.resolveSibling(file.getFileName() + ".bad-" + time);
        try {
            return Files.move(file, kept);
        } catch (IOException e) {
            return null;
        }
    }

    /** Why the last {@link #load()} fell back to the defaults, or null. */
    public String loadProblem() {
        return loadProblem;
    }

    public void save(ExplorerSettings settings) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, settings));
    }
}
