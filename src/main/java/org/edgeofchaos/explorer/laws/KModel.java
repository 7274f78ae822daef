package org.edgeofchaos.explorer.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * k as a function of the distance to the edge, fitted to edge chords of one resolution: k(e*) = a + b / e* per
 * training image (the first-epoch jump of J^2 adds a fixed amount to a chord, so it weighs more when the edge is
 * near). With one chord k is that chord, with no uncertainty; with two the line passes through both.
 */
public final class KModel {
    private final int resolution;
    private final List<EdgeChord> chords;
    private final String source;
    private final double a;
    private final double b;
    private final double scatterPerImage;
    private final double minEdge;
    private final double maxEdge;

    /**
     * @throws IllegalArgumentException if there is no chord, or the chords mix resolutions
     */
    public KModel(List<EdgeChord> chords, String source) {
        if (chords.isEmpty()) {
            throw new IllegalArgumentException("no run that reaches J = 1 from below: k cannot be measured");
        }
        this.resolution = chords.get(0).resolution();
        for (EdgeChord c : chords) {
            if (c.resolution() != resolution) {
                throw new IllegalArgumentException("k differs between resolutions: runs at " + resolution + "x"
                        + resolution + " and " + c.resolution() + "x" + c.resolution() + " cannot be fitted together");
            }
        }
        this.chords = List.copyOf(chords);
        this.source = source;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (EdgeChord c : chords) {
            min = Math.min(min, c.windowEnd());
            max = Math.max(max, c.windowEnd());
        }
        this.minEdge = min;
        this.maxEdge = max;
        if (chords.size() >= 2 && max / min > 1.05) {
            double[][] x = new double[chords.size()][];
            double[] y = new double[chords.size()];
            for (int i = 0; i < chords.size(); i++) {
                x[i] = new double[] {1, 1 / chords.get(i).windowEnd()};
                y[i] = chords.get(i).kPerImage();
            }
            LeastSquares.Solution s = LeastSquares.fit(x, y);
            a = s.coefficients()[0];
            b = s.coefficients()[1];
            // With edges at only two distinct epochs the line passes through both exactly, whatever the runs'
            // scatter: a residual of 0 would claim a certainty nobody measured, so the spread is unknown (NaN).
            long distinct = chords.stream().mapToDouble(EdgeChord::windowEnd)
                    .mapToLong(e -> Math.round(e * 1e6)).distinct().count();
            scatterPerImage = distinct > 2 ? s.residualStd() : Double.NaN;
        } else {
            double mean = 0;
            for (EdgeChord c : chords) {
                mean += c.kPerImage() / chords.size();
            }
            double ss = 0;
            for (EdgeChord c : chords) {
                ss += (c.kPerImage() - mean) * (c.kPerImage() - mean);
            }
            a = mean;
            b = 0;
            scatterPerImage = chords.size() > 1 ? Math.sqrt(ss / (chords.size() - 1)) : Double.NaN;
        }
    }

    /** A model from runs (saved, or a sweep's cells); runs that cannot give a chord are skipped. */
    public static KModel fromRuns(List<LawRun> runs, String source) {
        List<EdgeChord> chords = new ArrayList<>();
        for (LawRun run : runs) {
            EdgeChord.of(run).ifPresent(chords::add);
        }
        return new KModel(chords, source);
    }

    public int resolution() {
        return resolution;
    }

    /** Where the model came from, e.g. "shipped: 9 runs at 14x14, 6,000 images". */
    public String source() {
        return source;
    }

    /** k per training image for an edge at e*: a + b / e*; these are a and b. */
    public double perImageIntercept() {
        return a;
    }

    public double perImageSlope() {
        return b;
    }

    /** The median epoch of the measured edges: where a single k describes the model best. */
    public double medianEdge() {
        double[] edges = chords.stream().mapToDouble(EdgeChord::windowEnd).sorted().toArray();
        int n = edges.length;
        return n % 2 == 1 ? edges[n / 2] : (edges[n / 2 - 1] + edges[n / 2]) / 2;
    }

    public List<EdgeChord> chords() {
        return chords;
    }

    /** k for a training set of S images whose edge should come after {@code edgeEpoch} epochs. */
    public KEstimate at(double edgeEpoch, int trainSize) {
        if (!(edgeEpoch > 0)) {
            throw new IllegalArgumentException("the epoch of the edge must be > 0, got " + edgeEpoch);
        }
        double perImage = a + b / edgeEpoch;
        String range = minEdge == maxEdge ? String.format(Locale.ROOT, "an edge at epoch %.1f", minEdge)
                : String.format(Locale.ROOT, "edges at epochs %.1f-%.1f", minEdge, maxEdge);
        boolean outside = edgeEpoch < minEdge * 0.8 || edgeEpoch > maxEdge * 1.25;
        String window = "chord of J^2 from epoch 0 to the edge, fitted on " + range
                + (outside ? " (extrapolated to " + String.format(Locale.ROOT, "%.1f", edgeEpoch) + ")" : "");
        return new KEstimate(perImage * trainSize, scatterPerImage * trainSize, resolution, trainSize, window,
                source);
    }

    /**
     * The epoch where J^2, growing from J(0)^2 at the scaled rate r = eta / ((1 - alpha) B), first reaches 1 on the
     * chord this model predicts: (1 - J(0)^2) / (r e*) = S (a + b / e*), solved for e*. Where that has no positive
     * solution (rates far beyond the measured ones) k at the nearest measured edge is used. Without weight decay.
     */
    public double edgeEpoch(double initJ, double scaledRate, int trainSize) {
        double distance = 1 - initJ * initJ;
        if (distance <= 0) {
            return 0;
        }
        double e = (distance / (scaledRate * trainSize) - b) / a;
        if (a > 0 && e >= minEdge * 0.5) {
            return e;
        }
        return distance / (scaledRate * at(minEdge, trainSize).k());
    }

    /**
     * The inverse of {@link #edgeEpoch}: the scaled rate eta / ((1 - alpha) B) at which J reaches 1 after
     * {@code edgeEpoch} epochs (a sweep map's lines of constant predicted edge epoch).
     */
    public double scaledRateForEdge(double initJ, double edgeEpoch, int trainSize) {
        double distance = 1 - initJ * initJ;
        if (distance <= 0 || !(edgeEpoch > 0)) {
            return Double.NaN;
        }
        if (a > 0 && edgeEpoch >= minEdge * 0.5) {
            return distance / (trainSize * (a + b / edgeEpoch) * edgeEpoch);
        }
        return distance / (edgeEpoch * at(minEdge, trainSize).k());
    }
}
