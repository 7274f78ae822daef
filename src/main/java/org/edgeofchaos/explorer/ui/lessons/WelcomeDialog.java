package org.edgeofchaos.explorer.ui.lessons;

import java.util.function.BiConsumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The welcome: four plain-language ways in, each a large button with a sentence under it, and whether to show the
 * welcome at the next start. Shown without blocking; the choice (or none, when closed) is handed to the callback
 * with the check box's state. The choice made last time is the default button.
 */
public final class WelcomeDialog {
    private final Dialog<WelcomeChoice> dialog = new Dialog<>();
    private final CheckBox showAtStart = new CheckBox("Show this welcome when the explorer starts");

    /**
     * @param last      the choice made last time (the default button), or null
     * @param onClosed  called once with the choice (null: closed without one) and the "show at start" state
     */
    public WelcomeDialog(Window owner, WelcomeChoice last, boolean showAtStartValue,
            BiConsumer<WelcomeChoice, Boolean> onClosed) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Welcome to Edge of Chaos Explorer");
        dialog.setHeaderText("Neural networks learn best near the edge between order and chaos.\n"
                + "What would you like to do?");
        VBox box = new VBox(10);
        box.setPadding(new Insets(6, 4, 4, 4));
        box.setPrefWidth(520);
        for (WelcomeChoice c : WelcomeChoice.values()) {
            Button b = new Button(c.title());
            b.setId("welcome-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("welcome-choice");
            if (c == (last == null ? WelcomeChoice.EDGE_DEMO : last)) {
                b.getStyleClass().add("accent");
                b.setDefaultButton(true);
            }
            b.setOnAction(e -> {
                dialog.setResult(c);
                dialog.close();
            });
            Label text = new Label(c.description());
            text.setWrapText(true);
            text.getStyleClass().add("hint");
            text.setPadding(new Insets(0, 0, 0, 8));
            box.getChildren().add(new VBox(3, b, text));
        }
        Label later = new Label("You can come back here any time with Help > Welcome…");
        later.getStyleClass().add("hint");
        showAtStart.setId("welcome-show-at-start");
        showAtStart.setSelected(showAtStartValue);
        box.getChildren().addAll(later, showAtStart);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setId("welcome");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResultConverter(type -> null);
        dialog.setOnHidden(e -> onClosed.accept(dialog.getResult(), showAtStart.isSelected()));
    }

    public void show() {
        dialog.show();
    }

    public Dialog<WelcomeChoice> dialog() {
        return dialog;
    }
}
