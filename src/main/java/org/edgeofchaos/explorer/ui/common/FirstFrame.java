package org.edgeofchaos.explorer.ui.common;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs work on the FX thread once a scene's next frame has been laid out and handed to the renderer. */
public final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Runs {@code action} on the FX thread after the next pulse of {@code scene}. Why: work posted before that pulse
     * would run before the frame is drawn, so a window shown just before slow work would stay blank until the work
     * ends; after the pulse the frame is already with the render thread and appears while the work runs.
     */
    public static void then(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
