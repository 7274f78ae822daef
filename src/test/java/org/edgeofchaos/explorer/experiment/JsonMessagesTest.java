package org.edgeofchaos.explorer.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken JSON file is described by file and field, never with Jackson's internals or Java class names. */
class JsonMessagesTest {
    @TempDir
    Path dir;

    private String problem(String json) throws Exception {
        Path file = Files.writeString(dir.resolve("run.json"), json);
        String message = assertThrows(RunFileException.class, () -> RunFiles.read(file)).getMessage();
        assertTrue(message.startsWith(file.toAbsolutePath().toString()), message);
        for (String internal : new String[] {"java.", "Packed", "`", "Cannot deserialize", "through reference",
            "EpochMetrics", "RunRecord", "Source:"}) {
            assertFalse(message.contains(internal), "leaks '" + internal + "': " + message);
        }
        assertTrue(message.lines().count() == 1, message);
        return message;
    }

    @Test
    void aWrongValueNamesItsField() throws Exception {
        String m = problem("{\"schemaVersion\": 1, \"id\": \"r\", \"epochs\": [{\"epoch\": 1, \"trainLoss\": \"high\"}]}");
        assertTrue(m.contains("field \"epochs[0].trainLoss\" holds \"high\", expected a number"), m);
    }

    @Test
    void aListWhereANumberBelongsNamesItsField() throws Exception {
        String m = problem("{\"schemaVersion\": 1, \"id\": \"r\", \"epochs\": [{\"j\": [1, 2]}]}");
        assertTrue(m.contains("field \"epochs[0].j\""), m);
    }

    @Test
    void aStringWhereAListBelongsNamesItsField() throws Exception {
        String m = problem("{\"schemaVersion\": 1, \"id\": \"r\", \"epochs\": \"AAAA\"}");
        assertTrue(m.contains("field \"epochs\""), m);
    }

    @Test
    void anUnknownStateListsTheKnownOnes() throws Exception {
        String m = problem("{\"schemaVersion\": 1, \"id\": \"r\", \"state\": \"SLEEPING\"}");
        assertTrue(m.contains("field \"state\" holds \"SLEEPING\", expected one of IDLE, RUNNING"), m);
    }

    @Test
    void aCutShortFileSaysSo() throws Exception {
        String m = problem("{\"schemaVersion\": 1, \"id\": \"r\", \"epochs\": [");
        assertTrue(m.contains("cut short"), m);
        assertTrue(problem("{\"id\": nope}").contains("unexpected text 'nope'"), "bare word");
    }
}
