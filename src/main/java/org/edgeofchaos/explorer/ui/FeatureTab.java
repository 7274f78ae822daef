package org.edgeofchaos.explorer.ui;

import javafx.scene.Node;

/**
 * One tab of the main window (training curves, phase diagram, ...). A feature is built from the
 * {@link ExplorerContext} by its {@link Factory}; adding a feature to the window is one line in
 * {@link MainWindow#STANDARD_TABS}.
 */
public interface FeatureTab {

    /** Builds a feature from the window's shared services and models. */
    @FunctionalInterface
    interface Factory {
        FeatureTab create(ExplorerContext context);
    }

    /** Stable id of the tab node (tests, remembered selection). */
    String id();

    String title();

    Node view();

    /** Ctrl+E: exports what this tab shows as a figure (asks for a file). */
    void exportFigure();

    /** Whether {@link #exportVector()} does anything here. */
    default boolean exportsVector() {
        return false;
    }

    /** Exports what this tab shows as a vector figure (SVG), if it can. */
    default void exportVector() {
    }

    /** Ctrl+Shift+E: exports the data behind what this tab shows, if it has any. */
    default void exportData() {
    }

    /** The window is closing: cancel work, stop timers. */
    default void shutdown() {
    }
}
