package org.edgeofchaos.explorer.ui.presentation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * View > Hide controls…: every control the teacher can hide, by plain name with its group, ticked if hidden.
 * The choice applies in presentation mode and is saved with the session.
 */
public final class HideControlsDialog {
    private HideControlsDialog() {
    }

    /** Shows the dialog; the ids to hide, or empty if cancelled. */
    public static Optional<List<String>> show(Window owner, PresentationMode mode) {
        Map<HideableControl, BooleanProperty> ticks = new LinkedHashMap<>();
        for (HideableControl c : mode.controls()) {
            ticks.put(c, new SimpleBooleanProperty(mode.hidden().contains(c.id())));
        }
        ListView<HideableControl> list = new ListView<>();
        list.setId("hide-controls-list");
        list.getItems().setAll(ticks.keySet());
        list.setCellFactory(CheckBoxListCell.forListView(ticks::get, new StringConverter<>() {
            @Override
            public String toString(HideableControl c) {
                return c == null ? "" : c.group() + ": " + c.name();
            }

            @Override
            public HideableControl fromString(String s) {
                return null;
            }
        }));
        list.setPrefSize(540, 440);
        Label hint = new Label("Ticked controls are hidden in presentation mode (View > Presentation mode, F11) and "
                + "saved with the session.");
        hint.setWrapText(true);
        hint.setMaxWidth(540);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Hide controls");
        dialog.setHeaderText("What the class does not need to see");
        dialog.getDialogPane().setContent(new VBox(8, hint, list));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> ticks.entrySet().stream().filter(e -> e.getValue().get()).map(e -> e.getKey().id())
                        .toList());
    }
}
