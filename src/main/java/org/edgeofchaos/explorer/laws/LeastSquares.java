package org.edgeofchaos.explorer.laws;

/**
 * Ordinary least squares y = X b with the standard errors of b, for the few regressors the laws need (at most 4):
 * normal equations solved by Gauss-Jordan elimination with partial pivoting, which is exact enough at this size.
 */
final class LeastSquares {
    /**
     * @param coefficients fitted b
     * @param errors       standard errors of b (NaN when there are no residual degrees of freedom)
     * @param rSquared     1 - residual sum of squares / total sum of squares about the mean of y
     * @param residualStd  the residual standard deviation
     */
    record Solution(double[] coefficients, double[] errors, double rSquared, double residualStd) {
    }

    private LeastSquares() {
    }

    /**
     * @param x rows of regressors (include a column of ones for an intercept)
     * @throws IllegalArgumentException if there are fewer rows than columns or the columns are collinear
     */
    static Solution fit(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length;
        if (n < p) {
            throw new IllegalArgumentException("need at least " + p + " points, got " + n);
        }
        double[][] normal = new double[p][2 * p];
        double[] xty = new double[p];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < p; i++) {
                xty[i] += x[r][i] * y[r];
                for (int j = 0; j < p; j++) {
                    normal[i][j] += x[r][i] * x[r][j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            normal[i][p + i] = 1;
        }
        double[][] inverse = invert(normal, p);
        double[] b = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                b[i] += inverse[i][j] * xty[j];
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double rss = 0;
        double tss = 0;
        for (int r = 0; r < n; r++) {
            double fitted = 0;
            for (int i = 0; i < p; i++) {
                fitted += x[r][i] * b[i];
            }
            rss += (y[r] - fitted) * (y[r] - fitted);
            tss += (y[r] - mean) * (y[r] - mean);
        }
        int dof = n - p;
        double sigma2 = dof > 0 ? rss / dof : Double.NaN;
        double[] errors = new double[p];
        for (int i = 0; i < p; i++) {
            errors[i] = Math.sqrt(sigma2 * inverse[i][i]);
        }
        double r2 = tss > 0 ? 1 - rss / tss : 1;
        return new Solution(b, errors, r2, Math.sqrt(sigma2));
    }

    private static double[][] invert(double[][] a, int p) {
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double scale = Math.abs(a[col][col]) + Math.abs(a[pivot][col]);
            if (Math.abs(a[pivot][col]) <= 1e-12 * Math.max(1, scale)) {
                throw new IllegalArgumentException("the regressors are collinear (a quantity does not vary)");
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double d = a[col][col];
            for (int j = 0; j < 2 * p; j++) {
                a[col][j] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * p; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inverse = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inverse[i], 0, p);
        }
        return inverse;
    }
}
