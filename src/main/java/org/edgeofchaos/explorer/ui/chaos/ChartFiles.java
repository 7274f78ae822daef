package org.edgeofchaos.explorer.ui.chaos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.jfree.svg.SVGGraphics2D;

/** PNG and SVG files of a {@link Painter}, written atomically; safe to call off the FX thread (no JavaFX used). */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Writes the chart as SVG or PNG (at 2x) on the files executor, never on the FX thread; the saved path goes to
     * {@code saved}, a failure to the user as one line naming the file.
     */
    public static void writeInBackground(TaskExecutor files, DialogService dialogs, Consumer<String> saved, Painter painter,
            boolean svg, int width, int height, Path file) {
        files.execute(BackgroundTask.wrap(() -> {
            if (svg) {
                writeSvg(painter, width, height, file);
            } else {
                writePng(painter, width, height, 2, file);
            }
        }).onSuccess(v -> saved.accept("Saved " + file))
                .onFailure(e -> dialogs.showError("Export failed", "Could not write " + file + ": " + e.getMessage())));
    }

    public static void writePng(Painter painter, int width, int height, double scale, Path file) throws IOException {
        BufferedImage image = render(painter, width, height, scale);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(file, bytes.toByteArray());
    }

    static BufferedImage render(Painter painter, int width, int height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(ChartStyle.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            painter.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart as an SVG document of {@code width} x {@code height} user units (vector lines and text). */
    public static void writeSvg(Painter painter, int width, int height, Path file) throws IOException {
        AtomicFiles.write(file, svg(painter, width, height).getBytes(StandardCharsets.UTF_8));
    }

    static String svg(Painter painter, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setColor(ChartStyle.BACKGROUND);
        g.fillRect(0, 0, width, height);
        painter.paint(g, width, height);
        return g.getSVGDocument();
    }
}
