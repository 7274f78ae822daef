package org.edgeofchaos.explorer.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.junit.jupiter.api.Test;

/** One drawing path for screen, PNG and SVG: what it draws, at which size, and that the caption is never cut. */
class ChartPainterTest {
    private static final ChartSpec SPEC = new ChartSpec("lambda", "Lyapunov exponent", "epoch", "λmax",
            List.of(new ChartSpec.SeriesSpec("A: λmax", new double[] {1, 2, 3}, new double[] {-0.5, -0.2, 0.1}, true),
                    new ChartSpec.SeriesSpec("B: λmax", new double[] {1, 2}, new double[] {-0.6, -0.4}, true)),
            List.of(new ChartSpec.ReferenceLine(0, "λmax = 0: edge of chaos")),
            List.of(new ChartSpec.Marker(2, "η 0.02→0.05")));

    private static final String CAPTION = "A: η = 0.02, α = 0.5, B = 32, λ = 0, J(0) = 0.5, J0(0) = 0, seed 1, "
            + "S = 60,000 images\nB: η = 0.05, α = 0.9, B = 16, λ = 0.001, J(0) = 0.5, J0(0) = 0, seed 2, "
            + "S = 6,000 images";

    @Test
    void pngIsRenderedAtTheTargetSizeNotScaledUpFromTheScreen() {
        BufferedImage image = ChartImages.render(SPEC, CAPTION, 640, 360, 3);

        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
        // A scaled-up screen image has 3x3 blocks of equal pixels; a render at the target size has thin lines.
        int edges = 0;
        for (int x = 1; x < image.getWidth(); x++) {
            if (image.getRGB(x, 540) != image.getRGB(x - 1, 540)) {
                edges++;
            }
        }
        assertTrue(edges > 4, "something drawn across the middle row: " + edges);
    }

    @Test
    void svgHoldsTheTitleTheLegendAndBothRunsSettingsAsText() {
        String svg = ChartImages.svg(SPEC, CAPTION, 640, 360);

        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        for (String text : List.of("Lyapunov exponent", "A: λmax", "B: λmax", "λmax = 0: edge of chaos",
                "S = 60,000 images", "S = 6,000 images")) {
            assertTrue(svg.contains(text), "missing " + text);
        }
    }

    @Test
    void aLongCaptionWrapsIntoLinesThatFitInsteadOfBeingCut() {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        java.awt.FontMetrics fm = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN,
                11));

        List<String> lines = ChartPainter.wrap(CAPTION, fm, 300);

        assertTrue(lines.size() >= 4, lines.toString());
        assertEquals(CAPTION.replace("\n", " "), String.join(" ", lines));
        for (String line : lines) {
            assertTrue(fm.stringWidth(line) <= 300, line);
        }
    }

    @Test
    void everyPointOfPerEpochSeriesIsDrawnAndTheFrameCoversTheLastPoint() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);

        ChartPainter.Result result = ChartPainter.paint(image.createGraphics(), SPEC, null, 640, 360,
                ChartPainter.Style.LIGHT, Double.NaN);

        assertEquals(List.of(3, 2), result.drawnPoints());
        assertTrue(result.frame().xMax() > 3, "the last epoch is inside the plot, not on its edge");
        assertNotEquals(0, result.frame().width());
    }

    @Test
    void aZoomedChartShowsExactlyTheViewAndLabelsItsAxesOverIt() {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        ViewRange view = new ViewRange(1.5, 2.5, -0.45, -0.15);

        ChartPainter.Result result = ChartPainter.paint(image.createGraphics(), SPEC, null, 640, 360,
                ChartPainter.Style.LIGHT, Double.NaN, view);

        assertEquals(1.5, result.frame().xMin(), 1e-12);
        assertEquals(2.5, result.frame().xMax(), 1e-12);
        assertEquals(-0.45, result.frame().yMin(), 1e-12);
        assertEquals(-0.15, result.frame().yMax(), 1e-12);
        assertTrue(result.full().xMin() <= 1 && result.full().xMax() >= 3, "the zoom's bounds are all the data");
        String svg = ChartImages.svg(SPEC, null, 640, 360, view);
        assertTrue(svg.contains(">-0.30</text>") || svg.contains(">-0.3</text>"), "y ticks inside the view");
        assertTrue(!svg.contains(">3.0</text>") && !svg.contains(">3</text>"), "no tick outside the view");
    }
}
