package org.edgeofchaos.explorer.ui.phase;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.phase.PhaseMap;
import org.edgeofchaos.explorer.phase.PhaseMapSpec;
import org.edgeofchaos.explorer.phase.TrainingPath;
import org.edgeofchaos.explorer.ui.export.ChartImages;
import org.edgeofchaos.explorer.ui.export.ChartRenderer;

/**
 * Renders the phase diagram and the cell inspector into images in an offscreen scene (FX thread, no stage), with
 * the window's stylesheet and a caption, like {@link ChartImages} does for the charts.
 */
public final class PhaseImages {
    private PhaseImages() {
    }

    /** The map as shown in {@code picture}, laid out at layoutWidth x layoutHeight and scaled. */
    public static BufferedImage renderMap(PhasePicture picture, String caption, double layoutWidth,
            double layoutHeight, double scale) {
        PhaseMapCanvas canvas = new PhaseMapCanvas();
        picture.applyTo(canvas);
        VBox root = captioned(canvas, caption, layoutWidth);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        return ChartImages.snapshot(root, layoutWidth, layoutHeight, scale, canvas::drawNow);
    }

    /**
     * Renders a map with an optional run's path for the command line (any thread): starts the JavaFX toolkit once
     * (headless Monocle when there is no display), lays out at up to about 1200 px wide and scales up to the size.
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
        String text = caption;
        BufferedImage image = ChartRenderer.onFxThread("the phase map",
                () -> renderMap(picture, text, width / scale, height / scale, scale));
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

    private static VBox captioned(javafx.scene.Node content, String caption, double width) {
        Label label = new Label(caption == null ? "" : caption);
        label.setWrapText(true);
        label.getStyleClass().add("export-caption");
        label.setMaxWidth(width - 24);
        VBox root = new VBox(4, content, label);
        root.setPadding(new Insets(6, 10, 8, 10));
        root.setStyle("-fx-background-color: white;");
        return root;
    }
}
