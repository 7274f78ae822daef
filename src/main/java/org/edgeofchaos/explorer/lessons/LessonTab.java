package org.edgeofchaos.explorer.lessons;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The window's views a lesson can bring to the front, by the names lesson files use. */
public enum LessonTab {
    CURVES("curves"),
    PHASE_DIAGRAM("phase-diagram"),
    NETWORK_DYNAMICS("route-to-chaos/network"),
    LOGISTIC_MAP("route-to-chaos/logistic-map"),
    SWEEPS("sweeps"),
    GUIDELINE("laws/guideline"),
    COLLAPSE("laws/collapse"),
    WEIGHT_DECAY("laws/weight-decay");

    private final String key;

    LessonTab(String key) {
        this.key = key;
    }

    /** The name in lesson files, e.g. {@code route-to-chaos/logistic-map}. */
    public String key() {
        return key;
    }

    public static Optional<LessonTab> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** "curves, phase-diagram, ...": for messages. */
    public static String keys() {
        return Arrays.stream(values()).map(LessonTab::key).collect(Collectors.joining(", "));
    }
}
