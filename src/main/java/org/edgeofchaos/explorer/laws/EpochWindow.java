package org.edgeofchaos.explorer.laws;

/**
 * An inclusive range of epochs a fit uses; epoch 0 is the initialisation (J = the initial J).
 *
 * @param first first epoch used, >= 0
 * @param last  last epoch used, >= first
 */
public record EpochWindow(int first, int last) {
    public EpochWindow {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("epoch window must satisfy 0 <= first <= last, got " + first + ".."
                    + last);
        }
    }

    public boolean contains(int epoch) {
        return epoch >= first && epoch <= last;
    }

    /** As shown beside a fitted value, e.g. {@code "epochs 1-12"}. */
    @Override
    public String toString() {
        return first == last ? "epoch " + first : "epochs " + first + "-" + last;
    }
}
