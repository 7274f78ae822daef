package org.edgeofchaos.explorer.ui.common;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The look of the window: AtlantaFX's Primer themes, light for desks and dark for projectors. The explorer's own
 * stylesheet adds only what is specific to it and reads the theme's colour variables, so both variants stay
 * consistent. The system property {@code eoc.theme=dark} starts in the dark variant.
 */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark (projectors)");

    private static final javafx.beans.property.SimpleObjectProperty<Theme> CURRENT =
            new javafx.beans.property.SimpleObjectProperty<>(LIGHT);

    private final String title;

    Theme(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Theme fromSystemProperty() {
        String name = System.getProperty("eoc.theme", "light").trim().toUpperCase(Locale.ROOT);
        return "DARK".equals(name) ? DARK : LIGHT;
    }

    public static Theme current() {
        return CURRENT.get();
    }

    /** The theme in use; canvases that draw their own colours repaint when it changes (FX thread). */
    public static javafx.beans.property.ReadOnlyObjectProperty<Theme> currentProperty() {
        return CURRENT;
    }

    /** Makes this the look of the application; the scene gets a style class so that own rules can follow. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        CURRENT.set(this);
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
            scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
        }
    }
}
