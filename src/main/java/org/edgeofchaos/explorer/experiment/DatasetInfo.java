package org.edgeofchaos.explorer.experiment;

/**
 * Which data a run used, recorded with it so that the run can be reproduced.
 *
 * @param directory    the data directory as given
 * @param name         its folder name, e.g. {@code fashion-mnist}
 * @param trainSize    training images used
 * @param testSize     test images
 * @param resolution   28 (N = 784) or 14 (N = 196, 2x2 average-pooled)
 * @param randomSubset whether the training images are a seeded random subset rather than the first ones
 * @param subsetSeed   the seed of that subset
 */
public record DatasetInfo(String directory, String name, int trainSize, int testSize, int resolution,
        boolean randomSubset, long subsetSeed) {

    public int inputSize() {
        return resolution * resolution;
    }
}
