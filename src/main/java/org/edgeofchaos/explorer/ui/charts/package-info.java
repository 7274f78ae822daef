/**
 * Charts of runs: what a chart shows ({@link org.edgeofchaos.explorer.ui.charts.ChartSpec}, built by
 * {@link org.edgeofchaos.explorer.ui.charts.RunCharts} from a saved or live run alike) and one Graphics2D drawing path
 * ({@link org.edgeofchaos.explorer.ui.charts.ChartPainter}) for the screen, PNG and SVG; any other figure is a
 * {@link org.edgeofchaos.explorer.ui.charts.Painter}, shown by a {@link org.edgeofchaos.explorer.ui.charts.GraphicsCanvas}.
 * The zoom of every plot ({@link org.edgeofchaos.explorer.ui.charts.ZoomModel}, with its mouse gestures in
 * {@link org.edgeofchaos.explorer.ui.charts.ZoomGestures}) lives here too, shared by the charts and the phase map.
 */
package org.edgeofchaos.explorer.ui.charts;
