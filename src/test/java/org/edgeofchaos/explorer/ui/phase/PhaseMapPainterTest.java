package org.edgeofchaos.explorer.ui.phase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.junit.jupiter.api.Test;

/** The phase map's one drawing path for PNG, SVG and the screen, without a window. */
class PhaseMapPainterTest {
    private static final double W = 400;
    private static final double H = 300;

    /** A 4 x 4 map in a checkerboard of deep order (λ = -1) and deep chaos (λ = +1). */
    private static PhasePicture checkerboard(List<PathLayer> paths) {
        PhaseMapSpec spec = PhaseMapSpec.of(30, 4, 4, 50, 1);
        PhaseMap map = new PhaseMap(spec);
        for (int i = 0; i < spec.cellCount(); i++) {
            boolean chaos = (spec.column(i) + spec.row(i)) % 2 == 0;
            map.set(i, chaos ? 1 : -1, chaos ? 1 : 1e-9);
        }
        return new PhasePicture(map.snapshot(), PhaseMap.Quantity.LAMBDA_MAX, new double[0][], paths,
                "λmax · N = 30 · 4×4", "", -1);
    }

    private static int chaos() {
        return PhaseMapPainter.argb(ColorScale.colorAt(1)) & 0xffffff;
    }

    private static int order() {
        return PhaseMapPainter.argb(ColorScale.colorAt(-1)) & 0xffffff;
    }

    /** Colours along the middle of the third cell row (away from the ORDER and CHAOS labels), inside the frame. */
    private static int[] rowThroughCells(BufferedImage image, double scale) {
        Rectangle2D p = PhaseMapPainter.plotArea(W, H, 0);
        int y = (int) Math.round((p.getY() + p.getHeight() * (1 - 2.5 / 4)) * scale);
        int x0 = firstColumn(scale);
        int x1 = (int) Math.floor(p.getMaxX() * scale) - 3;
        int[] row = new int[x1 - x0];
        for (int x = x0; x < x1; x++) {
            row[x - x0] = image.getRGB(x, y) & 0xffffff;
        }
        return row;
    }

    @Test
    void aPngAtThreeTimesHasThreeTimesThePixelsAndCellsWithSharpEdges() {
        PhasePicture picture = checkerboard(List.of());
        BufferedImage once = PhaseImages.renderMap(picture, null, null, W, H, 1);
        BufferedImage thrice = PhaseImages.renderMap(picture, null, null, W, H, 3);

        assertEquals(1200, thrice.getWidth());
        assertEquals(900, thrice.getHeight());
        for (BufferedImage image : List.of(once, thrice)) {
            int[] row = rowThroughCells(image, image.getWidth() / W);
            Set<Integer> colours = new HashSet<>();
            int changes = 0;
            for (int i = 0; i < row.length; i++) {
                colours.add(row[i]);
                if (i > 0 && row[i] != row[i - 1]) {
                    changes++;
                }
            }
            // no blend at a cell edge and no smoothing: only the two cell colours, switching at the 3 inner edges
            assertEquals(Set.of(chaos(), order()), colours, "scale " + image.getWidth() / W);
            assertEquals(3, changes);
        }
        // the edges sit at the same place, three times as far in
        assertEquals(3 * (firstChange(rowThroughCells(once, 1)) + firstColumn(1)),
                firstChange(rowThroughCells(thrice, 3)) + firstColumn(3), 3);
    }

    private static int firstColumn(double scale) {
        return (int) Math.ceil(PhaseMapPainter.plotArea(W, H, 0).getX() * scale) + 3;
    }

    private static int firstChange(int[] row) {
        for (int i = 1; i < row.length; i++) {
            if (row[i] != row[i - 1]) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anSvgHoldsTheCellsAsRectanglesAndTheLabelsAsText() {
        TrainingPath.Point start = new TrainingPath.Point(0, 1 / 1.5, 1.0 / 1.5, 1.0, 1.5, Double.NaN, Double.NaN);
        TrainingPath.Point end = new TrainingPath.Point(1, 1 / 1.1, 1.4 / 1.1, 1.4, 1.1, 0.8, -0.1);
        String svg = PhaseImages.svgMap(checkerboard(List.of(new PathLayer("run-a", List.of(start, end), false))),
                null, "Phase map: N = 30, 4×4 cells", W, H);

        int rects = svg.split("<rect", -1).length - 1;
        assertTrue(rects >= 16, "one rectangle per cell at least, got " + rects);
        for (String text : List.of("λmax · N = 30 · 4×4", "J0 / J", "1 / J", "λmax (per step)", "chaos", "order",
                "test accuracy", "run-a", "Phase map: N = 30, 4×4 cells")) {
            assertTrue(svg.contains(text), "missing " + text);
        }
    }

    @Test
    void aZoomedExportShowsTheZoomedRangeOnItsAxes() {
        PhasePicture picture = checkerboard(List.of());
        String whole = PhaseImages.svgMap(picture, null, null, W, H);
        String zoomed = PhaseImages.svgMap(picture, new ViewRange(0.5, 1.0, 0.6, 0.9), null, W, H);

        assertTrue(whole.contains(">2</text>"), "x up to 2 on the whole map");
        assertFalse(zoomed.contains(">2</text>"), "no tick outside the view");
        assertTrue(zoomed.contains(">0.8</text>"), "ticks inside 0.5..1.0");
        int zoomedRects = zoomed.split("<rect", -1).length - 1;
        assertTrue(zoomedRects < whole.split("<rect", -1).length - 1, "only the cells in view are drawn");
    }

    @Test
    void theDarkStylePaintsADarkBackgroundWithLightText() {
        BufferedImage image = new BufferedImage((int) W, (int) H, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        new PhaseMapPainter().paint(g, checkerboard(List.of()), null, -1, null, W, H, ChartPainter.Style.DARK);
        g.dispose();

        assertEquals(ChartPainter.Style.DARK.background().getRGB() & 0xffffff, image.getRGB(2, 2) & 0xffffff);
        assertEquals(ChartPainter.Style.DARK.background().getRGB() & 0xffffff,
                image.getRGB((int) W - 3, (int) H - 3) & 0xffffff);
        // the title is light on dark
        int brightest = 0;
        for (int x = (int) PhaseMapPainter.LEFT; x < 200; x++) {
            for (int y = 8; y < PhaseMapPainter.TOP - 8; y++) {
                int rgb = image.getRGB(x, y);
                brightest = Math.max(brightest, ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff));
            }
        }
        assertTrue(brightest > 3 * 180, "light title text, brightest " + brightest);
    }
}
