package org.edgeofchaos.explorer.ui.phase;

import java.util.List;

import org.edgeofchaos.explorer.phase.TrainingPath;

/**
 * A training path to draw on the map.
 *
 * @param name   label (run id or "live run")
 * @param points start point and one point per epoch
 * @param live   the run in progress (drawn on top, its last point highlighted)
 */
public record PathLayer(String name, List<TrainingPath.Point> points, boolean live) {
    public PathLayer {
        points = List.copyOf(points);
    }
}
