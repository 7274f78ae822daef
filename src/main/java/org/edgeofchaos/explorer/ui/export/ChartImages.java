package org.edgeofchaos.explorer.ui.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;

import org.edgeofchaos.explorer.experiment.AtomicFiles;
import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.Painter;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one way figures become files: a {@link ChartSpec} drawn by {@link ChartPainter}, or any other {@link Painter}
 * (route-to-chaos charts, sweep map), into a PNG at the target size or into SVG, with the same Graphics2D code as
 * the screen; snapshots of node trees (the cell inspector); a chart's data as CSV. Everything is written
 * atomically.
 */
public final class ChartImages {
    public static final String STYLESHEET = "/org/edgeofchaos/explorer/ui/explorer.css";

    private ChartImages() {
    }

    /**
     * Draws the chart with its caption into an image of layoutWidth x layoutHeight layout units times
     * {@code scale}: the same drawing code as the screen, at the target resolution, so text and lines are crisp at
     * any size. Any thread; no JavaFX needed.
     */
    public static BufferedImage render(ChartSpec spec, String caption, double layoutWidth, double layoutHeight,
            double scale) {
        return render(spec, caption, layoutWidth, layoutHeight, scale, null);
    }

    /** As above, showing only {@code view} of the data (a zoomed chart exports what it shows); null for all. */
    public static BufferedImage render(ChartSpec spec, String caption, double layoutWidth, double layoutHeight,
            double scale, ViewRange view) {
        int w = (int) Math.round(layoutWidth * scale);
        int h = (int) Math.round(layoutHeight * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            ChartPainter.paint(g, spec, caption, layoutWidth, layoutHeight, ChartPainter.Style.LIGHT, Double.NaN,
                    view);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart with its caption as an SVG document of width x height units (vector: for papers). */
    public static String svg(ChartSpec spec, String caption, double width, double height) {
        return svg(spec, caption, width, height, null);
    }

    /** As above, showing only {@code view} of the data; null for all. */
    public static String svg(ChartSpec spec, String caption, double width, double height, ViewRange view) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        ChartPainter.paint(g, spec, caption, width, height, ChartPainter.Style.LIGHT, Double.NaN, view);
        return g.getSVGDocument();
    }

    /**
     * Draws any {@link Painter} (the route-to-chaos charts, the sweep map) into an image of width x height layout
     * units times {@code scale}, on a white ground: text and lines at the target resolution. Any thread.
     */
    public static BufferedImage render(Painter painter, double width, double height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            painter.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A {@link Painter}'s figure as an SVG document of width x height units, on a white ground. */
    public static String svg(Painter painter, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        painter.paint(g, width, height);
        return g.getSVGDocument();
    }

    /**
     * Draws and writes the figure on the files executor, never on the FX thread (the painter must hold its own
     * data): SVG, or PNG at {@code scale}; "Saved …" goes to {@code saved}, a failure to the user as one line naming
     * the file.
     */
    public static void writeInBackground(TaskExecutor files, DialogService dialogs, Consumer<String> saved,
            Painter painter, boolean svg, double width, double height, double scale, Path file) {
        files.execute(BackgroundTask.wrap(() -> {
            if (svg) {
                writeSvg(svg(painter, width, height), file);
            } else {
                writePng(render(painter, width, height, scale), file);
            }
        }).onSuccess(v -> saved.accept("Saved " + file))
                .onFailure(e -> dialogs.showError("Export failed", "Could not write " + file + ": " + e.getMessage())));
    }

    /** Writes an SVG document atomically; the error names the file and the problem. */
    public static void writeSvg(String document, Path file) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(document);
            w.flush();
        });
    }

    /**
     * Snapshots a node tree in an offscreen scene with the explorer's stylesheet: layoutWidth x layoutHeight,
     * scaled by {@code scale}. {@code afterLayout} runs once the tree is styled and laid out (canvases draw then).
     * FX thread only.
     */
    public static BufferedImage snapshot(Parent root, double layoutWidth, double layoutHeight, double scale,
            Runnable afterLayout) {
        Scene scene = new Scene(root, layoutWidth, layoutHeight, Color.WHITE);
        // The light theme for files, whatever the window shows, so that the stylesheet's colour variables resolve.
        scene.getStylesheets().add(Objects.requireNonNull(ChartImages.class.getResource(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet())).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(ChartImages.class.getResource(STYLESHEET)).toExternalForm());
        root.applyCss();
        root.layout();
        afterLayout.run();
        int w = (int) Math.round(layoutWidth * scale);
        int h = (int) Math.round(layoutHeight * scale);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        if (scale != 1) {
            params.setTransform(Transform.scale(scale, scale));
        }
        WritableImage image = root.snapshot(params, new WritableImage(w, h));
        return SwingFXUtils.fromFXImage(image, new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
    }

    /** Writes a PNG atomically (temporary file, then rename); the error names the file and the problem. */
    /**
     * Encodes through a memory-cached image stream: {@code ImageIO.write} on a stream would create a cache file in
     * the temporary folder, and when that fails (a full disk) it throws a NullPointerException instead of the
     * I/O error.
     */
    public static void writePng(BufferedImage image, Path file) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> {
            java.util.Iterator<javax.imageio.ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            if (!writers.hasNext()) {
                throw new IOException("no PNG encoder available");
            }
            javax.imageio.ImageWriter writer = writers.next();
            try (javax.imageio.stream.ImageOutputStream stream =
                    new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(image);
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * Writes the chart's full data (not decimated) as CSV: one row per point, {@code series,x,y}; then one row per
     * marker with an empty y.
     */
    public static void writeCsv(ChartSpec spec, Path file) throws AtomicFiles.WriteException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("series," + quote(spec.xLabel()) + "," + quote(spec.yLabel()) + "\n");
            for (ChartSpec.SeriesSpec s : spec.series()) {
                for (int i = 0; i < s.size(); i++) {
                    w.write(quote(s.name()) + "," + num(s.x()[i]) + "," + num(s.y()[i]) + "\n");
                }
            }
            for (ChartSpec.Marker m : spec.markers()) {
                w.write(quote("marker: " + m.label()) + "," + num(m.x()) + ",\n");
            }
            for (ChartSpec.Highlight h : spec.highlights()) {
                String series = h.series() < spec.series().size() ? spec.series().get(h.series()).name() : "";
                w.write(quote(h.what() + ": " + series + (h.label().isEmpty() ? "" : " (" + h.label() + ")")) + ","
                        + num(h.x()) + "," + num(h.y()) + "\n");
            }
            w.flush();
        });
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.8g", v).replaceAll("\\.?0+(e|$)", "$1") : "";
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
