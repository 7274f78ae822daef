package org.edgeofchaos.explorer.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Alerts that wrap their text and fit the screen, however long a path or message is. */
public final class Dialogs {
    /** A comfortable reading width; narrower on small screens. */
    private static final double TEXT_WIDTH = 520;

    private Dialogs() {
    }

    /** An alert whose message wraps at a readable width and whose size never exceeds the screen. */
    public static Alert wrapping(Alert.AlertType type, Window owner, String title, String header, String message) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(TEXT_WIDTH, screen.getWidth() - 120);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(width);
        text.setPrefWidth(width);
        text.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(width + 60);
        alert.getDialogPane().setMaxWidth(screen.getWidth() - 40);
        alert.getDialogPane().setMaxHeight(screen.getHeight() - 40);
        alert.setResizable(true);
        return alert;
    }

    /** An information dialog, shown without blocking. */
    public static void information(Window owner, String title, String header, String message) {
        wrapping(Alert.AlertType.INFORMATION, owner, title, header, message).show();
    }
}
