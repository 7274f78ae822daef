/**
 * The JavaFX window. {@link org.edgeofchaos.explorer.ui.MainWindow} is the composition root: it builds the shared
 * models once and hands them with the {@link org.edgeofchaos.explorer.ui.ExplorerServices} to every
 * {@link org.edgeofchaos.explorer.ui.FeatureTab} through an {@link org.edgeofchaos.explorer.ui.ExplorerContext}.
 * Data flows one way: worker -> run events -> live-run model (once per pulse) -> view models -> views.
 */
package org.edgeofchaos.explorer.ui;
