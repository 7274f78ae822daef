/**
 * Charts of runs: what a chart shows ({@link org.edgeofchaos.explorer.ui.charts.ChartSpec}, built by
 * {@link org.edgeofchaos.explorer.ui.charts.RunCharts} from a saved or live run alike) and one Graphics2D drawing path
 * ({@link org.edgeofchaos.explorer.ui.charts.ChartPainter}) for the screen, PNG and SVG.
 */
package org.edgeofchaos.explorer.ui.charts;
