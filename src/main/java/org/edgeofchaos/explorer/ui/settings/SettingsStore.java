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
 * gives the defaults: the window always opens.
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
            loadProblem = file.toAbsolutePath() + " could not be read (" + e.getClass().getSimpleName()
                    + "); using the defaults";
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
