package org.edgeofchaos.explorer.ui.common;

import java.util.Locale;

import javafx.application.Application;
import javafx.scene.Scene;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/**
 * The look of the window: AtlantaFX's Primer themes, light for desks and dark for dim rooms, and a high-contrast
 * variant of each for projectors (the explorer's stylesheet overrides the theme's colour variables under
 * {@code .theme-projector}: pure black and white, stronger borders). The explorer's own stylesheet reads the
 * theme's colour variables, so every variant stays consistent. The system property {@code eoc.theme=dark} (or
 * {@code projector-dark}, {@code projector-light}) starts in that variant.
 */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    PROJECTOR_LIGHT("Projector, light (high contrast)"),
    PROJECTOR_DARK("Projector, dark (high contrast)");

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
        String name = System.getProperty("eoc.theme", "light").trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Theme t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return LIGHT;
    }

    /** Light text on a dark background. */
    public boolean dark() {
        return this == DARK || this == PROJECTOR_DARK;
    }

    /** One of the high-contrast variants for projectors. */
    public boolean projector() {
        return this == PROJECTOR_LIGHT || this == PROJECTOR_DARK;
    }

    /** The projector variant of this look (itself if it is one). */
    public Theme forProjector() {
        return dark() ? PROJECTOR_DARK : PROJECTOR_LIGHT;
    }

    /** The desk variant of this look (itself if it is one). */
    public Theme forDesk() {
        return dark() ? DARK : LIGHT;
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
        // The theme's pre-compiled binary style sheet (the same rules): the 170 KB CSS text was lexed at start-up,
        // and the JIT then spent 0.2 s of a core compiling the lexer while the window was being built (JFR).
        Application.setUserAgentStylesheet(dark() ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark", "theme-projector");
            scene.getRoot().getStyleClass().add(dark() ? "theme-dark" : "theme-light");
            if (projector()) {
                scene.getRoot().getStyleClass().add("theme-projector");
            }
        }
        CURRENT.set(this);
    }
}
