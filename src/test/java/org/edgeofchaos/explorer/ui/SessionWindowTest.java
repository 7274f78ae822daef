package org.edgeofchaos.explorer.ui;

import static org.edgeofchaos.explorer.ui.WindowFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Slider;
import javafx.stage.Stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.edgeofchaos.explorer.experiment.RunFiles;
import org.edgeofchaos.explorer.session.ExplorerSession;
import org.edgeofchaos.explorer.session.SessionFiles;
import org.edgeofchaos.explorer.session.SessionPart;
import org.edgeofchaos.explorer.session.SessionPaths;
import org.edgeofchaos.explorer.session.SessionProblems;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.common.Theme;
import org.edgeofchaos.explorer.ui.sweep.SweepsTab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** File > Open session puts the window back as saved; missing runs are named; a malformed session changes nothing. */
@ExtendWith(ApplicationExtension.class)
class SessionWindowTest {
    private WindowFixture fixture;
    private MainWindow window;
    private Path folder;

    /** A part owned by another feature (as the lessons will be): saved under parts, restored on open. */
    private final List<String> restoredSteps = new ArrayList<>();
    private final SessionPart lesson = new SessionPart() {
        @Override
        public String key() {
            return "quiz";
        }

        @Override
        public JsonNode save(SessionPaths paths) {
            return JsonNodeFactory.instance.objectNode().put("step", 4);
        }

        @Override
        public void restore(JsonNode node, SessionPaths paths, SessionProblems problems) {
            restoredSteps.add(node.get("step").asText());
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        fixture = new WindowFixture();
        window = fixture.open(stage);
        window.sessionParts().register(lesson);
        folder = Files.createDirectories(fixture.userDir.resolve("class"));
        Files.createDirectories(folder.resolve("runs"));
        RunFiles.write(folder.resolve("runs/a.json"), RunHistoryTest.run("run-a", "2026-01-01T10:00:00Z", 0.05, 0.86));
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.presentation().leave();
            Theme.LIGHT.apply(window.scene());
        });
        fixture.close();
    }

    private static final String SESSION = """
            {
              "format": "edge-of-chaos-explorer session",
              "schemaVersion": 1,
              "settings": {
                "learningRate": 0.05, "momentum": 0.9, "batchSize": 64, "weightDecay": 9e-5, "epochs": 30,
                "seed": 7, "initJ": 0.8, "initJ0": 0.25, "trainSize": 6000, "resolution": 14
              },
              "view": {
                "tab": "sweeps-tab", "xAxis": "SCALED_TIME", "theme": "DARK", "presentation": false,
                "hiddenControls": ["history", "setting-seed", "no-such-control"]
              },
              "runs": ["runs/a.json", "runs/gone.json"],
              "parts": {"quiz": {"step": 3}, "lesson": {"source": "builtin:order-and-chaos", "step": 1}}
            }
            """;

    private void openAndWait(Path file) throws Exception {
        javafx.application.Platform.runLater(() -> window.session().open(file));
        await(30, () -> file.toAbsolutePath().normalize().equals(window.session().fileProperty().get())
                || !fixture.dialogs.errors.isEmpty());
    }

    @Test
    void openingASessionRestoresTheWindowAndNamesTheMissingRun(FxRobot robot) throws Exception {
        Path file = folder.resolve("class.session.json");
        Files.writeString(file, SESSION);
        openAndWait(file);
        assertEquals(List.of(), fixture.dialogs.errors);

        assertEquals(new Hyperparameters(0.05, 0.9, 64, 9e-5, 30, 7L, 0.8, 0.25),
                window.controls().request().hyperparameters());
        assertEquals(6000, window.controls().request().trainSize());
        assertEquals(14, window.controls().request().resolution());
        Slider lr = robot.lookup("#learningRate-slider").queryAs(Slider.class);
        assertEquals(Math.log10(0.05), lr.getValue(), 1e-6, "the slider moved with the setting");
        assertEquals(SweepsTab.ID, window.selected().id(), "the tab that was in front");
        assertEquals(Theme.DARK, Theme.current());
        assertEquals(List.of("history", "setting-seed"), window.presentation().hidden());
        assertFalse(window.presentation().isActive());
        assertEquals(List.of("run-a"), window.history().selectedRunsProperty().get().stream()
                .map(r -> r.id()).toList(), "the run that exists is shown");
        assertEquals(List.of("3"), restoredSteps, "a feature's part is handed to it");
        assertEquals(new org.edgeofchaos.explorer.ui.lessons.LessonPosition("builtin:order-and-chaos", 1),
                window.lessons().position().orElseThrow(), "the lesson opens at its step");

        assertTrue(window.notifications().isShowing(), "the problems are shown");
        String notice = window.notifications().getText();
        assertTrue(notice.contains(folder.resolve("runs/gone.json") + " is missing"), notice);
        assertTrue(notice.contains("no-such-control"), notice);
        assertTrue(notice.endsWith("The rest of the session is open."), notice);
        assertTrue(window.stage().getTitle().contains("class.session.json"), window.stage().getTitle());

        // ... and saving it again gives the same session (without what was missing), relative to the new folder
        Path again = folder.resolve("again.session.json");
        robot.interact(() -> window.session().saveTo(again));
        await(20, () -> again.toAbsolutePath().normalize().equals(window.session().fileProperty().get()));
        ExplorerSession saved = SessionFiles.read(again);
        ExplorerSession original = SessionFiles.read(file);
        assertEquals(original.settings(), saved.settings());
        assertEquals(new ExplorerSession.View("sweeps-tab", "SCALED_TIME", "DARK", false,
                List.of("history", "setting-seed")), saved.view());
        assertEquals(List.of(folder.resolve("runs/a.json")), saved.runs());
        assertTrue(Files.readString(again).contains("\"runs/a.json\""), "stored relative to the session");
        assertEquals(4, saved.parts().get("quiz").get("step").asInt(), "the part saved its own state");
        assertEquals("builtin:order-and-chaos", saved.parts().get("lesson").get("source").asText());
        assertEquals(1, saved.parts().get("lesson").get("step").asInt());
        assertNotNull(saved.sweep(), "the sweep on the Sweeps tab is saved");
        assertTrue(saved.sweep().shipped(), "the shipped example, found wherever it is installed");
    }

    @Test
    void aSessionCanOpenInPresentationMode(FxRobot robot) throws Exception {
        Path file = folder.resolve("present.session.json");
        Files.writeString(file, SESSION.replace("\"presentation\": false", "\"presentation\": true"));
        openAndWait(file);
        assertTrue(window.presentation().isActive());
        assertEquals(Theme.PROJECTOR_DARK, Theme.current(), "the projector variant of the saved dark look");
        assertTrue(robot.lookup("#history-list").tryQuery().map(n -> n.getScene() == null).orElse(true),
                "the saved runs are hidden");
    }

    @Test
    void aMalformedSessionIsOneClearMessageAndChangesNothing(FxRobot robot) throws Exception {
        Hyperparameters before = window.controls().request().hyperparameters();
        Path file = folder.resolve("bad.session.json");
        Files.writeString(file, SESSION.replace("\"batchSize\": 64", "\"batchSize\": 0"));
        openAndWait(file);
        assertEquals(1, fixture.dialogs.errors.size(), fixture.dialogs.errors.toString());
        String error = fixture.dialogs.errors.get(0);
        assertTrue(error.contains("bad.session.json, line 5, field settings.batchSize: batch size must be in"),
                error);
        assertEquals(before, window.controls().request().hyperparameters(), "nothing was applied");
        assertEquals(Theme.LIGHT, Theme.current());
        assertEquals(List.of(), window.presentation().hidden());
        assertEquals(null, window.session().fileProperty().get());

        fixture.dialogs.errors.clear();
        Path unknown = folder.resolve("unknown.session.json");
        Files.writeString(unknown, SESSION.replace("\"theme\": \"DARK\"", "\"theme\": \"NEON\""));
        openAndWait(unknown);
        assertTrue(fixture.dialogs.errors.get(0).contains("line 9, field view.theme: must be one of LIGHT, DARK, "
                + "PROJECTOR_LIGHT, PROJECTOR_DARK, got \"NEON\""), fixture.dialogs.errors.toString());
    }
}
