package org.edgeofchaos.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session named on the command line is checked before any window opens: one line, exit code 2. */
class MainSessionTest {
    @TempDir
    Path dir;

    @Test
    void aBadSessionIsOneLineNamingTheFileLineAndField() throws Exception {
        Path bad = dir.resolve("class.session.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": 1,\n  \"settings\": {\"momentum\": 1.5}\n}");
        String problem = Main.checkSession(List.of(bad.toString()));
        assertTrue(problem.startsWith(bad.toAbsolutePath() + ", line 3, field settings.momentum: momentum must be"),
                problem);
        assertEquals(1, problem.lines().count());
        assertTrue(Main.checkSession(List.of("--session", dir.resolve("gone.json").toString()))
                .endsWith("gone.json: no such file"));
        assertTrue(Main.checkSession(List.of("--session")).startsWith("--session needs a session file"));
        assertNull(Main.checkSession(List.of("assets/sessions/classroom.session.json")));
    }
}
