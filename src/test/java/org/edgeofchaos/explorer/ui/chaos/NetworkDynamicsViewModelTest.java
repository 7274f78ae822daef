package org.edgeofchaos.explorer.ui.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.edgeofchaos.explorer.experiment.DatasetInfo;
import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.experiment.RunStore;
import org.edgeofchaos.explorer.training.DynamicsPortrait;
import org.edgeofchaos.explorer.training.EpochMetrics;
import org.edgeofchaos.explorer.training.Hyperparameters;
import org.edgeofchaos.explorer.training.RunState;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.edgeofchaos.explorer.ui.export.ChartImages;

class NetworkDynamicsViewModelTest {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    /** An epoch whose leading W pair has modulus {@code lead} at 160 degrees and whose D* pair {@code leadD}. */
    private static EpochMetrics epoch(int e, double lead, double leadD, String kind) {
        double a = Math.toRadians(160);
        float[] wRe = {(float) (lead * Math.cos(a)), (float) (lead * Math.cos(a)), 0.3f};
        float[] wIm = {(float) (lead * Math.sin(a)), (float) (-lead * Math.sin(a)), 0f};
        float[] dRe = {(float) (leadD * Math.cos(a)), (float) (leadD * Math.cos(a)), 0.2f};
        float[] dIm = {(float) (leadD * Math.sin(a)), (float) (-leadD * Math.sin(a)), 0f};
        float[] m = new float[50];
        for (int t = 0; t < m.length; t++) {
            m[t] = (float) (0.05 * Math.sin(t * 2.8));
        }
        return new EpochMetrics(e, 0.5, 0.8, 0.5, 0.8, 0.8 + 0.05 * e, 0.1, -0.01, 0, 1, 1000, false, 0.1, false,
                0.9 + 0.01 * e,
                2e-4, kind, null, new DynamicsPortrait(wRe, wIm, dRe, dIm, m));
    }

    private NetworkDynamicsViewModel model(ObservableList<EpochMetrics> live, Path dir) {
        return new NetworkDynamicsViewModel(live, new RunStore(dir), now, dialogs);
    }

    @Test
    void followsTheLiveRunAndKeepsAnEarlierEpochTheUserPicked(@TempDir Path dir) {
        ObservableList<EpochMetrics> live = FXCollections.observableArrayList();
        NetworkDynamicsViewModel model = model(live, dir);
        assertEquals(0, model.epochCountProperty().get());
        assertTrue(model.summaryProperty().get().startsWith("Start a run"));

        live.addAll(epoch(1, 0.9, 0.9, "fixed-point"), epoch(2, 1.05, 0.95, "quasi-periodic"));
        assertEquals(2, model.epochCountProperty().get());
        assertEquals(1, model.epochIndexProperty().get(), "at the last epoch");
        String summary = model.summaryProperty().get();
        assertTrue(summary.startsWith("Epoch 2:"), summary);
        assertTrue(summary.contains("quasi-periodic"), summary);
        assertTrue(summary.contains("|mu_1(W)| = 1.0500 at 160 deg, 2 of W and 0 of D* outside"), summary);
        assertTrue(model.spectrumProperty().get().title().contains("epoch 2"));

        model.epochIndexProperty().set(0);
        assertEquals(0.9f, (float) Math.hypot(model.spectrumProperty().get().weightRe()[0],
                model.spectrumProperty().get().weightIm()[0]), 1e-6);
        live.add(epoch(3, 1.1, 1.02, "chaotic"));
        assertEquals(3, model.epochCountProperty().get());
        assertEquals(0, model.epochIndexProperty().get(), "an epoch picked by the user stays");
        model.epochIndexProperty().set(2);
        live.add(epoch(4, 1.2, 1.1, "chaotic"));
        assertEquals(3, model.epochIndexProperty().get(), "at the end it follows again");
        NetworkPictures.Evolution evolution = model.evolutionProperty().get();
        assertEquals(4, evolution.size());
        assertEquals(1.2, evolution.leadingWeight()[3], 1e-6);
        assertEquals("chaotic", evolution.kinds()[3]);
    }

    @Test
    void replaysASavedRunEpochByEpoch(@TempDir Path dir) {
        NetworkDynamicsViewModel model = model(FXCollections.observableArrayList(), dir);
        Hyperparameters hp = new Hyperparameters(0.1, 0.5, 16, 0, 3, 1L, 0.5, 0);
        RunRecord run = new RunRecord(RunRecord.SCHEMA_VERSION, "run-1", "2026-12-01T00:00:00Z", RunState.FINISHED, hp,
                new DatasetInfo("d", "fashion-mnist", 6000, 10000, 14, true, 1),
                List.of(epoch(1, 0.9, 0.9, "fixed-point"), epoch(2, 1.05, 0.95, "quasi-periodic"),
                        new EpochMetrics(3, 0.4, 0.85, 0.45, 0.84, 1.1, 0.1, 0.0, 0.0, 1, 1000, false)),
                List.of(), List.of(), 0, 0);
        model.show(run);
        assertEquals(3, model.epochCountProperty().get());
        assertEquals(0, model.epochIndexProperty().get(), "a replay starts at the first epoch");
        model.epochIndexProperty().set(2);
        assertTrue(model.summaryProperty().get().contains("attractor not measured"), model.summaryProperty().get());
        assertTrue(model.spectrumProperty().get().empty());
    }

    private static int redPixels(BufferedImage image) {
        int reds = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80) {
                    reds++;
                }
            }
        }
        return reds;
    }

    @Test
    void spectrumMarksEigenvaluesOutsideTheUnitCircleInRed() {
        NetworkPictures.Spectrum outside = new NetworkPictures.Spectrum("test", 1.0, new float[0], new float[0],
                new float[] {1.3f, 0.5f}, new float[] {0f, 0f});
        NetworkPictures.Spectrum inside = new NetworkPictures.Spectrum("test", 1.0, new float[0], new float[0],
                new float[] {0.9f, 0.5f}, new float[] {0f, 0f});
        int withOutside = redPixels(ChartImages.render(NetworkPainters.spectrum(outside), 400, 400, 1));
        int withoutOutside = redPixels(ChartImages.render(NetworkPainters.spectrum(inside), 400, 400, 1));
        // The legend's swatch is red in both; the eigenvalue at 1.3 adds a red dot (about 16 pixels).
        assertTrue(withOutside >= withoutOutside + 6, withOutside + " vs " + withoutOutside + " red pixels");
    }
}
