package org.edgeofchaos.explorer.ui.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.edgeofchaos.explorer.experiment.RunRecord;
import org.edgeofchaos.explorer.ui.charts.ChartSpec;
import org.edgeofchaos.explorer.ui.charts.RunCharts;
import org.edgeofchaos.explorer.ui.charts.RunData;
import org.edgeofchaos.explorer.ui.charts.XAxisMode;

/**
 * Renders the charts of a saved run to PNG files without a window, for the command line's {@code export}: the same
 * charts, caption and styling as the explorer window. Starts the JavaFX toolkit once if it is not running (on a
 * machine without a display it uses Monocle's headless platform when that is on the class path).
 */
public final class ChartRenderer {
    private static boolean started;

    private ChartRenderer() {
    }

    /**
     * Writes {@code <run id>-loss.png}, {@code -accuracy.png}, {@code -lambda.png} and {@code -j.png} into
     * {@code outDir}, each
     * {@code width} × {@code height} pixels, x axis in epochs.
     *
     * @return the files written
     * @throws IOException naming the file and the problem when a file cannot be written or no display is available
     */
    public static List<Path> renderRunCharts(RunRecord run, Path outDir, int width, int height) throws IOException {
        return renderRunCharts(run, outDir, width, height, XAxisMode.EPOCHS);
    }

    public static List<Path> renderRunCharts(RunRecord run, Path outDir, int width, int height, XAxisMode mode)
            throws IOException {
        if (width < 100 || height < 100 || width > 10000 || height > 10000) {
            throw new IllegalArgumentException("image size must be 100..10000 pixels each way, got " + width + "x"
                    + height);
        }
        List<RunData> runs = List.of(RunData.of(run, run.id()));
        List<ChartSpec> specs = RunCharts.build(runs, mode);
        String caption = run.id() + " · " + RunCharts.caption(runs);
        // Lay out at up to 1280 px wide and scale up, so that text stays readable in large images.
        double scale = Math.max(1, Math.min(width / 960.0, height / 600.0));
        double layoutW = width / scale;
        double layoutH = height / scale;
        // Drawn through Graphics2D: no JavaFX toolkit (and no display) needed.
        List<BufferedImage> images = new ArrayList<>();
        for (ChartSpec spec : specs) {
            BufferedImage image = ChartImages.render(spec, caption, layoutW, layoutH, scale);
            images.add(image.getWidth() == width && image.getHeight() == height ? image : crop(image, width, height));
        }
        Files.createDirectories(outDir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Path file = outDir.resolve(run.id() + "-" + specs.get(i).key() + ".png");
            ChartImages.writePng(images.get(i), file);
            files.add(file);
        }
        return files;
    }

    private static BufferedImage crop(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * Runs offscreen rendering on the FX thread (starting the toolkit if needed) and waits for it.
     *
     * @param what what is rendered, for the error message
     */
    public static <T> T onFxThread(String what, Supplier<T> work) throws IOException {
        startToolkit();
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot render " + what + ": " + e.getMessage(), e);
        }
    }

    /** Starts the JavaFX toolkit once (no-op when the explorer window or a test already started it). */
    public static synchronized void startToolkit() throws IOException {
        if (started) {
            return;
        }
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        String display = System.getenv("DISPLAY");
        if (linux && (display == null || display.isBlank()) && System.getProperty("glass.platform") == null
                && monocleAvailable()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
        }
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
            // Started here for rendering only: keep it alive between renders.
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IOException("cannot start JavaFX to draw the charts (no display?): " + e.getMessage()
                    + "; run under xvfb-run, or put Monocle on the class path", e);
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IOException("JavaFX did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting JavaFX", e);
        }
        started = true;
    }

    private static boolean monocleAvailable() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false,
                    ChartRenderer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
