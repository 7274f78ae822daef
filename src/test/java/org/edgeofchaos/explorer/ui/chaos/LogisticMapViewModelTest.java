package org.edgeofchaos.explorer.ui.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.dynamics.LogisticMap;
import org.edgeofchaos.explorer.ui.RecordingDialogs;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.CurrentThreadTaskExecutor;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogisticMapViewModelTest {

    private final CurrentThreadTaskExecutor now = new CurrentThreadTaskExecutor();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private static int columnAt(LogisticPicture p, double r) {
        double[] rs = p.r();
        int best = 0;
        for (int i = 1; i < rs.length; i++) {
            if (Math.abs(rs[i] - r) < Math.abs(rs[best] - r)) {
                best = i;
            }
        }
        assertEquals(r, rs[best], 1e-9, "the sweep has a column at r = " + r);
        return best;
    }

    @Test
    void sweepsTheFullRangeAndItsLambdaMatchesExactValues() {
        LogisticMapViewModel model = new LogisticMapViewModel(now, now, dialogs);
        LogisticPicture p = model.pictureProperty().get();
        assertEquals(LogisticMapViewModel.FULL_MIN, p.rMin());
        assertEquals(LogisticMapViewModel.FULL_MAX, p.rMax());
        assertEquals(LogisticMapViewModel.COLUMNS, p.r().length);
        // Exact: ln|2 - r| on the fixed-point branch, (1/2) ln|4 + 2r - r^2| on the 2-cycle, ln 2 at r = 4.
        assertEquals(Math.log(0.5), p.lambda()[columnAt(p, 2.5)], 1e-9);
        assertEquals(0.5 * Math.log(0.16), p.lambda()[columnAt(p, 3.2)], 1e-9);
        assertEquals(Math.log(2), p.lambda()[columnAt(p, 4.0)], 0.03);
        assertEquals(1, p.states()[columnAt(p, 2.5)]);
        assertEquals(2, p.states()[columnAt(p, 3.2)]);
        assertEquals(4, p.states()[columnAt(p, 3.5)]);
        assertEquals(LogisticMap.MAX_STATES, p.states()[columnAt(p, 4.0)]);
    }

    @Test
    void cursorDrivesTheOrbitAndTheReadout() {
        LogisticMapViewModel model = new LogisticMapViewModel(now, now, dialogs);
        model.setCursor(3.83);
        assertTrue(model.readoutProperty().get().contains("periodic (period 3)"), model.readoutProperty().get());
        assertTrue(model.readoutProperty().get().contains("3 stable states"), model.readoutProperty().get());
        double[] xs = model.orbitProperty().get();
        assertEquals(model.x0(), xs[0]);
        assertEquals(3.83 * xs[5] * (1 - xs[5]), xs[6], 1e-12);
        assertEquals(3.83, model.pictureProperty().get().cursor());
        model.setCursor(4);
        assertTrue(model.readoutProperty().get().contains("chaotic"), model.readoutProperty().get());
    }

    @Test
    void landmarksMoveTheCursorAndWidenAZoomThatExcludesThem() {
        LogisticMapViewModel model = new LogisticMapViewModel(now, now, dialogs);
        model.zoom(3.0, 3.4);
        LogisticMapViewModel.Landmark period3 = LogisticMapViewModel.LANDMARKS.get(3);
        model.jumpTo(period3);
        assertEquals(1 + Math.sqrt(8), model.cursor(), 1e-12);
        assertEquals(LogisticMapViewModel.FULL_MAX, model.pictureProperty().get().rMax());
        model.jumpTo(LogisticMapViewModel.LANDMARKS.get(2));
        assertEquals(3.5699456718, model.cursor(), 1e-12);
    }

    /** Keeps tasks until released, to play them out of order. */
    private static final class HeldExecutor implements TaskExecutor {
        final List<BackgroundTask<?>> held = new ArrayList<>();

        @Override
        public <T> void execute(BackgroundTask<T> task) {
            held.add(task);
        }

        void release(int index) {
            new CurrentThreadTaskExecutor().execute(held.get(index));
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void zoomRecomputesInTheBackgroundAndDropsAnswersForRangesLeftBehind() {
        HeldExecutor worker = new HeldExecutor();
        LogisticMapViewModel model = new LogisticMapViewModel(worker, now, dialogs);
        assertEquals(0, model.pictureProperty().get().r().length, "nothing computed on the calling thread");
        assertTrue(model.computingProperty().get());
        model.zoom(3.54, 3.58);
        worker.release(1);
        LogisticPicture zoomed = model.pictureProperty().get();
        assertEquals(3.54, zoomed.rMin(), 1e-12);
        assertEquals(3.58, zoomed.rMax(), 1e-12);
        assertEquals(LogisticMapViewModel.COLUMNS, zoomed.r().length, "full resolution in the narrower range");
        assertFalse(model.computingProperty().get());
        worker.release(0); // the first, full-range answer arrives late: ignored
        assertEquals(3.54, model.pictureProperty().get().rMin(), 1e-12);
        // The cursor (3.5699..., inside) stays; a zoom that leaves it outside brings it to the middle.
        assertEquals(LogisticMap.ONSET_OF_CHAOS, model.cursor(), 1e-12);
        model.zoom(3.8, 3.9);
        worker.release(2);
        assertEquals(3.85, model.cursor(), 1e-12);
        assertTrue(model.readoutProperty().get().startsWith("r = 3.85"), model.readoutProperty().get());
    }

    @Test
    void tooNarrowAZoomIsRefusedWithAMessage() {
        LogisticMapViewModel model = new LogisticMapViewModel(now, now, dialogs);
        model.zoom(3.5, 3.5);
        assertTrue(model.messageProperty().get().contains("too narrow"), model.messageProperty().get());
        assertEquals(LogisticMapViewModel.FULL_MIN, model.pictureProperty().get().rMin());
    }

    @Test
    void exportsPngAndSvgFromTheSameDrawing(@TempDir Path dir) throws Exception {
        LogisticMapViewModel model = new LogisticMapViewModel(now, now, dialogs);
        Path png = dir.resolve("bifurcation.png");
        Path svg = dir.resolve("bifurcation.svg");
        model.exportTo(LogisticMapViewModel.Chart.BIFURCATION, false, 800, 600, png);
        dialogs.saveFile = svg;
        model.export(LogisticMapViewModel.Chart.BIFURCATION, true, 800, 600);
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth(), "drawn at scale 2");
        assertEquals(1200, image.getHeight());
        // The chaotic columns near r = 4 are drawn red in the bifurcation panel.
        boolean red = false;
        for (int x = 1400; x < 1560 && !red; x++) {
            for (int y = 100; y < 500 && !red; y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                red = r > 180 && g < 120;
            }
        }
        assertTrue(red, "red chaotic band near r = 4");
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("Bifurcation diagram"), "titles are vector text");
        assertTrue(model.messageProperty().get().startsWith("Saved "), model.messageProperty().get());
    }
}
