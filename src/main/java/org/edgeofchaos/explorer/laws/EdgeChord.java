package org.edgeofchaos.explorer.laws;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * k measured the way the guideline uses it: as the chord of J^2 from the initialisation to the edge, k = (1 -
 * J(0)^2) / (r e*) with r = eta / ((1 - alpha) B) and e* the (interpolated) epoch where J first reaches 1. Because
 * J^2 jumps in the first epoch and then grows more slowly, the chord depends on how far away the edge is: runs whose
 * edge is near give a larger k. Runs that stop short of the edge give no chord: their chord to a J below 1 weighs
 * the first-epoch jump more (measured at 14x14, 6,000 images: 10.2 for a run that got to J = 0.68 in 30 epochs,
 * against 7.0-8.9 for the runs that reached the edge).
 *
 * @param windowEnd e*
 * @param kPerImage k divided by the training-set size S (k is proportional to S: science.md section 4)
 */
public record EdgeChord(String run, int resolution, int trainSize, double windowEnd, double k, double kPerImage) {

    /** Empty if the run starts at or past the edge, never reaches it, or changed its settings on the way. */
    public static Optional<EdgeChord> of(LawRun run) {
        if (run.changedDuringRun()) {
            return Optional.empty();
        }
        double j0 = run.hyperparameters().initJ();
        if (j0 >= 1) {
            return Optional.empty();
        }
        OptionalDouble edge = run.edgeEpoch();
        if (edge.isEmpty() || !(edge.getAsDouble() > 0)) {
            return Optional.empty();
        }
        double k = (1 - j0 * j0) / (run.scaledRate() * edge.getAsDouble());
        return Optional.of(new EdgeChord(run.name(), run.resolution(), run.trainSize(), edge.getAsDouble(), k,
                k / run.trainSize()));
    }

    /** A chord measured elsewhere (the shipped table). */
    static EdgeChord measured(String run, int resolution, int trainSize, double edgeEpoch, double k) {
        return new EdgeChord(run, resolution, trainSize, edgeEpoch, k, k / trainSize);
    }
}
