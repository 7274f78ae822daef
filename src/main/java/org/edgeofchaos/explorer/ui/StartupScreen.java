package org.edgeofchaos.explorer.ui;

import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;

/**
 * What the window shows for the second or so while the explorer itself is built: the title and a spinner, in a
 * scene of the window's size, so the window appears at once where it will stay.
 *
 * <p>Why: building the full window (five feature tabs, the controls, the theme's style sheet) takes the FX thread
 * about a second of CPU, most of it class loading and styling that runs interpreted this early; the window used to
 * appear only after all of it. Plain nodes without a style sheet keep this scene cheap.
 */
final class StartupScreen {
    private StartupScreen() {
    }

    static Scene create(boolean dark) {
        Label title = new Label("Edge of Chaos Explorer");
        title.setStyle("-fx-font-size: 22px; -fx-text-fill: " + (dark ? "#e6edf3" : "#1f2328") + ";");
        Label note = new Label("Opening…");
        note.setStyle("-fx-font-size: 13px; -fx-text-fill: " + (dark ? "#8d96a0" : "#59636e") + ";");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        VBox box = new VBox(14, title, spinner, note);
        box.setAlignment(Pos.CENTER);
        box.setStyle("-fx-background-color: " + (dark ? "#0d1117" : "#ffffff") + ";");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        return new Scene(box, MainWindow.initialWidth(screen), MainWindow.initialHeight(screen));
    }
}
