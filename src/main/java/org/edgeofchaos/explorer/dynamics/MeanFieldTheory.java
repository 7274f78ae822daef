package org.edgeofchaos.explorer.dynamics;

import java.util.ArrayList;
import java.util.List;

import org.edgeofchaos.explorer.dynamics.GaussianQuadrature.TanhMoments;

/**
 * Large-N mean-field theory of x -> tanh(W x) with W_ij ~ N(J0/N, J^2/N) (science.md sections 2-3).
 *
 * <p>The order parameters are u = mean activity and q = mean squared activity; the pre-activation of a unit
 * is Gaussian with mean J0 u and variance J^2 q, so at a fixed point
 * u = E[tanh(J0 u + J sqrt(q) z)], q = E[tanh^2(J0 u + J sqrt(q) z)], and perturbations grow by
 * chi = J^2 E[sech^4(J0 u + J sqrt(q) z)] per step (lambda_max = ln(chi) / 2). The edge of chaos is chi = 1.
 * Expectations come from {@link GaussianQuadrature}, all in double.
 *
 * <p>Negative J0: for a fixed q, E[tanh(J0 u + ...)] decreases in u, so the only fixed point has u = 0.
 * When J0 E[sech^2] < -1 that fixed point is unstable and the order parameters settle on the staggered
 * period-2 orbit (u, -u) instead (the network flips its mean each step). Substituting z -> -z shows that
 * this orbit has exactly the q and chi of the ferromagnetic fixed point at |J0|. {@link #chi},
 * {@link #isChaotic}, {@link #lambdaMax} and {@link #criticalInverseJ} describe the attractor, so they are
 * even in J0; {@link #fixedPoint} solves the fixed-point equations literally.
 */
public final class MeanFieldTheory {

    /** Bottom of the search for the critical 1/J (the phase diagram itself stops at 0.02). */
    static final double MIN_INVERSE_J = 0.01;
    private static final double TOLERANCE = 1e-12;
    private static final int MAX_ITERATIONS = 2000;

    private MeanFieldTheory() {
    }

    /** A solution (u, q) of the mean-field equations. */
    public record FixedPoint(double u, double q) {
    }

    /** A point of the edge-of-chaos curve in phase-diagram coordinates x = J0/J, y = 1/J. */
    public record EdgePoint(double ratio, double inverseJ) {
    }

    /**
     * lambda_max of a random network with J0 = 0 and J = g: ln g for g <= 1 (the fixed point x = 0 is stable
     * and D = W, whose spectral radius is g), otherwise (1/2) ln(g^2 E[sech^4(sqrt(q*) z)]) with
     * q* = g^2 E[tanh^2(sqrt(q*) z)] the pre-activation variance.
     */
    public static double lambdaMaxJ0Zero(double g) {
        if (!(g >= 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("g must be finite and >= 0: " + g);
        }
        if (g <= 1) {
            return Math.log(g);
        }
        return 0.5 * Math.log(chi(0, g));
    }

    /** Mean-field lambda_max = (1/2) ln chi on the attractor (equals ln J in the ordered u = q = 0 state). */
    public static double lambdaMax(double j0, double j) {
        return 0.5 * Math.log(chi(j0, j));
    }

    /**
     * Solves u = E[tanh(J0 u + J sqrt(q) z)], q = E[tanh^2(...)] to 1e-12, starting from u = q = 1 so that
     * the ferromagnetic branch (u > 0) is found when it exists. A few damped iterations move the start into
     * the basin of the stable solution; Newton's method (analytic Jacobian via Stein's lemma) then removes
     * the critical slowing down that plain iteration suffers near J = 1 and near the ferromagnetic onset.
     */
    public static FixedPoint fixedPoint(double j0, double j) {
        checkCouplings(j0, j);
        double u = 1;
        double q = 1;
        double damping = j0 >= 0 ? 1.0 : 0.5; // undamped iteration would oscillate for J0 < 0
        for (int it = 0; it < 30; it++) {
            TanhMoments m = GaussianQuadrature.tanhMoments(j0 * u, j * Math.sqrt(q));
            u += damping * (m.t() - u);
            q += damping * (m.t2() - q);
        }
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            TanhMoments m = GaussianQuadrature.tanhMoments(j0 * u, j * Math.sqrt(q));
            double gu = m.t() - u;
            double gq = m.t2() - q;
            double residual = Math.abs(gu) + Math.abs(gq);
            if (residual < TOLERANCE) {
                return new FixedPoint(u, q);
            }
            // Jacobian of G(u, q) = F(u, q) - (u, q); derivatives in q use dE[f]/dq = (J^2/2) E[f''].
            double j2 = j * j;
            double a11 = j0 * m.s() - 1;
            double a12 = -j2 * m.ts();
            double a21 = 2 * j0 * m.ts();
            double a22 = j2 * (m.s2() - 2 * m.t2s()) - 1;
            double det = a11 * a22 - a12 * a21;
            double du = (-gu * a22 + gq * a12) / det;
            double dq = (-a11 * gq + a21 * gu) / det;
            boolean accepted = false;
            if (Double.isFinite(du) && Double.isFinite(dq)) {
                for (double step = 1; step > 1e-3 && !accepted; step *= 0.5) {
                    double un = u + step * du;
                    double qn = q + step * dq;
                    if (qn < 0 || qn > 1 || Math.abs(un) > 1) {
                        continue;
                    }
                    TanhMoments mn = GaussianQuadrature.tanhMoments(j0 * un, j * Math.sqrt(qn));
                    double rn = Math.abs(mn.t() - un) + Math.abs(mn.t2() - qn);
                    if (rn < residual) {
                        u = un;
                        q = qn;
                        accepted = true;
                    }
                }
            }
            if (!accepted) {
                // Newton stalled (singular Jacobian, or rounding at the tolerance): fall back to iteration.
                u += damping * gu;
                q += damping * gq;
            }
        }
        throw new IllegalStateException("mean-field equations did not converge for J0 = " + j0 + ", J = " + j);
    }

    /** chi = J^2 E[sech^4(J0 u + J sqrt(q) z)] on the mean-field attractor (even in J0, see class notes). */
    public static double chi(double j0, double j) {
        checkCouplings(j0, j);
        double a = Math.abs(j0);
        FixedPoint p = fixedPoint(a, j);
        return j * j * GaussianQuadrature.tanhMoments(a * p.u(), j * Math.sqrt(p.q())).s2();
    }

    public static boolean isChaotic(double j0, double j) {
        return chi(j0, j) > 1;
    }

    /**
     * Critical 1/J of the edge of chaos along the ray J0 = ratio * J. For |ratio| <= 1 it is exactly 1: the
     * ferromagnetic branch needs J0 E[sech^2(J sqrt(q) z)] > 1, and J E[sech^2] <= 1, so u = 0 and chi depends
     * on J alone, crossing 1 at J = 1. For |ratio| > 1 the ferromagnetic order delays chaos to J > 1; the root
     * of chi = 1 is bracketed by a scan of 1/J from 1 down to {@value #MIN_INVERSE_J} in growing steps and refined
     * by the Illinois method to 1e-10. The curve is continuous at |ratio| = 1 but leaves 1/J = 1 like a square
     * root (1 - 1/J ~ sqrt(|ratio| - 1): 0.90 at 1.01, 0.66 at 1.1), so sample densely there when drawing.
     * Values: 0.523 at 1.2, 0.340 at 1.4, 0.222 at 1.6, 0.089 at 2. Returns NaN if the edge lies below
     * {@value #MIN_INVERSE_J} (|ratio| above about 2.8; the diagram's x axis ends at 2).
     */
    public static double criticalInverseJ(double ratio) {
        return criticalInverseJ(ratio, 1.0);
    }

    /**
     * The same root, with the bracket searched outward from {@code near} (the root at a nearby ratio, as when a curve
     * is sampled in order; NaN or anything outside [{@value #MIN_INVERSE_J}, 1] means no guess): steps of 2 %, 4 %,
     * 8 % ... up or down from it instead of the scan from 1/J = 1 in steps of 10 %. Each step solves the mean-field
     * equations, so drawing the edge on the shipped map's range takes about a third of the evaluations (it is
     * computed while the window starts). The root is the same to 1e-10 whatever the guess, since chi - 1 changes
     * sign once along the ray.
     */
    public static double criticalInverseJ(double ratio, double near) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be finite: " + ratio);
        }
        double r = Math.abs(ratio);
        if (r <= 1) {
            return 1.0;
        }
        double start = near >= MIN_INVERSE_J && near <= 1 ? near : 1.0;
        double f = chiAlongRay(r, start) - 1;
        double lo;
        double hi;
        double fLo;
        double fHi;
        double step = 0.02;
        if (f <= 0) {
            // ordered at the start (always so at 1/J = 1: the ferromagnetic u > 0 pushes chi below 1): step down
            lo = start;
            fLo = f;
            do {
                hi = lo;
                fHi = fLo;
                if (lo == MIN_INVERSE_J) {
                    return Double.NaN;
                }
                lo = Math.max(MIN_INVERSE_J, lo * (1 - step));
                step = Math.min(0.5, 2 * step);
                fLo = chiAlongRay(r, lo) - 1;
            } while (fLo <= 0);
        } else {
            // chaotic at the start: step up, at most to 1/J = 1, where it is ordered
            hi = start;
            fHi = f;
            do {
                lo = hi;
                fLo = fHi;
                hi = Math.min(1.0, hi / (1 - step));
                step = Math.min(0.5, 2 * step);
                fHi = chiAlongRay(r, hi) - 1;
            } while (fHi > 0 && hi < 1.0);
            if (fHi > 0) {
                throw new IllegalStateException("chi > 1 at 1/J = 1 for J0/J = " + ratio);
            }
        }
        // Illinois (modified regula falsi): the bracket [lo, hi] always keeps the sign change.
        int side = 0;
        for (int it = 0; it < 100 && hi - lo > 1e-10; it++) {
            double y = (lo * fHi - hi * fLo) / (fHi - fLo);
            double fy = chiAlongRay(r, y) - 1;
            if (fy == 0) {
                return y;
            }
            if (fy > 0) {
                lo = y;
                fLo = fy;
                if (side == -1) {
                    fHi *= 0.5;
                }
                side = -1;
            } else {
                hi = y;
                fHi = fy;
                if (side == 1) {
                    fLo *= 0.5;
                }
                side = 1;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Edge of chaos sampled at {@code points} evenly spaced ratios from {@code fromRatio} to {@code toRatio}. */
    public static List<EdgePoint> edgeCurve(double fromRatio, double toRatio, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("need at least 2 points: " + points);
        }
        List<EdgePoint> curve = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            double ratio = fromRatio + (toRatio - fromRatio) * k / (points - 1);
            curve.add(new EdgePoint(ratio, criticalInverseJ(ratio)));
        }
        return List.copyOf(curve);
    }

    private static double chiAlongRay(double ratio, double inverseJ) {
        double j = 1.0 / inverseJ;
        return chi(ratio * j, j);
    }

    private static void checkCouplings(double j0, double j) {
        if (!Double.isFinite(j0) || !(j >= 0) || Double.isInfinite(j)) {
            throw new IllegalArgumentException("need finite J0 and finite J >= 0, got " + j0 + ", " + j);
        }
    }
}
