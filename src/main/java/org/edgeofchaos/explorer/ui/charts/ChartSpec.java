package org.edgeofchaos.explorer.ui.charts;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one chart shows, independent of any node: the live view, the history view, PNG and CSV export all draw
 * from this. Values are complete (not decimated); the chart node decimates to its pixel width.
 *
 * @param key   stable name: {@code loss}, {@code accuracy} or {@code dynamics}
 * @param highlights single points of a series drawn as rings with a short label, e.g. each run's lowest test loss
 */
public record ChartSpec(String key, String title, String xLabel, String yLabel, List<SeriesSpec> series,
        List<ReferenceLine> references, List<Marker> markers, List<Highlight> highlights) {

    public ChartSpec {
        series = List.copyOf(series);
        references = List.copyOf(references);
        markers = List.copyOf(markers);
        highlights = List.copyOf(highlights);
    }

    /** A chart without highlighted points. */
    public ChartSpec(String key, String title, String xLabel, String yLabel, List<SeriesSpec> series,
            List<ReferenceLine> references, List<Marker> markers) {
        this(key, title, xLabel, yLabel, series, references, markers, List.of());
    }

    /**
     * One point of series {@code series} (its index, for the colour) at (x, y), ringed, with a label beside it
     * ("J 0.97"); {@code what} says what the point is, for data exports ("lowest test loss").
     */
    public record Highlight(int series, double x, double y, String label, String what) {
    }

    /** One curve. {@code symbols} draws a dot at every point (sparse per-epoch series). */
    public record SeriesSpec(String name, double[] x, double[] y, boolean symbols) {
        public int size() {
            return x.length;
        }

        // Compared by content, so that a view can skip redrawing a chart whose data did not change.
        @Override
        public boolean equals(Object o) {
            return o instanceof SeriesSpec other && name.equals(other.name) && symbols == other.symbols
                    && Arrays.equals(x, other.x) && Arrays.equals(y, other.y);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, symbols, Arrays.hashCode(x), Arrays.hashCode(y));
        }

        @Override
        public String toString() {
            return "SeriesSpec[" + name + ", " + x.length + " points]";
        }
    }

    /** A horizontal line across the plot, e.g. J = 1. */
    public record ReferenceLine(double y, String label) {
    }

    /** A vertical line at an x position, e.g. a hyperparameter change or the epoch where a run diverged. */
    public record Marker(double x, String label) {
    }

    public int pointCount() {
        return series.stream().mapToInt(SeriesSpec::size).sum();
    }
}
