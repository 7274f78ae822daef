package org.edgeofchaos.explorer.ui.phase;

import java.util.List;

import org.edgeofchaos.explorer.phase.PhaseMap;

/**
 * Everything the map shows, as one immutable value: what the window draws and what an export renders.
 *
 * @param edge         mean-field edge as {x, y} points (NaN y breaks the line)
 * @param currentLabel text next to the live run's current point, or empty
 * @param selectedCell highlighted cell or -1
 */
public record PhasePicture(PhaseMap.Snapshot snapshot, PhaseMap.Quantity quantity, double[][] edge,
                           List<PathLayer> paths, String title, String currentLabel, int selectedCell) {
    public PhasePicture {
        paths = List.copyOf(paths);
    }

    public void applyTo(PhaseMapCanvas canvas) {
        canvas.setSnapshot(snapshot);
        canvas.setQuantity(quantity);
        canvas.setEdge(edge);
        canvas.setPaths(paths);
        canvas.setTitle(title);
        canvas.setCurrentLabel(currentLabel);
        canvas.setSelectedCell(selectedCell);
    }
}
