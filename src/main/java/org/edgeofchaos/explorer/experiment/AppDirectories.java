package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Per-user folders, following each platform's convention: saved runs and settings under the data directory,
 * native libraries unpacked by JavaCPP and JavaFX under the cache directory (never into the repository).
 * The system properties {@code eoc.userDataDir} and {@code eoc.cacheDir} override them (tests use them).
 */
public final class AppDirectories {
    public static final String APP = "edge-of-chaos-explorer";

    private AppDirectories() {
    }

    public static Path dataDirectory() {
        String override = System.getProperty("eoc.userDataDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve(APP);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve(APP);
    }

    public static Path cacheDirectory() {
        String override = System.getProperty("eoc.cacheDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve(APP)
                    .resolve("cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve(APP);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve(APP);
    }

    /** Saved runs, one JSON file each. */
    public static Path runsDirectory() {
        return dataDirectory().resolve("runs");
    }
}
