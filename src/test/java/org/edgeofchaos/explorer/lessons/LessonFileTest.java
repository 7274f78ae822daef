package org.edgeofchaos.explorer.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files: a valid one read into steps, and each kind of mistake reported with its line and field. */
class LessonFileTest {
    private static final String VALID = """
            {
              "format": "edge-of-chaos-explorer/lesson",
              "schemaVersion": 1,
              "id": "test-lesson",
              "title": "A test",
              "summary": "Two steps.",
              "minutes": 5,
              "steps": [
                {
                  "title": "Settings",
                  "text": "We set the sliders.",
                  "actions": [
                    { "set": { "learningRate": 0.1, "batchSize": 16, "resolution": 14, "trainSize": 6000 } },
                    { "tab": "curves" },
                    { "train": true }
                  ],
                  "predict": { "question": "J will", "choices": ["shrink", "grow"], "answer": 2 },
                  "observe": "It grew."
                },
                {
                  "title": "Map",
                  "text": "Look at a cell.",
                  "actions": [
                    { "tab": "phase-diagram" },
                    { "phaseMap": "shipped" },
                    { "inspect": { "j0OverJ": 0, "oneOverJ": 0.5 } },
                    { "sweep": "sweep-classroom" },
                    { "sweepMetric": "final-j" },
                    { "logisticR": 3.2 },
                    { "closeInspector": true }
                  ]
                }
              ]
            }
            """;

    private static Lesson parse(String text) throws LessonFileException {
        return LessonFile.parse(text.getBytes(StandardCharsets.UTF_8), "my.json", null, LessonRules.core());
    }

    private static LessonFileException problem(String text) {
        return assertThrows(LessonFileException.class, () -> parse(text));
    }

    /** The valid lesson with one line replaced. */
    private static String with(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replace(from, to);
    }

    @Test
    void readsAValidLessonIntoSetupAndRunActions() throws Exception {
        Lesson lesson = parse(VALID);
        assertEquals("test-lesson", lesson.id());
        assertEquals(2, lesson.steps().size());
        LessonStep first = lesson.steps().get(0);
        assertEquals(List.of("learningRate", "batchSize", "resolution", "trainSize"),
                List.copyOf(((StepAction.SetControls) first.actions().get(0)).values().keySet()));
        assertEquals(2, first.setupActions().size());
        assertEquals(List.of(new StepAction.Train()), first.runActions());
        assertTrue(first.trains());
        assertEquals(1, first.predict().answer(), "answer 2 counts from 1: the second choice");
        LessonStep second = lesson.steps().get(1);
        assertEquals(new StepAction.Inspect(0, 0.5), second.actions().get(2));
        assertEquals(new StepAction.LoadSweep(new StepAction.Folder("sweep-classroom", null)),
                second.actions().get(3));
        assertInstanceOf(StepAction.CloseInspector.class, second.actions().get(6));
        assertTrue(second.actions().get(6).immediate());
        assertFalse(second.prediction().isPresent());
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        // a missing comma after "minutes": 5 on line 7
        LessonFileException e = problem(with("\"minutes\": 5,", "\"minutes\": 5"));
        assertEquals(8, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("my.json line 8, column 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected character"), e.getMessage());
    }

    @Test
    void cutShortFileSaysSo() {
        LessonFileException e = problem(VALID.substring(0, VALID.indexOf("\"steps\"")));
        assertTrue(e.problem().contains("ends too early"), e.getMessage());
    }

    @Test
    void unknownFieldIsNamedWithItsPath() {
        LessonFileException e = problem(with("\"observe\": \"It grew.\"", "\"observe\": \"It grew.\", \"hint\": 1"));
        assertEquals("steps[0].hint", e.field(), e.getMessage());
        assertEquals(18, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("unknown field 'hint'"), e.getMessage());
    }

    @Test
    void unknownActionListsTheKnownOnes() {
        LessonFileException e = problem(with("{ \"train\": true }", "{ \"fly\": true }"));
        assertEquals("steps[0].actions[2].fly", e.field(), e.getMessage());
        assertEquals(15, e.line());
        assertTrue(e.problem().contains("unknown action 'fly'") && e.problem().contains("logisticR"),
                e.getMessage());
    }

    @Test
    void outOfRangeValueIsReportedByTheCoreValidation() {
        LessonFileException e = problem(with("\"learningRate\": 0.1", "\"learningRate\": -0.1"));
        assertEquals("my.json line 13, column 36: field 'steps[0].actions[0].set.learningRate': learning rate "
                + "must be a finite number > 0, got -0.1", e.getMessage());
        LessonFileException m = problem(with("\"batchSize\": 16", "\"batchSize\": 16.5"));
        assertEquals("steps[0].actions[0].set.batchSize", m.field());
        assertTrue(m.problem().contains("whole number"), m.getMessage());
    }

    @Test
    void unknownSettingAndWrongKindOfValue() {
        LessonFileException e = problem(with("\"learningRate\": 0.1", "\"lr\": 0.1"));
        assertEquals("steps[0].actions[0].set.lr", e.field());
        assertTrue(e.problem().startsWith("unknown setting 'lr' (known: learningRate"), e.getMessage());
        LessonFileException k = problem(with("\"learningRate\": 0.1", "\"learningRate\": \"fast\""));
        assertEquals("steps[0].actions[0].set.learningRate", k.field(), k.getMessage());
        assertEquals(13, k.line());
        assertTrue(k.problem().contains("expected a number"), k.getMessage());
    }

    @Test
    void windowRulesAddTheSliderRanges() {
        LessonRules rules = LessonRules.core().withSettings((key, v) -> key.equals("learningRate") && v > 1
                ? "2 is out of range: allowed 0.0001 to 1" : null);
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonFile.parse(
                with("\"learningRate\": 0.1", "\"learningRate\": 2").getBytes(StandardCharsets.UTF_8), "x.json",
                null, rules));
        assertTrue(e.getMessage().endsWith("set.learningRate': 2 is out of range: allowed 0.0001 to 1"),
                e.getMessage());
    }

    @Test
    void unknownTabCellOutsideTheMapAndTwoActionsInOne() {
        LessonFileException tab = problem(with("{ \"tab\": \"curves\" }", "{ \"tab\": \"charts\" }"));
        assertEquals("steps[0].actions[1].tab", tab.field());
        assertTrue(tab.problem().contains("unknown tab 'charts' (known: curves, phase-diagram"), tab.getMessage());
        assertEquals(14, tab.line());
        LessonFileException cell = problem(with("\"oneOverJ\": 0.5", "\"oneOverJ\": 3"));
        assertEquals("steps[1].actions[2].inspect.oneOverJ", cell.field());
        LessonFileException two = problem(with("{ \"train\": true }", "{ \"train\": true, \"tab\": \"curves\" }"));
        assertTrue(two.problem().contains("an action does one thing"), two.getMessage());
        LessonFileException metric = problem(with("\"final-j\"", "\"accuracy\""));
        assertTrue(metric.problem().contains("unknown sweep metric 'accuracy'"), metric.getMessage());
    }

    @Test
    void predictionNeedsChoicesAnAnswerInRangeAndAnObservation() {
        assertTrue(problem(with("\"answer\": 2", "\"answer\": 3")).problem().contains("1 to 2"));
        assertEquals("steps[0].predict.choices", problem(with("[\"shrink\", \"grow\"]", "[\"grow\"]")).field());
        assertEquals("steps[0].observe", problem(with("\"observe\": \"It grew.\"", "\"observe\": \"\"")).field());
    }

    @Test
    void formatAndSchemaVersionAreChecked() {
        assertEquals("format", problem(with("edge-of-chaos-explorer/lesson", "something-else")).field());
        LessonFileException newer = problem(with("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        assertTrue(newer.problem().contains("newer version"), newer.getMessage());
        assertEquals(3, newer.line());
        LessonFileException missing = problem(with("\"title\": \"A test\",", ""));
        assertEquals("title", missing.field());
    }

    @Test
    void foldersResolveNextToTheLessonFile(@TempDir Path dir) throws IOException, LessonFileException {
        Files.createDirectories(dir.resolve("my-sweep"));
        Files.writeString(dir.resolve("my-sweep/sweep.json"), "{}");
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, with("\"sweep\": \"sweep-classroom\"", "\"sweep\": \"my-sweep\""));
        StepAction.LoadSweep load = (StepAction.LoadSweep) LessonFile.read(file, LessonRules.core()).steps().get(1)
                .actions().get(3);
        assertEquals(dir.resolve("my-sweep"), load.folder().path());
        Files.writeString(file, with("\"sweep\": \"sweep-classroom\"", "\"sweep\": \"no-such\""));
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonFile.read(file,
                LessonRules.core()));
        assertTrue(e.getMessage().startsWith(file + " line "), e.getMessage());
        assertTrue(e.problem().contains("neither a shipped folder"), e.getMessage());
    }

    @Test
    void missingFileIsOneLine(@TempDir Path dir) {
        LessonFileException e = assertThrows(LessonFileException.class,
                () -> LessonFile.read(dir.resolve("none.json"), LessonRules.core()));
        assertEquals(dir.resolve("none.json") + ": no such file", e.getMessage());
    }

    @Test
    void builtInLessonsAreValidAndEveryTrainingStepUsesTheClassroomSetting() throws Exception {
        List<Lesson> lessons = BuiltinLessons.all(LessonRules.core());
        assertEquals(5, lessons.size());
        for (Lesson lesson : lessons) {
            assertTrue(lesson.steps().size() >= 3, lesson.id());
            // a step that trains sets 14x14 and 6,000 images itself and at most 25 epochs: under a minute
            for (LessonStep step : lesson.steps()) {
                if (step.trains()) {
                    var set = step.actions().stream().filter(StepAction.SetControls.class::isInstance)
                            .map(a -> ((StepAction.SetControls) a).values()).findFirst().orElseThrow();
                    assertEquals(14.0, set.get("resolution"), lesson.id() + ": " + step.title());
                    assertEquals(6000.0, set.get("trainSize"), lesson.id() + ": " + step.title());
                    assertTrue(set.get("epochs") <= 25, lesson.id() + ": " + step.title());
                }
            }
        }
    }
}
