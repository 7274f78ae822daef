package org.edgeofchaos.explorer.ui;

import javafx.application.Application;

/**
 * Opens the explorer window. A plain class (not an {@link Application}) so that the JavaFX runtime starts from the
 * class path without the module-path launcher check.
 */
public final class ExplorerLauncher {
    private ExplorerLauncher() {
    }

    public static void launch(String[] args) {
        if (ExplorerApplication.workersYield()) {
            // before JavaFX starts: the JIT's optimising compiler is busiest in the window's first seconds
            org.edgeofchaos.explorer.training.BackgroundPriority.lowerOptimisingCompilerSoon();
        }
        Application.launch(ExplorerApplication.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
