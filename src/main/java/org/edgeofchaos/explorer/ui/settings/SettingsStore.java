package org.edgeofchaos.explorer.ui.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.edgeofchaos.explorer.experiment.AppDirectories;
import org.edgeofchaos.explorer.experiment.AtomicFiles;

/**
 * {@code settings.json} in the user's data directory, written atomically. A missing, unreadable or corrupt file
 * gives the defaults, so the window always opens; a corrupt file is first kept as
 * {@code settings.json.bad-<time>} and {@link #loadProblem()} says so (the window shows it once in the status bar).
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
        return new SettingsStore(AppDirectories.dataDirectory().resolve("settings.json"));
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
        } catch (IOException | RuntimeException e) {
            // Keep the user's file: a later save would otherwise replace it with the defaults.
            Path backup = file.resolveSibling(file.getFileName() + ".bad-" + java.time.format.DateTimeFormatter
                    .ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()));
            try {
                Files.move(file, backup);
                loadProblem = "Your settings file could not be read; it is kept as " + backup.getFileName()
                        + " and the defaults are in use";
            } catch (IOException moveFailed) {
                loadProblem = "Your settings file " + file.toAbsolutePath() + " could not be read; the defaults are "
                        + "in use";
            }
            return ExplorerSettings.defaults();
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
