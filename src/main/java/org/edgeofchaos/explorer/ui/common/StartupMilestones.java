package org.edgeofchaos.explorer.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Named moments of the window's start-up that a view reaches on its own (the phase map painted for the first time),
 * for whoever measures start-up ({@code FrameGapMonitor}). Views report without knowing who listens, so the feature
 * packages do not depend on the window's package. FX thread only; without a listener a report costs a list check.
 */
public final class StartupMilestones {
    private static final List<Consumer<String>> LISTENERS = new ArrayList<>();
    private static final java.util.Set<String> REACHED = new java.util.HashSet<>();

    private StartupMilestones() {
    }

    /** Listens for milestones from now on. */
    public static void listen(Consumer<String> listener) {
        LISTENERS.add(listener);
    }

    /** Reports a milestone; only its first report reaches the listeners. */
    public static void reached(String milestone) {
        if (!LISTENERS.isEmpty() && REACHED.add(milestone)) {
            for (Consumer<String> l : LISTENERS) {
                l.accept(milestone);
            }
        }
    }
}
