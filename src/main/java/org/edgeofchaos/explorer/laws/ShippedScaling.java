package org.edgeofchaos.explorer.laws;

import java.util.List;

/**
 * k measured with this project's trainer, shipped so that the guideline works before the user has run anything.
 * Every entry is the edge chord of one run (initial J = 0.5, J0 = 0, seed 1, no weight decay) made with the
 * {@code train} command; the runs are listed so they can be repeated.
 */
public final class ShippedScaling {
    /** 14x14 (N = 196), the seeded random 6,000-image subset (subset seed 1), 30 epochs each. */
    static final List<EdgeChord> RESOLUTION_14 = List.of(
            EdgeChord.measured("lr 0.16, momentum 0.5, batch 16", 14, 6000, 4.20, 8.92),
            EdgeChord.measured("lr 0.125, momentum 0.5, batch 16", 14, 6000, 5.68, 8.45),
            EdgeChord.measured("lr 0.1, momentum 0.5, batch 16", 14, 6000, 7.44, 8.07),
            EdgeChord.measured("lr 0.064, momentum 0.9, batch 64", 14, 6000, 9.38, 7.99),
            EdgeChord.measured("lr 0.08, momentum 0.5, batch 16", 14, 6000, 9.65, 7.77),
            EdgeChord.measured("lr 0.05, momentum 0.9, batch 64", 14, 6000, 12.82, 7.49),
            EdgeChord.measured("lr 0.05, momentum 0.5, batch 16", 14, 6000, 16.72, 7.18),
            EdgeChord.measured("lr 0.16, momentum 0, batch 32", 14, 6000, 20.84, 7.20),
            EdgeChord.measured("lr 0.05, momentum 0.9, batch 128", 14, 6000, 27.36, 7.02));

    /** 28x28 (N = 784), all 60,000 images; the paper defaults as measured in science.md section 4. */
    static final List<EdgeChord> RESOLUTION_28 = List.of(
            EdgeChord.measured("lr 0.08, momentum 0.5, batch 32", 28, 60000, 12.40, 12.09),
            EdgeChord.measured("lr 0.02, momentum 0.5, batch 32 (paper defaults)", 28, 60000, 53.0, 11.32),
            EdgeChord.measured("lr 0.08, momentum 0.5, batch 128", 28, 60000, 53.0, 11.32));

    private ShippedScaling() {
    }

    /**
     * @throws IllegalArgumentException for a resolution other than 14 or 28
     */
    public static KModel model(int resolution) {
        List<EdgeChord> chords = switch (resolution) {
            case 14 -> RESOLUTION_14;
            case 28 -> RESOLUTION_28;
            default -> throw new IllegalArgumentException("resolution: must be 14 or 28, got " + resolution);
        };
        EdgeChord first = chords.get(0);
        return new KModel(chords, String.format(java.util.Locale.ROOT, "shipped: %d runs at %dx%d, %,d images",
                chords.size(), resolution, resolution, first.trainSize()));
    }
}
