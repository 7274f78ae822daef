package org.edgeofchaos.explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.ui.charts.Decimator;
import org.edgeofchaos.explorer.ui.controls.EdgePrediction;
import org.edgeofchaos.explorer.ui.controls.RunRequest;
import org.edgeofchaos.explorer.ui.export.ChartRenderer;
import org.edgeofchaos.explorer.ui.settings.ExplorerSettings;
import org.edgeofchaos.explorer.ui.settings.SettingsStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces that need no window: settings file, CLI chart rendering, the scaling law, decimation. */
class SettingsAndExportTest {
    /**
     * TestFX must be the one to start the toolkit in this JVM: a toolkit started first by the renderer's own
     * Platform.startup leaves later robot tests without mouse events.
     */
    @BeforeAll
    static void startToolkitTheTestFxWay() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }
    @TempDir
    Path dir;

    @Test
    void aCorruptSettingsFileIsKeptAsABackupAndNotOverwritten() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"windowWidth\": [1, 2] ");
        SettingsStore store = new SettingsStore(file);
        store.load();
        List<Path> kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(f -> f.getFileName().toString().startsWith("settings.json.bad-")).toList();
        }
        assertEquals(1, kept.size(), "the damaged file is kept beside");
        assertEquals("{ \"windowWidth\": [1, 2] ", Files.readString(kept.get(0)));
        assertTrue(store.loadProblem().contains("kept as " + kept.get(0).getFileName()), store.loadProblem());
        store.save(ExplorerSettings.defaults());
        assertEquals("{ \"windowWidth\": [1, 2] ", Files.readString(kept.get(0)), "a save does not touch it");
        store.load();
        assertNull(store.loadProblem(), "said once");
    }

    @Test
    void settingsRoundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        RunRequest request = new RunRequest(Hyperparameters.paperDefaults().withLearningRate(0.1), 6000, 14);
        store.save(ExplorerSettings.defaults().withRequest(request).withWindow(10, 20, 1200, 800, false,
                List.of(0.2, 0.8)).withTheme("DARK"));
        ExplorerSettings loaded = store.load();
        assertNull(store.loadProblem());
        assertEquals(request, loaded.request());
        assertEquals(List.of(0.2, 0.8), loaded.dividers());
        assertEquals("DARK", loaded.theme(), "the projector theme is remembered");
        // every later change keeps it
        assertEquals("DARK", loaded.withRequest(request).withView("EPOCH", "SCREEN").withDataDirectory("/x").theme());
    }

    @Test
    void chartRendererWritesTheRunChartsAsPngWithoutAWindow() throws Exception {
        List<Path> files = ChartRenderer.renderRunCharts(RunHistoryTest.run("run-x", "2026-01-01T10:00:00Z", 0.02,
                0.87), dir.resolve("out"), 1280, 720);
        assertEquals(List.of("run-x-loss.png", "run-x-accuracy.png", "run-x-lambda.png", "run-x-j.png"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            assertEquals(1280, image.getWidth());
            assertEquals(720, image.getHeight());
        }
        assertTrue(files.get(0).getFileName().toString().equals("run-x-loss.png"));
    }

    @Test
    void predictedEpochsToTheEdgeFollowTheMeasuredScalingLaw() {
        Hyperparameters paper = Hyperparameters.paperDefaults();
        // measured: the paper defaults reach J = 1 at epoch 53 on all 60,000 images (science.md section 4)
        assertEquals(53, EdgePrediction.epochsToEdge(paper, 60000), 1);
        // doubling eta about halves the time (a little less: the first-epoch jump weighs more when the edge is near)
        double doubled = EdgePrediction.epochsToEdge(paper.withLearningRate(0.04), 60000);
        assertTrue(doubled > 24 && doubled < 27, "eta 0.04: " + doubled);
        // k scales with the training-set size: ten times fewer images, about ten times longer
        assertEquals(10, EdgePrediction.epochsToEdge(paper, 6000) / EdgePrediction.epochsToEdge(paper, 60000), 0.6);
        assertEquals(0, EdgePrediction.epochsToEdge(paper.withInit(2, 0), 60000));
        assertTrue(Double.isInfinite(EdgePrediction.epochsToEdge(paper.withWeightDecay(1e-3), 60000)));
        assertEquals(EdgePrediction.k(paper, 60000, 28) / 240000, EdgePrediction.criticalWeightDecay(paper, 60000, 28),
                1e-15);
        // The classroom preset at 14x14 (measured: J crossed 1 at epoch 7.4).
        Hyperparameters demo = new Hyperparameters(0.1, 0.5, 16, 0, 12, 1, 0.5, 0);
        assertEquals(7.4, EdgePrediction.epochsToEdge(demo, 6000, 14), 0.3);
    }

    @Test
    void decimationKeepsExtremesAndBoundsThePointCount() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 1000.0);
        }
        y[54_321] = 10;
        double[][] out = Decimator.minMax(x, y, 500);
        assertTrue(out[0].length <= 1002, "points " + out[0].length);
        assertEquals(10, java.util.Arrays.stream(out[1]).max().orElseThrow());
        assertEquals(n - 1, out[0][out[0].length - 1]);
    }
}
