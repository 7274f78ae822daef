package org.edgeofchaos.explorer.training;

import java.util.Arrays;

/**
 * The pictures of the hidden map after an epoch, kept with the epoch so a saved run can be replayed: the
 * eigenvalues of W and of the Jacobian D* at the attractor (each sorted by modulus, largest first; empty when not
 * computed) and the mean activity m_t of the last steps of the orbit (the return map plots m_{t+1} against m_t).
 * Stored in float: the views need no more.
 */
public record DynamicsPortrait(float[] weightRe, float[] weightIm, float[] jacobianRe, float[] jacobianIm,
                               float[] meanActivity) {

    public DynamicsPortrait {
        weightRe = copy(weightRe);
        weightIm = copy(weightIm);
        jacobianRe = copy(jacobianRe);
        jacobianIm = copy(jacobianIm);
        meanActivity = copy(meanActivity);
        if (weightRe.length != weightIm.length || jacobianRe.length != jacobianIm.length) {
            throw new IllegalArgumentException("real and imaginary parts differ in length");
        }
    }

    private static float[] copy(float[] values) {
        return values == null ? new float[0] : values.clone();
    }

    @Override
    public float[] weightRe() {
        return weightRe.clone();
    }

    @Override
    public float[] weightIm() {
        return weightIm.clone();
    }

    @Override
    public float[] jacobianRe() {
        return jacobianRe.clone();
    }

    @Override
    public float[] jacobianIm() {
        return jacobianIm.clone();
    }

    @Override
    public float[] meanActivity() {
        return meanActivity.clone();
    }

    public boolean hasSpectra() {
        return weightRe.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicsPortrait p && Arrays.equals(weightRe, p.weightRe)
                && Arrays.equals(weightIm, p.weightIm) && Arrays.equals(jacobianRe, p.jacobianRe)
                && Arrays.equals(jacobianIm, p.jacobianIm) && Arrays.equals(meanActivity, p.meanActivity);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(weightRe), Arrays.hashCode(weightIm),
            Arrays.hashCode(jacobianRe), Arrays.hashCode(jacobianIm), Arrays.hashCode(meanActivity)});
    }

    @Override
    public String toString() {
        return "DynamicsPortrait[eigenvalues=" + weightRe.length + ", returnMap=" + meanActivity.length + "]";
    }
}
