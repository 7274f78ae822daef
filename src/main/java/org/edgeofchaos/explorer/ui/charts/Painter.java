package org.edgeofchaos.explorer.ui.charts;

import java.awt.Graphics2D;

/**
 * Draws a whole figure into a width x height area at (0, 0): the one code path for the screen ({@link GraphicsCanvas}),
 * PNG and SVG files ({@link org.edgeofchaos.explorer.ui.export.ChartImages}).
 */
@FunctionalInterface
public interface Painter {

    void paint(Graphics2D g, double width, double height);
}
