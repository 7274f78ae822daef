package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.edgeofchaos.explorer.experiment.AppDirectories.Kind;
import org.junit.jupiter.api.Test;

/** Every platform's convention, the XDG variables, $HOME over user.home, and the one-folder override. */
class AppDirectoriesTest {
    private static Path resolve(Kind kind, String os, Map<String, String> env, Map<String, String> props) {
        return AppDirectories.resolve(kind, os, env::get, props::get);
    }

    private static final Map<String, String> USER_HOME = Map.of("user.home", "/home/passwd");

    @Test
    void linuxFollowsXdgAndHonoursAChangedHome() {
        Map<String, String> env = Map.of("HOME", "/tmp/other-home");
        assertEquals(Path.of("/tmp/other-home/.local/share/edge-of-chaos-explorer"),
                resolve(Kind.DATA, "Linux", env, USER_HOME));
        assertEquals(Path.of("/tmp/other-home/.config/edge-of-chaos-explorer"),
                resolve(Kind.CONFIG, "Linux", env, USER_HOME));
        assertEquals(Path.of("/tmp/other-home/.cache/edge-of-chaos-explorer"),
                resolve(Kind.CACHE, "Linux", env, USER_HOME));

        Map<String, String> xdg = Map.of("HOME", "/h", "XDG_DATA_HOME", "/x/data", "XDG_CONFIG_HOME", "/x/config",
                "XDG_CACHE_HOME", "relative/is/ignored");
        assertEquals(Path.of("/x/data/edge-of-chaos-explorer"), resolve(Kind.DATA, "Linux", xdg, USER_HOME));
        assertEquals(Path.of("/x/config/edge-of-chaos-explorer"), resolve(Kind.CONFIG, "Linux", xdg, USER_HOME));
        assertEquals(Path.of("/h/.cache/edge-of-chaos-explorer"), resolve(Kind.CACHE, "Linux", xdg, USER_HOME));
        assertEquals(Path.of("/home/passwd/.local/share/edge-of-chaos-explorer"),
                resolve(Kind.DATA, "Linux", Map.of(), USER_HOME), "no HOME: user.home");
    }

    @Test
    void macOsAndWindowsConventions() {
        Map<String, String> env = Map.of("HOME", "/Users/ada");
        assertEquals(Path.of("/Users/ada/Library/Application Support/edge-of-chaos-explorer"),
                resolve(Kind.DATA, "Mac OS X", env, USER_HOME));
        assertEquals(Path.of("/Users/ada/Library/Application Support/edge-of-chaos-explorer"),
                resolve(Kind.CONFIG, "Mac OS X", env, USER_HOME));
        assertEquals(Path.of("/Users/ada/Library/Caches/edge-of-chaos-explorer"),
                resolve(Kind.CACHE, "Mac OS X", env, USER_HOME));
        Map<String, String> win = Map.of("APPDATA", "/c/Roaming", "LOCALAPPDATA", "/c/Local");
        assertEquals(Path.of("/c/Roaming/edge-of-chaos-explorer"), resolve(Kind.CONFIG, "Windows 11", win, USER_HOME));
        assertEquals(Path.of("/c/Local/edge-of-chaos-explorer/cache"), resolve(Kind.CACHE, "Windows 11", win,
                USER_HOME));
    }

    @Test
    void oneVariablePutsEverythingElsewhere() {
        Map<String, String> env = Map.of("HOME", "/h", "XDG_DATA_HOME", "/x", AppDirectories.HOME_VARIABLE, "/big");
        assertEquals(Path.of("/big/data"), resolve(Kind.DATA, "Linux", env, USER_HOME));
        assertEquals(Path.of("/big/config"), resolve(Kind.CONFIG, "Windows 10", env, USER_HOME));
        assertEquals(Path.of("/big/cache"), resolve(Kind.CACHE, "Mac OS X", env, USER_HOME));
        assertEquals(Path.of("/prop/cache"), resolve(Kind.CACHE, "Linux", env, Map.of("eoc.home", "/prop")));
        assertEquals(Path.of("/only-data"), resolve(Kind.CONFIG, "Linux", env, Map.of("eoc.userDataDir",
                "/only-data")), "a redirected data folder keeps the settings with it");
    }
}
