package org.edgeofchaos.explorer.ui.chaos;

/** Plain data of the trained network's charts (the painters know nothing of the core). */
public final class NetworkPictures {

    private NetworkPictures() {
    }

    /**
     * Eigenvalues of W and of the Jacobian D* at the attractor for one epoch.
     *
     * @param j the epoch's J: the circular law puts a random W's eigenvalues in the disc of radius J
     */
    public record Spectrum(String title, double j, float[] weightRe, float[] weightIm, float[] jacobianRe,
                           float[] jacobianIm) {
        public boolean empty() {
            return weightRe.length == 0 && jacobianRe.length == 0;
        }
    }

    /** The mean activity m_t of the orbit's last steps; plotted as m_{t+1} against m_t. */
    public record ReturnMap(String title, float[] meanActivity) {
    }

    /**
     * Per-epoch series for the overview, and the selected epoch's index.
     *
     * @param kinds the attractor label per epoch ("fixed-point", ...; null when not measured)
     */
    public record Evolution(int[] epochs, double[] j, double[] lambda, double[] lambdaError, double[] jacobianNorm,
                            double[] leadingWeight, double[] leadingJacobian, String[] kinds, int selected) {
        public int size() {
            return epochs.length;
        }
    }
}
