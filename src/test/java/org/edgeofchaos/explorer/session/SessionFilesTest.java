package org.edgeofchaos.explorer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionFilesTest {
    @TempDir
    Path dir;

    private ExplorerSession sample(Path outside) throws Exception {
        Hyperparameters hp = new Hyperparameters(0.05, 0.9, 64, 9e-5, 30, 7L, 0.8, 0.25);
        JsonNode lesson = JsonMapper.builder().build().readTree("{\"source\": \"builtin:edge\", \"step\": 3}");
        return new ExplorerSession(new ExplorerSession.Settings(hp, 6000, 14, outside.resolve("kmnist")),
                new ExplorerSession.View("phase-diagram-tab", "SCALED_TIME", "PROJECTOR_DARK", true,
                        List.of("history", "setting-seed")),
                List.of(dir.resolve("runs/a.json"), outside.resolve("b.json")),
                new ExplorerSession.Sweep(dir.resolve("sweeps/lr-b"), false, "BEST_ACCURACY"),
                new ExplorerSession.PhaseView(200, 50, 50, "DISTANCE", 1234, List.of(dir.resolve("runs/a.json"))),
                Map.of("lesson", lesson));
    }

    @Test
    void aSessionRoundTripsWithPathsRelativeToItsFolder() throws Exception {
        Path outside = Files.createTempDirectory("elsewhere");
        ExplorerSession session = sample(outside);
        Path file = dir.resolve("class" + SessionFiles.SUFFIX);
        SessionFiles.write(file, session);
        assertEquals(session, SessionFiles.read(file));

        String json = Files.readString(file);
        assertTrue(json.contains("\"runs/a.json\""), "under the session's folder: relative, with '/'\n" + json);
        assertTrue(json.contains("\"sweeps/lr-b\""), json);
        assertTrue(json.contains(outside.resolve("b.json").toString()), "elsewhere: absolute\n" + json);
        assertTrue(json.contains("\"learningRate\" : 0.05"), "settings by the core's field names\n" + json);

        // copied with its folder to "another computer": the relative paths follow, the absolute ones stay
        Path copy = Files.createDirectories(dir.resolve("usb-stick/class"));
        Files.writeString(copy.resolve("class.session.json"), json);
        ExplorerSession moved = SessionFiles.read(copy.resolve("class.session.json"));
        assertEquals(List.of(copy.resolve("runs/a.json"), outside.resolve("b.json")), moved.runs());
        assertEquals(copy.resolve("sweeps/lr-b"), moved.sweep().folder());
        assertEquals(session.settings(), moved.settings());
        assertEquals(session.parts(), moved.parts());
    }

    @Test
    void theShippedSweepIsNamedNotLocated() throws Exception {
        Path file = dir.resolve("s.session.json");
        ExplorerSession s = new ExplorerSession(null, null, List.of(),
                new ExplorerSession.Sweep(null, true, "FINAL_LAMBDA"), null, Map.of());
        SessionFiles.write(file, s);
        ExplorerSession back = SessionFiles.read(file);
        assertTrue(back.sweep().shipped());
        assertNull(back.sweep().folder());
        assertFalse(Files.readString(file).contains("folder"));
    }

    @Test
    void aShortHandWrittenSessionTakesTheDefaults() throws Exception {
        ExplorerSession s = parse("{\"schemaVersion\": 1, \"settings\": {\"learningRate\": 0.1}}");
        assertEquals(Hyperparameters.DEFAULTS.withLearningRate(0.1), s.settings().hyperparameters());
        assertEquals(60000, s.settings().trainSize());
        assertNull(s.view());
        assertTrue(s.runs().isEmpty());
    }

    private ExplorerSession parse(String json) throws SessionFileException {
        return SessionFiles.parse(dir.resolve("t.session.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    private SessionFileException refused(String json) {
        return assertThrows(SessionFileException.class, () -> parse(json));
    }

    @Test
    void malformedJsonNamesTheFileAndLine() {
        SessionFileException e = refused("{\n  \"schemaVersion\": 1,\n  \"view\": {\"tab\": \"x\",}\n}");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("t.session.json").toString() + ", line 3: malformed JSON"),
                e.getMessage());
        SessionFileException cut = refused("{\n \"schemaVersion\": 1,\n \"runs\": [\"a.json\"");
        assertTrue(cut.reason().contains("ends too early"), cut.getMessage());
        assertTrue(refused("").reason().contains("empty"));
        assertTrue(refused("[1, 2]").reason().contains("not an object"));
    }

    @Test
    void unknownAndInvalidFieldsAreNamedWithTheirLine() {
        SessionFileException unknown = refused("{\n\"schemaVersion\": 1,\n\"settings\": {\n  \"momentum\": 0.5,\n"
                + "  \"learningrate\": 0.1\n}\n}");
        assertEquals(5, unknown.line());
        assertEquals("settings.learningrate", unknown.field());
        assertTrue(unknown.getMessage().contains("line 5, field settings.learningrate: unknown field; the fields "
                + "here are"), unknown.getMessage());
        assertTrue(unknown.reason().contains("learningRate"), "lists the right name");

        SessionFileException negative = refused("{\"schemaVersion\": 1,\n\"settings\": {\n\"learningRate\": -1}}");
        assertEquals("settings.learningRate", negative.field());
        assertEquals(3, negative.line());
        assertTrue(negative.reason().contains("-1"), negative.reason());

        SessionFileException kind = refused("{\"schemaVersion\": 1, \"settings\": {\"batchSize\": \"big\"}}");
        assertEquals("settings.batchSize", kind.field());
        assertTrue(kind.reason().contains("whole number"), kind.reason());

        SessionFileException element = refused("{\"schemaVersion\": 1,\n\"runs\": [\n\"a.json\",\n 42\n]}");
        assertEquals("runs[1]", element.field());
        assertEquals(4, element.line());

        SessionFileException cell = refused("{\"schemaVersion\": 1, \"phaseMap\": {\"columns\": 10, \"rows\": 10, "
                + "\"inspectedCell\": 100}}");
        assertEquals("phaseMap.inspectedCell", cell.field());
        assertTrue(cell.reason().contains("0 to 99"), cell.reason());

        assertEquals("settings.resolution",
                refused("{\"schemaVersion\": 1, \"settings\": {\"resolution\": 20}}").field());
        assertEquals("view.presentation",
                refused("{\"schemaVersion\": 1, \"view\": {\"presentation\": \"yes\"}}").field());
        assertTrue(refused("{\"schemaVersion\": 1, \"view\": {\"tab\": 1}, \"view\": {}}").reason()
                .contains("twice"));
    }

    @Test
    void otherFilesAndNewerVersionsAreRefusedClearly() throws Exception {
        SessionFileException noVersion = refused("{\"id\": \"run-1\", \"hyperparameters\": {}}");
        assertEquals("schemaVersion", noVersion.field());
        assertTrue(noVersion.reason().startsWith("not a session file"), noVersion.reason());
        SessionFileException newer = refused("{\"schemaVersion\": 2}");
        assertTrue(newer.reason().contains("newer version"), newer.reason());
        SessionFileException format = refused("{\"format\": \"something else\", \"schemaVersion\": 1}");
        assertEquals("format", format.field());
        SessionFileException missing = assertThrows(SessionFileException.class,
                () -> SessionFiles.read(dir.resolve("nope.session.json")));
        assertTrue(missing.getMessage().endsWith("nope.session.json: no such file"), missing.getMessage());
    }

    @Test
    void missingRunFilesAreReportedAndTheOthersLoad() throws Exception {
        RunRecord run = new RunRecord(RunRecord.SCHEMA_VERSION, "run-a", "2026-01-01T10:00:00Z", RunState.FINISHED,
                Hyperparameters.DEFAULTS, new DatasetInfo("d", "fashion-mnist", 60000, 10000, 28, false, 0),
                List.of(), List.of(), List.of(), 0, 0);
        Path present = dir.resolve("runs/a.json");
        Files.createDirectories(present.getParent());
        RunFiles.write(present, run);
        Path gone = dir.resolve("runs/gone.json");
        Path broken = dir.resolve("runs/broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"id\": ");
        SessionProblems problems = new SessionProblems();
        List<SessionRuns.Loaded> loaded = SessionRuns.read(List.of(gone, present, broken), problems);
        assertEquals(1, loaded.size());
        assertEquals("run-a", loaded.get(0).run().id());
        assertEquals(List.of(gone), problems.missingFiles());
        assertEquals(2, problems.messages().size());
        assertTrue(problems.summary().contains("gone.json is missing"), problems.summary());
        assertTrue(problems.summary().contains("broken.json"), problems.summary());
        assertTrue(problems.summary().endsWith("The rest of the session is open."), problems.summary());
    }

    @Test
    void partsHaveUniqueSafeKeys() {
        SessionParts parts = new SessionParts();
        SessionPart lesson = new SessionPart() {
            @Override
            public String key() {
                return "lesson";
            }

            @Override
            public JsonNode save(SessionPaths paths) {
                return null;
            }

            @Override
            public void restore(JsonNode node, SessionPaths paths, SessionProblems problems) {
            }
        };
        parts.register(lesson);
        assertThrows(IllegalArgumentException.class, () -> parts.register(lesson));
        assertEquals(lesson, parts.get("lesson").orElseThrow());
    }
}
