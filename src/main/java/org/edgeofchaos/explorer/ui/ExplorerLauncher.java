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
        Application.launch(ExplorerApplication.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
