package org.edgeofchaos.explorer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionArgumentsTest {
    @Test
    void aJsonFileOrSessionOptionOpensTheWindowAnythingElseIsACommand() {
        assertEquals(Optional.of(Path.of("class.session.json")), SessionArguments.sessionFile(List.of("class.session.json")));
        assertEquals(Optional.of(Path.of("a b.json")), SessionArguments.sessionFile(List.of("--session", "a b.json")));
        assertEquals(Optional.of(Path.of("x.json")), SessionArguments.sessionFile(List.of("--session=x.json")));
        assertEquals(Optional.empty(), SessionArguments.sessionFile(List.of("train", "--epochs", "2")));
        assertEquals(Optional.empty(), SessionArguments.sessionFile(List.of("--help")));
        assertFalse(SessionArguments.asksForSession(List.of("lyapunov", "x.json")));
        assertTrue(SessionArguments.asksForSession(List.of("--session")), "reported, not taken for a command");
    }

    @Test
    void namesTheWindowKnowsAreCheckedWithTheirLine() {
        byte[] json = "{\"schemaVersion\": 1,\n\"phaseMap\": {\"quantity\": \"COLOUR\"},\n\"view\": {\"xAxis\": \"DAYS\"}}"
                .getBytes(StandardCharsets.UTF_8);
        SessionFileException quantity = assertThrows(SessionFileException.class,
                () -> SessionFiles.parse(Path.of("s.json"), json));
        assertEquals("phaseMap.quantity", quantity.field());
        assertEquals(2, quantity.line());
        assertTrue(quantity.reason().contains("LAMBDA_MAX"), quantity.reason());
        byte[] axis = "{\"schemaVersion\": 1,\n\"view\": {\"xAxis\": \"DAYS\"}}".getBytes(StandardCharsets.UTF_8);
        SessionFileException x = assertThrows(SessionFileException.class, () -> SessionFiles.parse(Path.of("s.json"),
                axis, Map.of("view.xAxis", List.of("EPOCHS", "SCALED_TIME"))));
        assertEquals("view.xAxis", x.field());
        assertEquals("must be one of EPOCHS, SCALED_TIME, got \"DAYS\"", x.reason());
    }

    @Test
    void theShippedExampleSessionReads() throws Exception {
        ExplorerSession s = SessionFiles.read(Path.of("assets/sessions/classroom.session.json"));
        assertTrue(s.view().presentation());
        assertEquals(3, s.runs().size());
        for (Path run : s.runs()) {
            assertTrue(java.nio.file.Files.isRegularFile(run), "the example's runs ship with it: " + run);
        }
        assertTrue(s.sweep().shipped());
    }
}
