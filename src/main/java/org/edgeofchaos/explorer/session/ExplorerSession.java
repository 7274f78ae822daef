package org.edgeofchaos.explorer.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.edgeofchaos.explorer.training.Hyperparameters;

/**
 * One session: what the window showed, as data. Paths are absolute here; {@link SessionFiles} stores them relative
 * to the session file when they lie under its folder. Names of window things (tab ids, theme, x axis, control ids,
 * the phase map's quantity, the sweep metric) are kept as strings: the window checks them when it restores.
 *
 * @param settings the hyperparameter panel and the data
 * @param view     tab, look and presentation mode
 * @param runs     the saved runs shown in the charts (overlaid when several)
 * @param sweep    the sweep folder on the Sweeps tab, or null for none
 * @param phaseMap the phase-diagram view, or null to leave it as it is
 * @param parts    what other features saved (a lesson and its step, ...), by their keys; never null
 */
public record ExplorerSession(Settings settings, View view, List<Path> runs, Sweep sweep, PhaseView phaseMap,
        Map<String, JsonNode> parts) {

    /** The version this code writes and reads; a newer file is refused with a message saying so. */
    public static final int SCHEMA_VERSION = 1;

    /** What the {@code format} field says, so that a run or sweep file opened by mistake is named as such. */
    public static final String FORMAT = "edge-of-chaos-explorer session";

    public ExplorerSession {
        runs = List.copyOf(runs);
        parts = Map.copyOf(parts);
    }

    /**
     * @param dataDirectory the IDX data folder chosen with File > Open data folder, or null for the bundled one
     */
    public record Settings(Hyperparameters hyperparameters, int trainSize, int resolution, Path dataDirectory) {
    }

    /**
     * @param tab            the selected tab's id
     * @param xAxis          epochs or scaled time (the window's enum name)
     * @param theme          the look (the window's enum name)
     * @param presentation   whether presentation mode is on
     * @param hiddenControls ids of the controls hidden in presentation mode
     */
    public record View(String tab, String xAxis, String theme, boolean presentation, List<String> hiddenControls) {
        public View {
            hiddenControls = List.copyOf(hiddenControls);
        }
    }

    /**
     * @param folder  the sweep folder (ignored when {@code shipped})
     * @param shipped the example sweep that ships with the explorer, found wherever it is installed
     * @param metric  the metric the map is coloured by
     */
    public record Sweep(Path folder, boolean shipped, String metric) {
    }

    /**
     * @param n             network size of the map
     * @param columns       cells across
     * @param rows          cells down
     * @param quantity      what colours the map (the window's enum name)
     * @param inspectedCell the cell whose inspector is open, or null
     * @param overlays      saved runs whose paths are drawn on the map
     */
    public record PhaseView(int n, int columns, int rows, String quantity, Integer inspectedCell,
            List<Path> overlays) {
        public PhaseView {
            overlays = List.copyOf(overlays);
        }
    }
}
