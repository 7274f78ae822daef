package org.edgeofchaos.explorer.ui.chaos;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.edgeofchaos.explorer.dynamics.LogisticMap;
import org.edgeofchaos.explorer.dynamics.LogisticSweep;
import org.edgeofchaos.explorer.ui.common.BackgroundTask;
import org.edgeofchaos.explorer.ui.common.DialogService;
import org.edgeofchaos.explorer.ui.common.TaskExecutor;
import org.edgeofchaos.explorer.ui.charts.Painter;
import org.edgeofchaos.explorer.ui.export.ChartImages;

/**
 * The logistic-map companion: an r range swept in the background (bifurcation points, lambda(r), distinct stable
 * states), one r cursor that drives the cobweb plot, the time series and the readout, landmark jumps, zoom into a
 * range (recomputed at full resolution, in the background; an answer for a range the user has left is dropped),
 * and PNG/SVG export.
 */
public final class LogisticMapViewModel {

    /** A named r value worth a button. */
    public record Landmark(String label, String tooltip, double r) {
    }

    public static final List<Landmark> LANDMARKS = List.of(
            new Landmark("r = 3", "First period doubling: the fixed point gives way to a 2-cycle", LogisticMap.FIRST_DOUBLING),
            new Landmark("1 + sqrt 6", "Second period doubling: 2-cycle to 4-cycle (r = 3.449490)", LogisticMap.SECOND_DOUBLING),
            new Landmark("Onset of chaos", "Feigenbaum point r = 3.5699456718: the period doublings accumulate, lambda reaches 0",
                    LogisticMap.ONSET_OF_CHAOS),
            new Landmark("Period 3", "The period-3 window opens at r = 1 + sqrt 8 = 3.828427", LogisticMap.PERIOD_THREE));

    public static final double FULL_MIN = 2.5;
    public static final double FULL_MAX = 4.0;
    /** Narrowest zoom: below this the double-precision orbit cannot tell r values apart usefully. */
    public static final double MIN_SPAN = 1e-9;
    /** 601 columns: r steps of 0.0025 over the full range, so r = 3.2 and 3.5 are columns. */
    static final int COLUMNS = 601;
    static final int TRANSIENT = 2000;
    static final int MEASURE = 1000;
    static final int POINTS = 200;
    /** Iterates shown in the cobweb and time series. */
    static final int ORBIT_STEPS = 120;

    private final TaskExecutor executor;
    private final TaskExecutor files;
    private final DialogService dialogs;
    private final ObjectProperty<LogisticPicture> picture = new SimpleObjectProperty<>();
    private final ObjectProperty<double[]> orbit = new SimpleObjectProperty<>(new double[0]);
    private final StringProperty readout = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private double cursor = LogisticMap.ONSET_OF_CHAOS;
    private double x0 = 0.2;
    private long generation;

    /**
     * @param executor runs the sweeps (a worker, never the FX thread)
     * @param files    writes exported files
     */
    public LogisticMapViewModel(TaskExecutor executor, TaskExecutor files, DialogService dialogs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.files = Objects.requireNonNull(files, "files");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        picture.set(new LogisticPicture(FULL_MIN, FULL_MAX, new double[0], new double[0], new int[0], new float[0][],
                LogisticMap.MAX_STATES, cursor, Double.NaN, Double.NaN));
        updateOrbit();
        zoom(FULL_MIN, FULL_MAX);
    }

    public ReadOnlyObjectProperty<LogisticPicture> pictureProperty() {
        return picture;
    }

    /** x_0 .. x_120 of the cursor's orbit from x0 (cobweb and time series). */
    public ReadOnlyObjectProperty<double[]> orbitProperty() {
        return orbit;
    }

    /** "r = 3.500000: periodic (period 4), lambda = -0.8725 +- 0.0000, 4 stable states". */
    public ReadOnlyStringProperty readoutProperty() {
        return readout;
    }

    /** The last export or problem, for the status line. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public double cursor() {
        return cursor;
    }

    public double x0() {
        return x0;
    }

    /** Moves the r cursor (clamped to the map's domain (0, 4]). */
    public void setCursor(double r) {
        if (!Double.isFinite(r)) {
            return;
        }
        cursor = Math.max(1e-6, Math.min(4.0, r));
        picture.set(picture.get().withCursor(cursor));
        updateOrbit();
    }

    /** Sets the cobweb's starting point, in (0, 1). */
    public void setX0(double value) {
        if (!(value > 0 && value < 1)) {
            message.set("x0 must lie strictly between 0 and 1, got " + value);
            return;
        }
        x0 = value;
        updateOrbit();
    }

    /** Jumps the cursor to a landmark, widening the view to the full range if the landmark lies outside. */
    public void jumpTo(Landmark landmark) {
        LogisticPicture p = picture.get();
        setCursor(landmark.r());
        if (landmark.r() < p.rMin() || landmark.r() > p.rMax()) {
            zoom(FULL_MIN, FULL_MAX);
        }
    }

    /** Shows a zoom selection being dragged (NaN, NaN clears it). */
    public void select(double from, double to) {
        picture.set(picture.get().withSelection(from, to));
    }

    /** Zooms into [a, b] (in either order); the sweep runs in the background at full resolution. */
    public void zoom(double a, double b) {
        double lo = Math.max(1e-6, Math.min(a, b));
        double hi = Math.min(4.0, Math.max(a, b));
        if (!(hi - lo >= MIN_SPAN)) {
            message.set(String.format(Locale.ROOT, "Zoom range too narrow (%.3g); drag over a wider r range", hi - lo));
            select(Double.NaN, Double.NaN);
            return;
        }
        long ticket = ++generation;
        computing.set(true);
        executor.execute(BackgroundTask.wrap(() -> LogisticSweep.compute(lo, hi, COLUMNS, TRANSIENT, MEASURE, POINTS))
                .onSuccess(sweep -> {
                    if (ticket == generation) {
                        show(sweep);
                    }
                })
                .onFailure(error -> {
                    if (ticket == generation) {
                        message.set("Could not compute the logistic map over r = " + lo + " .. " + hi + ": "
                                + error.getMessage());
                    }
                })
                .onFinished(() -> {
                    if (ticket == generation) {
                        computing.set(false);
                    }
                }));
    }

    public void resetZoom() {
        zoom(FULL_MIN, FULL_MAX);
    }

    private void show(LogisticSweep sweep) {
        int n = sweep.columns().size();
        double[] r = new double[n];
        double[] lambda = new double[n];
        int[] states = new int[n];
        float[][] points = new float[n][];
        for (int i = 0; i < n; i++) {
            LogisticSweep.Column c = sweep.columns().get(i);
            r[i] = c.r();
            lambda[i] = c.orbit().lambda();
            states[i] = c.orbit().states();
            points[i] = c.points();
        }
        boolean outside = cursor < sweep.rMin() || cursor > sweep.rMax();
        if (outside) {
            // A zoom that leaves the cursor behind brings it along: the linked views show what is on screen.
            cursor = (sweep.rMin() + sweep.rMax()) / 2;
        }
        picture.set(new LogisticPicture(sweep.rMin(), sweep.rMax(), r, lambda, states, points, LogisticMap.MAX_STATES,
                cursor, Double.NaN, Double.NaN));
        if (outside) {
            updateOrbit();
        }
    }

    private void updateOrbit() {
        orbit.set(LogisticMap.series(cursor, x0, ORBIT_STEPS));
        // The readout analyses the cursor's r exactly (not the nearest column): a long orbit, a few ms.
        LogisticMap.Orbit o = LogisticMap.orbit(cursor, 5000, 5000);
        readout.set(String.format(Locale.ROOT, "r = %.7f:  %s,  lambda = %.4f +- %.4f,  %s", cursor,
                o.attractor().describe(), o.lambda(), o.lambdaError(),
                o.states() >= LogisticMap.MAX_STATES ? "no finite set of stable states"
                        : o.states() + (o.states() == 1 ? " stable state" : " stable states")));
    }

    /** Exact orbit analysis at r (the readout's numbers). */
    public LogisticMap.Orbit analyse(double r) {
        return LogisticMap.orbit(r, 5000, 5000);
    }

    /** The charts: bifurcation + lambda + states, cobweb, time series. */
    public enum Chart {
        BIFURCATION("logistic-bifurcation"), COBWEB("logistic-cobweb"), TIME_SERIES("logistic-time-series");

        final String stem;

        Chart(String stem) {
            this.stem = stem;
        }
    }

    public Painter painter(Chart chart) {
        double[] xs = orbit.get();
        return switch (chart) {
            case BIFURCATION -> new LogisticPainter(picture.get().withSelection(Double.NaN, Double.NaN));
            case COBWEB -> OrbitPainters.cobweb(cursor, xs);
            case TIME_SERIES -> OrbitPainters.timeSeries(cursor, xs);
        };
    }

    /** Asks for a file and writes the chart there in the background; {@code svg} picks SVG over PNG. */
    public void export(Chart chart, boolean svg, int width, int height) {
        String ext = svg ? "svg" : "png";
        dialogs.chooseSaveFile("Export chart as " + ext.toUpperCase(Locale.ROOT), chart.stem + "." + ext,
                svg ? "SVG image" : "PNG image", ext).ifPresent(file -> exportTo(chart, svg, width, height, file));
    }

    public void exportTo(Chart chart, boolean svg, int width, int height, Path file) {
        ChartImages.writeInBackground(files, dialogs, message::set, painter(chart), svg, width, height, 2, file);
    }
}
