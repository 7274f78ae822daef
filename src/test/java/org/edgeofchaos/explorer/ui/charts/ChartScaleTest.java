package org.edgeofchaos.explorer.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Presentation mode's larger charts come from the same painter with a scaled style. */
class ChartScaleTest {
    private static final ChartSpec FLAT = new ChartSpec("j", "Order parameter J", "epoch", "J",
            List.of(new ChartSpec.SeriesSpec("J", new double[] {0, 10}, new double[] {0.5, 0.5}, false),
                    new ChartSpec.SeriesSpec("K", new double[] {0, 10}, new double[] {1.5, 1.5}, false)),
            List.of(), List.of());

    private static BufferedImage paint(ChartPainter.Style style, ChartPainter.Result[] result) {
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        result[0] = ChartPainter.paint(g, FLAT, null, 800, 500, style, Double.NaN);
        g.dispose();
        return image;
    }

    /** Height of the first series' line in a column in the middle of the plot, in pixels of its colour. */
    private static int lineThickness(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            Color c = new Color(image.getRGB(400, y));
            if (Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                    + Math.abs(c.getBlue() - color.getBlue()) < 60) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aScaledStyleDrawsThickerLinesAndLargerTextWithTheSameColours() {
        ChartPainter.Result[] desk = new ChartPainter.Result[1];
        ChartPainter.Result[] projector = new ChartPainter.Result[1];
        ChartPainter.Style base = ChartPainter.Style.PROJECTOR_LIGHT;
        BufferedImage small = paint(base, desk);
        BufferedImage large = paint(base.scaled(1.5, 2.1), projector);
        int thin = lineThickness(small, base.series(0));
        int thick = lineThickness(large, base.series(0));
        assertTrue(thin >= 1 && thick >= 2 * thin, "line " + thin + " px at the desk, " + thick + " px scaled");
        assertTrue(projector[0].frame().top() > desk[0].frame().top() + 5, "a larger title pushes the plot down");
        assertTrue(projector[0].frame().left() > desk[0].frame().left() + 5, "larger tick labels push it right");
        assertEquals(base.background().getRGB(), large.getRGB(2, 2), "same colours");
    }

    @Test
    void theProjectorStylesAreHighContrast() {
        for (ChartPainter.Style s : List.of(ChartPainter.Style.PROJECTOR_LIGHT, ChartPainter.Style.PROJECTOR_DARK)) {
            double text = luminance(s.text());
            double background = luminance(s.background());
            double contrast = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
            assertEquals(21, contrast, 0.01, "black on white or white on black");
        }
        assertTrue(ChartPainter.Style.PROJECTOR_DARK.darkBackground());
        assertTrue(!ChartPainter.Style.PROJECTOR_LIGHT.darkBackground());
    }

    /** WCAG relative luminance. */
    private static double luminance(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
