/**
 * The route to chaos: the logistic-map companion (bifurcation diagram over lambda(r) and the number of stable
 * states, linked by one r cursor to a cobweb plot and a time series) and the trained network's dynamics per epoch
 * (eigenvalues of W and of the Jacobian at the attractor against the unit circle, the return map of the mean
 * activity, an epoch slider for saved runs).
 *
 * <p>Every chart is a {@link org.edgeofchaos.explorer.ui.charts.Painter} on a {@link java.awt.Graphics2D}: on screen
 * through FXGraphics2D on a {@link org.edgeofchaos.explorer.ui.charts.GraphicsCanvas}, into PNG and SVG files through
 * {@link org.edgeofchaos.explorer.ui.export.ChartImages} like every other figure: one drawing code path.
 * Heavy work (r sweeps, reading run files) runs on a {@link org.edgeofchaos.explorer.ui.common.TaskExecutor}, never
 * on the FX thread.
 */
package org.edgeofchaos.explorer.ui.chaos;
