package org.edgeofchaos.explorer.ui.chaos;

import java.awt.Graphics2D;

/** Draws a whole chart into a width x height area at (0, 0): the one code path for screen, PNG and SVG. */
@FunctionalInterface
public interface Painter {

    void paint(Graphics2D g, double width, double height);
}
