package org.edgeofchaos.explorer.ui.common;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.controlsfx.control.PopOver;

/** One plain-language sentence or two, with a "Formulas" link that opens the formulas beside it. */
public final class ExplanationBar extends HBox {
    private final PopOver popOver;

    public ExplanationBar(Explanation explanation) {
        String key = explanation.name().toLowerCase(Locale.ROOT).replace('_', '-');
        setId("explain-" + key);
        getStyleClass().add("explanation-bar");
        setSpacing(6);
        setAlignment(Pos.TOP_LEFT);
        setPadding(new Insets(2, 6, 2, 6));
        Label text = new Label(explanation.plain());
        text.setWrapText(true);
        text.getStyleClass().add("explanation");
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Label formulas = new Label(explanation.formulas());
        formulas.setWrapText(true);
        formulas.setMaxWidth(520);
        formulas.setPadding(new Insets(10));
        formulas.setId("formulas-" + key);
        popOver = new PopOver(formulas);
        popOver.setTitle("Formulas");
        popOver.setHeaderAlwaysVisible(true);
        popOver.setDetachable(false);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        Hyperlink link = new Hyperlink("Formulas");
        link.setId("formulas-link-" + key);
        link.setFocusTraversable(false);
        link.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        link.setOnAction(e -> {
            if (popOver.isShowing()) {
                popOver.hide();
            } else {
                popOver.show(link);
            }
        });
        getChildren().addAll(text, link);
    }

    public PopOver popOver() {
        return popOver;
    }
}
