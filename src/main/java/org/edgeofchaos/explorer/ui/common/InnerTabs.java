package org.edgeofchaos.explorer.ui.common;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Inner tabs of a feature tab addressed by node id, for lessons and session files. */
public final class InnerTabs {
    private InnerTabs() {
    }

    /** Brings the inner tab with this node id to the front; false if there is none. */
    public static boolean select(TabPane pane, String tabId) {
        for (Tab t : pane.getTabs()) {
            if (tabId.equals(t.getId())) {
                pane.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** The node id of the inner tab shown, or "" with none. */
    public static String shown(TabPane pane) {
        Tab t = pane.getSelectionModel().getSelectedItem();
        return t == null ? "" : t.getId();
    }
}
