package org.edgeofchaos.explorer.ui.presentation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.edgeofchaos.explorer.ui.charts.ChartScale;
import org.edgeofchaos.explorer.ui.common.Theme;

/**
 * Presentation mode: the stage goes full screen, the root font grows with the screen (so that 1366x768 and
 * 1920x1080 projectors both fit), the charts draw larger text and thicker lines, the look switches to the
 * high-contrast projector variant of the current theme, and the controls the teacher chose are taken out of the
 * layout. Leaving puts everything back as it was. Which controls are hidden is remembered (and saved in sessions)
 * whether or not the mode is on; they are only hidden while it is.
 */
public final class PresentationMode {
    /** The explorer's stylesheet sets the root font to this size at the desk. */
    static final double DESK_FONT_PX = 12;

    private final Stage stage;
    private final Scene scene;
    private final Map<String, HideableControl> controls = new LinkedHashMap<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private List<String> groupOrder = List.of();
    private final SimpleBooleanProperty active = new SimpleBooleanProperty(false);
    private Theme themeBefore;
    private String rootStyleBefore;
    private Rectangle2D boundsBefore;
    private boolean maximizedBefore;

    public PresentationMode(Stage stage, Scene scene) {
        this.stage = stage;
        this.scene = scene;
        // Leaving full screen by any other way (the window manager, a second monitor) leaves the mode too.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now && active.get()) {
                leave();
            }
        });
    }

    /** Adds a control to the list the teacher chooses from; the same id twice is a programming error. */
    public void register(HideableControl control) {
        if (controls.putIfAbsent(control.id(), control) != null) {
            throw new IllegalArgumentException("two hideable controls with the id " + control.id());
        }
        control.hide().accept(active.get() && hidden.contains(control.id()));
    }

    /**
     * The order of the groups in {@link #controls()}: the window's order, although parts of the window built after
     * its start-up register their controls later. Groups not named here come last.
     */
    public void setGroupOrder(List<String> groups) {
        groupOrder = List.copyOf(groups);
    }

    /** The controls by group (see {@link #setGroupOrder}), within a group in the order they were registered. */
    public List<HideableControl> controls() {
        List<HideableControl> list = new ArrayList<>(controls.values());
        list.sort(java.util.Comparator.comparingInt(c -> {
            int rank = groupOrder.indexOf(c.group());
            return rank < 0 ? groupOrder.size() : rank;
        }));
        return list;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public boolean isActive() {
        return active.get();
    }

    /** Ids of the controls hidden in presentation mode, in registration order. */
    public List<String> hidden() {
        return controls.keySet().stream().filter(hidden::contains).toList();
    }

    /**
     * Chooses the controls to hide (applied at once if the mode is on).
     *
     * @return the ids that name no control of this window (from another version's session), which are ignored
     */
    public List<String> setHidden(Collection<String> ids) {
        List<String> unknown = ids.stream().filter(id -> !controls.containsKey(id)).distinct().toList();
        hidden.clear();
        ids.stream().filter(controls::containsKey).forEach(hidden::add);
        applyHidden();
        return unknown;
    }

    /** The look to remember for the desk: the one before presentation mode switched to the projector variant. */
    public Theme deskTheme() {
        return active.get() && themeBefore != null ? themeBefore : Theme.current();
    }

    public void toggle() {
        if (active.get()) {
            leave();
        } else {
            enter();
        }
    }

    public void setActive(boolean on) {
        if (on != active.get()) {
            toggle();
        }
    }

    public void enter() {
        if (active.get()) {
            return;
        }
        Parent root = scene.getRoot();
        themeBefore = Theme.current();
        if (!themeBefore.projector()) {
            themeBefore.forProjector().apply(scene);
        }
        double scale = scaleFor(screenHeight());
        rootStyleBefore = root.getStyle();
        root.setStyle(rootStyleBefore + (rootStyleBefore.isBlank() ? "" : "; ")
                + String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx", DESK_FONT_PX * scale));
        if (!root.getStyleClass().contains("presentation")) {
            root.getStyleClass().add("presentation");
        }
        ChartScale.set(scale);
        active.set(true);
        applyHidden();
        // Esc and F11 are the window's own keys (they leave the mode, not only full screen).
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Presentation mode: Esc or F11 to leave");
        // Cover the screen first: where the platform does not honour full screen (no window manager), the
        // window still fills the projector.
        boundsBefore = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        maximizedBefore = stage.isMaximized();
        Rectangle2D screen = screen().getBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.setFullScreen(true);
    }

    public void leave() {
        if (!active.get()) {
            return;
        }
        active.set(false);
        applyHidden();
        Parent root = scene.getRoot();
        root.setStyle(rootStyleBefore == null ? "" : rootStyleBefore);
        root.getStyleClass().remove("presentation");
        ChartScale.set(1);
        // Back to the desk look the teacher had, unless a projector theme was chosen on purpose before.
        if (themeBefore != null && !themeBefore.projector() && Theme.current().projector()) {
            Theme.current().forDesk().apply(scene);
        }
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
        if (boundsBefore != null) {
            stage.setX(boundsBefore.getMinX());
            stage.setY(boundsBefore.getMinY());
            stage.setWidth(boundsBefore.getWidth());
            stage.setHeight(boundsBefore.getHeight());
            stage.setMaximized(maximizedBefore);
            boundsBefore = null;
        }
    }

    /** Applies the choice again, e.g. to a tab's view that has just joined the scene. */
    public void reapply() {
        applyHidden();
    }

    private void applyHidden() {
        for (HideableControl c : controls.values()) {
            c.hide().accept(active.get() && hidden.contains(c.id()));
        }
    }

    private double screenHeight() {
        return screen().getBounds().getHeight();
    }

    /** The screen the window is on (the projector, when it was dragged there). */
    private Screen screen() {
        List<Screen> screens = Screen.getScreensForRectangle(stage.getX(), stage.getY(), Math.max(1,
                stage.getWidth()), Math.max(1, stage.getHeight()));
        return screens.isEmpty() ? Screen.getPrimary() : screens.get(0);
    }

    /**
     * Text scale for a screen height: 1.3 at 768 pixels (a 1366x768 projector keeps the panel, the charts and the
     * runs side by side), 1.5 at 1080, at most 1.6. Measured on screenshots at both sizes.
     */
    static double scaleFor(double screenHeight) {
        return Math.max(1.3, Math.min(1.6, 1.3 + (screenHeight - 768) * (0.2 / 312)));
    }
}
