package org.edgeofchaos.explorer.experiment;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Per-user folders, following each platform's convention: saved runs under the data folder, settings under the
 * config folder, native libraries (unpacked by JavaCPP and JavaFX) and computed phase maps under the cache folder.
 *
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME}, {@code $XDG_CONFIG_HOME}, {@code $XDG_CACHE_HOME} (absolute
 *       paths only, as the XDG specification says), else {@code ~/.local/share}, {@code ~/.config},
 *       {@code ~/.cache}; each followed by {@code edge-of-chaos-explorer}.</li>
 *   <li>macOS: {@code ~/Library/Application Support/edge-of-chaos-explorer} (data and settings) and
 *       {@code ~/Library/Caches/edge-of-chaos-explorer}.</li>
 *   <li>Windows: {@code %APPDATA%\edge-of-chaos-explorer} (data and settings, roaming) and
 *       {@code %LOCALAPPDATA%\edge-of-chaos-explorer\cache}.</li>
 * </ul>
 *
 * <p>{@code ~} is {@code $HOME} when set: Java's {@code user.home} comes from the password database and ignores a
 * changed {@code HOME}. The environment variable {@value #HOME_VARIABLE} (or the system property {@code eoc.home})
 * puts everything in one folder instead: {@code data}, {@code config} and {@code cache} inside it. The system
 * properties {@code eoc.userDataDir}, {@code eoc.configDir} and {@code eoc.cacheDir} override single folders (tests
 * use them).
 */
public final class AppDirectories {
    public static final String APP = "edge-of-chaos-explorer";
    /** Environment variable that moves all of the explorer's files into one folder (portable installs, clusters). */
    public static final String HOME_VARIABLE = "EDGE_OF_CHAOS_HOME";

    /** The three kinds of per-user folder. */
    public enum Kind {
        DATA("eoc.userDataDir", "data"),
        CONFIG("eoc.configDir", "config"),
        CACHE("eoc.cacheDir", "cache");

        private final String property;
        private final String subfolder;

        Kind(String property, String subfolder) {
            this.property = property;
            this.subfolder = subfolder;
        }
    }

    private AppDirectories() {
    }

    public static Path dataDirectory() {
        return directory(Kind.DATA);
    }

    /** Where settings live; the data folder on macOS and Windows. */
    public static Path configDirectory() {
        return directory(Kind.CONFIG);
    }

    public static Path cacheDirectory() {
        return directory(Kind.CACHE);
    }

    /** Saved runs, one JSON file each. */
    public static Path runsDirectory() {
        return dataDirectory().resolve("runs");
    }

    public static Path directory(Kind kind) {
        return resolve(kind, System.getProperty("os.name", ""), System::getenv, System::getProperty);
    }

    /**
     * The folder of a kind for the given operating system, environment and system properties (separated from the
     * real ones so that every platform's rule can be tested anywhere).
     */
    static Path resolve(Kind kind, String osName, Function<String, String> env, Function<String, String> properties) {
        String single = properties.apply(kind.property);
        if (kind == Kind.CONFIG && !present(single)) {
            single = properties.apply(Kind.DATA.property); // a redirected data folder takes the settings along
        }
        if (present(single)) {
            return Path.of(single);
        }
        String everything = present(properties.apply("eoc.home")) ? properties.apply("eoc.home")
                : env.apply(HOME_VARIABLE);
        if (present(everything)) {
            return Path.of(everything).resolve(kind.subfolder);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        String homeVariable = env.apply("HOME");
        Path home = Path.of(present(homeVariable) && !os.contains("win") ? homeVariable
                : properties.apply("user.home"));
        if (os.contains("win")) {
            String roaming = env.apply("APPDATA");
            String local = env.apply("LOCALAPPDATA");
            Path appData = present(roaming) ? Path.of(roaming) : home.resolve("AppData").resolve("Roaming");
            Path localAppData = present(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return kind == Kind.CACHE ? localAppData.resolve(APP).resolve("cache") : appData.resolve(APP);
        }
        if (os.contains("mac")) {
            Path library = home.resolve("Library");
            return kind == Kind.CACHE ? library.resolve("Caches").resolve(APP)
                    : library.resolve("Application Support").resolve(APP);
        }
        Map<Kind, String[]> xdg = Map.of(Kind.DATA, new String[] {"XDG_DATA_HOME", ".local/share"},
                Kind.CONFIG, new String[] {"XDG_CONFIG_HOME", ".config"},
                Kind.CACHE, new String[] {"XDG_CACHE_HOME", ".cache"});
        String[] rule = xdg.get(kind);
        String base = env.apply(rule[0]);
        // The XDG specification: a relative path in these variables is invalid and is ignored.
        Path root = present(base) && Path.of(base).isAbsolute() ? Path.of(base) : home.resolve(rule[1]);
        return root.resolve(APP);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
