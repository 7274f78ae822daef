package org.edgeofchaos.explorer.ui.phase;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import java.awt.Graphics2D;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.ui.charts.ChartPainter;
import org.edgeofchaos.explorer.ui.charts.ViewRange;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.jfree.svg.SVGGraphics2D;

/**
 * Files of the phase tab. The map is drawn by {@link PhaseMapPainter}, the code that draws it on screen, into a PNG
 * at the target size (any thread, no JavaFX) or into SVG, always in the light style for paper; the cell inspector
 * is rendered in an offscreen scene (FX thread) with the window's stylesheet.
 */
public final class PhaseImages {
    private PhaseImages() {
    }

    /**
     * The map as shown in {@code picture} with its caption, laid out at layoutWidth x layoutHeight and drawn at
     * {@code scale} (text and lines at the target size, the cells exact rectangles). Any thread.
     *
     * @param view the zoomed range, or null for the whole map
     */
    public static BufferedImage renderMap(PhasePicture picture, ViewRange view, String caption, double layoutWidth,
            double layoutHeight, double scale) {
        int w = (int) Math.round(layoutWidth * scale);
        int h = (int) Math.round(layoutHeight * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            new PhaseMapPainter().paint(g, picture, view, -1, caption, layoutWidth, layoutHeight,
                    ChartPainter.Style.LIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The map with its caption as an SVG document of width x height units: cells as rectangles, text as text. */
    public static String svgMap(PhasePicture picture, ViewRange view, String caption, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // a hundredth of a unit is finer than any print; ten thousand cells stay a manageable file
        g.setGeomDoubleConverter(v -> String.format(java.util.Locale.ROOT, "%.2f", v));
        new PhaseMapPainter().paint(g, picture, view, -1, caption, width, height, ChartPainter.Style.LIGHT);
        return g.getSVGDocument();
    }

    /**
     * Renders a map with an optional run's path for the command line (any thread, no display needed): lays out at
     * up to about 1200 px wide and draws at the scale that fills the size.
     */
    public static BufferedImage renderForCommandLine(PhaseMap map, RunRecord run, PhaseMap.Quantity quantity,
            int width, int height) throws IOException {
        if (width < 200 || height < 150 || width > 10000 || height > 10000) {
            throw new IllegalArgumentException("--width/--height: must be 200..10000 by 150..10000 pixels, got "
                    + width + "x" + height);
        }
        PhaseMapSpec spec = map.spec();
        PhaseMap.Snapshot snapshot = map.snapshot();
        List<PathLayer> paths = new ArrayList<>();
        String current = "";
        String caption = "Phase map: " + spec.describe() + " · " + snapshot.computedCount() + " of "
                + spec.cellCount() + " cells computed · dashed: mean-field edge of chaos";
        if (run != null) {
            List<TrainingPath.Point> points = TrainingPath.of(run);
            paths.add(new PathLayer(run.id(), points, true));
            if (!points.isEmpty()) {
                TrainingPath.Point last = points.get(points.size() - 1);
                int index = spec.cellAt(last.ratio(), last.inverseJ());
                current = String.format(java.util.Locale.ROOT, "epoch %d: λmax run %s · map %s", last.epoch(),
                        fixed(last.lambdaMax()), index < 0 ? "outside the map" : fixed(snapshot.lambdaMax(index)));
            }
            caption += " · path: run " + run.id() + " (η = " + run.hyperparameters().learningRate() + ", α = "
                    + run.hyperparameters().momentum() + ", B = " + run.hyperparameters().batchSize() + ", "
                    + run.epochs().size() + " epochs), points coloured by test accuracy";
        }
        PhasePicture picture = new PhasePicture(snapshot, quantity, EdgeCurve.points(spec.xMin(), spec.xMax()),
                paths, PhaseDiagramViewModel.title(spec, quantity), current, -1);
        double scale = Math.max(1, Math.min(width / 1200.0, height / 750.0));
        BufferedImage image = renderMap(picture, null, caption, width / scale, height / scale, scale);
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage exact = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = exact.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return exact;
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** The inspector of a cell (without its buttons); the trajectories must be computed already. */
    public static BufferedImage renderInspector(CellInspectorViewModel model, double layoutWidth, double layoutHeight,
            double scale) {
        CellInspectorView view = new CellInspectorView(model, false);
        view.setPrefWidth(layoutWidth);
        return ChartImages.snapshot(view, layoutWidth, layoutHeight, scale, view::drawNow);
    }

}
