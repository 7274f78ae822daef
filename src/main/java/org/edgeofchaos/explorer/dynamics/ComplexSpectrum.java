package org.edgeofchaos.explorer.dynamics;

import java.util.Arrays;

/**
 * Eigenvalues of a real N x N matrix as points of the complex plane, sorted by modulus, largest first (ties:
 * the eigenvalue with the positive imaginary part first, so a conjugate pair stays adjacent).
 *
 * @param re real parts
 * @param im imaginary parts
 */
public record ComplexSpectrum(double[] re, double[] im) {

    public ComplexSpectrum {
        if (re.length != im.length) {
            throw new IllegalArgumentException("real and imaginary parts differ in length: " + re.length + " vs "
                    + im.length);
        }
        re = re.clone();
        im = im.clone();
    }

    /** Sorts the given eigenvalues by modulus (largest first). */
    static ComplexSpectrum sorted(double[] re, double[] im) {
        Integer[] order = new Integer[re.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(Math.hypot(re[b], im[b]), Math.hypot(re[a], im[a]));
            return c != 0 ? c : Double.compare(im[b], im[a]);
        });
        double[] r = new double[re.length];
        double[] i = new double[re.length];
        for (int k = 0; k < order.length; k++) {
            r[k] = re[order[k]];
            i[k] = im[order[k]];
        }
        return new ComplexSpectrum(r, i);
    }

    @Override
    public double[] re() {
        return re.clone();
    }

    @Override
    public double[] im() {
        return im.clone();
    }

    public int size() {
        return re.length;
    }

    public double re(int k) {
        return re[k];
    }

    public double im(int k) {
        return im[k];
    }

    public double modulus(int k) {
        return Math.hypot(re[k], im[k]);
    }

    /** Largest modulus; 0 for an empty spectrum. */
    public double spectralRadius() {
        return re.length == 0 ? 0 : modulus(0);
    }

    /** Eigenvalues with modulus above {@code radius}: outside the unit circle for radius 1 (unstable directions). */
    public int countOutside(double radius) {
        int count = 0;
        for (int k = 0; k < re.length && modulus(k) > radius; k++) {
            count++;
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexSpectrum s && Arrays.equals(re, s.re) && Arrays.equals(im, s.im);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(re) + Arrays.hashCode(im);
    }

    @Override
    public String toString() {
        return "ComplexSpectrum[size=" + re.length + ", radius=" + spectralRadius() + "]";
    }
}
