package org.edgeofchaos.explorer.dynamics;

/** What an orbit settles on. {@link #label()} is the name used in JSON output and on screen. */
public enum AttractorKind {
    /** The orbit stops moving: x_{t+1} = x_t. */
    FIXED_POINT("fixed-point"),
    /** The orbit repeats with a period p >= 2 (or stays contracting without closing within the largest period looked for). */
    PERIODIC("periodic"),
    /** Marginal: lambda_max is 0 within its error and the orbit does not repeat (an invariant torus, or a very long cycle). */
    QUASI_PERIODIC("quasi-periodic"),
    /** lambda_max significantly above 0: nearby orbits separate exponentially. */
    CHAOTIC("chaotic");

    private final String label;

    AttractorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind named by {@code label}, or null if none is. */
    public static AttractorKind ofLabel(String label) {
        for (AttractorKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
