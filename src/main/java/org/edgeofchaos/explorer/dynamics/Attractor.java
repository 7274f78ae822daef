package org.edgeofchaos.explorer.dynamics;

import java.util.Objects;

/**
 * The kind of an attractor and, for a cycle, its period.
 *
 * @param kind   the kind
 * @param period the period p >= 2 of a {@link AttractorKind#PERIODIC} orbit; null for the other kinds, and for
 *               a contracting orbit that did not close within {@link AttractorClassifier#MAX_PERIOD} steps
 */
public record Attractor(AttractorKind kind, Integer period) {

    public Attractor {
        Objects.requireNonNull(kind, "kind");
        if (period != null && (kind != AttractorKind.PERIODIC || period < 2)) {
            throw new IllegalArgumentException("a period >= 2 belongs to a periodic orbit only: " + kind + ", " + period);
        }
    }

    /** "fixed-point", "periodic (period 3)", "chaotic", ...: for labels on screen. */
    public String describe() {
        if (kind == AttractorKind.PERIODIC) {
            return period == null ? "periodic (period > " + AttractorClassifier.MAX_PERIOD + ")"
                    : "periodic (period " + period + ")";
        }
        return kind.label();
    }
}
