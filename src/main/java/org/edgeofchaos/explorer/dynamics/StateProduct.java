package org.edgeofchaos.explorer.dynamics;

/** out[r] = W in[r] for r in [0, count): the one hot operation of an estimate, swappable for benchmarks. */
interface StateProduct {

    void multiply(float[][] in, float[][] out, int count);
}
