package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paper 1's guideline: for a budget of E epochs choose eta / ((1 - alpha) B) so that J^2 reaches 1 after E epochs,
 * r = (1 - J(0)^2) / (k E), then hold J there with lambda* = k / (4 S). Weight decay is switched on only after
 * the edge: applied from the start, lambda* balances the growth exactly at J = 1, which J then only approaches and
 * never reaches.
 */
public final class Guideline {
    /** Batch sizes proposed, in order of preference (the paper's 32 first). */
    static final int[] BATCHES = {32, 16, 64, 128, 8, 256};
    /** Momenta tried when the user does not fix one. */
    static final double[] MOMENTA = {0.5, 0.9, 0.0};
    /** Proposals returned at most. */
    static final int MAX_PROPOSALS = 4;
    /** Learning rates outside [MIN_LR, MAX_EFFECTIVE_LR (1 - alpha)] are not proposed: too slow, or unstable. */
    static final double MIN_LR = 1e-4;
    static final double MAX_EFFECTIVE_LR = 1.0;

    private Guideline() {
    }

    /**
     * @param epochs    the budget E: epochs until J should reach 1, >= 1
     * @param k         k for this resolution and training-set size (see {@link KModel#at})
     * @param initJ     J of the initial weights, in (0, 1)
     * @param momentum  a fixed momentum, or NaN to propose several
     * @throws IllegalArgumentException naming the value if a setting is out of range, or no proposal fits
     */
    public static List<Proposal> propose(int epochs, KEstimate k, double initJ, double momentum) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: must be >= 1, got " + epochs);
        }
        if (!(initJ > 0 && initJ < 1)) {
            throw new IllegalArgumentException("initial J: must be in (0, 1) to reach the edge from the ordered "
                    + "phase, got " + initJ);
        }
        if (!Double.isNaN(momentum) && !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum: must be in [0, 1), got " + momentum);
        }
        if (!(k.k() > 0)) {
            throw new IllegalArgumentException("k must be > 0, got " + k.k());
        }
        double rate = (1 - initJ * initJ) / (k.k() * epochs);
        double[] momenta = Double.isNaN(momentum) ? MOMENTA : new double[] {momentum};
        double lambda = k.criticalWeightDecay();
        List<Proposal> all = new ArrayList<>();
        for (int m = 0; m < momenta.length; m++) {
            for (int b = 0; b < BATCHES.length; b++) {
                double alpha = momenta[m];
                int batch = BATCHES[b];
                if (batch > k.trainSize()) {
                    continue;
                }
                double lr = roundSignificant(rate * (1 - alpha) * batch, 3);
                if (lr < MIN_LR || lr / (1 - alpha) > MAX_EFFECTIVE_LR) {
                    continue;
                }
                double predicted = (1 - initJ * initJ) * (1 - alpha) * batch / (k.k() * lr);
                all.add(new Proposal(lr, alpha, batch, lambda, (int) Math.round(predicted) + 1, predicted, k.k(),
                        k.kError(), k.window(), explain(lr, alpha, batch, predicted, k, lambda, initJ)));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no learning rate in [" + MIN_LR + ", " + MAX_EFFECTIVE_LR
                    + " (1 - alpha)] reaches the edge in " + epochs + " epochs with k = " + fmt(k.k()));
        }
        // One proposal per momentum first (preferred batch), then more batch sizes: a varied short list.
        List<Proposal> chosen = new ArrayList<>();
        for (double alpha : momenta) {
            all.stream().filter(p -> p.momentum() == alpha).findFirst().ifPresent(chosen::add);
        }
        for (Proposal p : all) {
            if (chosen.size() >= MAX_PROPOSALS) {
                break;
            }
            if (!chosen.contains(p)) {
                chosen.add(p);
            }
        }
        // Preferred first: the paper's momentum and batch size lead.
        return List.copyOf(chosen.subList(0, Math.min(MAX_PROPOSALS, chosen.size())));
    }

    private static String explain(double lr, double alpha, int batch, double predicted, KEstimate k, double lambda,
            double initJ) {
        double rate = lr / ((1 - alpha) * batch);
        return String.format(Locale.ROOT, "eta/((1-alpha)B) = %s makes J^2 grow by k x that = %s per epoch "
                + "(k = %s), from %s to 1 in %.1f epochs; then weight decay %s = k/(4S) holds J near 1.",
                fmt(rate), fmt(k.k() * rate), fmt(k.k()), fmt(initJ * initJ), predicted, fmt(lambda));
    }

    static double roundSignificant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(value))));
        return Math.round(value * scale) / scale;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
