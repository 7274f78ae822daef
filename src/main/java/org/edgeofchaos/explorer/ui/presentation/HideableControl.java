package org.edgeofchaos.explorer.ui.presentation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.scene.Node;

/**
 * A part of the window a teacher can hide in presentation mode: a stable id (kept in session files), a plain name
 * for the "Hide controls…" dialog, the group it is listed under, and how to hide or show it.
 *
 * @param hide receives true to hide, false to show again; called on the FX thread, any number of times
 */
public record HideableControl(String id, String name, String group, Consumer<Boolean> hide) {

    /**
     * Hides nodes by taking them out of the layout (not visible, not managed), so that the rest closes up. A
     * property bound elsewhere (an error label shown only while there is an error) is left to its binding.
     */
    public static HideableControl nodes(String id, String name, String group, List<? extends Node> nodes) {
        List<Node> copy = List.copyOf(nodes);
        return new HideableControl(id, name, group, hidden -> {
            for (Node n : copy) {
                if (!n.visibleProperty().isBound()) {
                    n.setVisible(!hidden);
                }
                if (!n.managedProperty().isBound()) {
                    n.setManaged(!hidden);
                }
            }
        });
    }

    public static HideableControl nodes(String id, String name, String group, Node... nodes) {
        return nodes(id, name, group, List.of(nodes));
    }

    /** The node with css id {@code id} under {@code root} as a control, if the view has one. */
    public static Optional<HideableControl> lookup(Node root, String id, String name, String group) {
        return Optional.ofNullable(root.lookup("#" + id)).map(n -> nodes(id, name, group, n));
    }
}
