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

    /**
     * A tab as the window lists it before the feature is built: its tab shows {@code title} at once, while the
     * feature itself may be built later (the window builds the tab in front first). The built feature must have
     * the same {@link #id()} and {@link #title()}.
     */
    record Entry(String id, String title, Factory factory) {
        public Entry {
            java.util.Objects.requireNonNull(id, "id");
            java.util.Objects.requireNonNull(title, "title");
            java.util.Objects.requireNonNull(factory, "factory");
        }
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

    /**
     * Parts of this tab a teacher may hide in presentation mode (its toolbar, ...), with stable ids. The whole
     * tab is always hideable; this lists what is inside it.
     */
    default java.util.List<org.edgeofchaos.explorer.ui.presentation.HideableControl> hideableControls() {
        return java.util.List.of();
    }

    /**
     * Runs {@code action} on the FX thread once this tab shows what it is about (the phase tab: its map), at once by
     * default. When the window opens on this tab, what is not in front joins only after that, so that it does not
     * delay it.
     */
    default void whenShown(Runnable action) {
        action.run();
    }

    /** The window is closing: cancel work, stop timers. */
    default void shutdown() {
    }
}
