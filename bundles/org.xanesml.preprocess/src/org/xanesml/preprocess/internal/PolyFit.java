/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import org.xanesml.preprocess.FittedPolynomial;

/**
 * numpy {@code Polynomial.fit(x, y, deg)}: map x to [-1, 1], scale each Vandermonde column to unit norm, solve
 * the least squares problem. numpy solves with an SVD; this uses Householder QR, which agrees to rounding on such
 * well-conditioned (scaled) matrices and allocates only the small matrix. A plain fit in absolute energy would
 * lose up to 23% of the edge step (golden README), which is why the scaling matters.
 */
public final class PolyFit {
    private PolyFit() {
    }

    /**
     * @param x   abscissa, {@code x[from..to)} used
     * @param y   ordinate, {@code y[yFrom..yFrom+(to-from))} used
     * @param deg polynomial degree; must be below the number of points
     */
    public static FittedPolynomial fit(double[] x, int from, int to, double[] y, int yFrom, int deg) {
        return fit(x, from, to, y, yFrom, deg, new Scratch());
    }

    /** The same with the design matrix in the scratch arrays instead of allocated. */
    public static FittedPolynomial fit(double[] x, int from, int to, double[] y, int yFrom, int deg, Scratch scratch) {
        int m = to - from;
        int p = deg + 1;
        if (m < p) {
            throw new IllegalArgumentException("a degree-" + deg + " fit needs at least " + p + " points, got " + m);
        }
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            xmin = Math.min(xmin, x[i]);
            xmax = Math.max(xmax, x[i]);
        }
        double width = xmax - xmin;
        if (width == 0) {
            // numpy would divide by zero and return NaN; one abscissa value only determines a constant.
            double[] c = new double[p];
            c[0] = PyNum.mean(y, yFrom, yFrom + m);
            return new FittedPolynomial(xmin, xmax, c);
        }
        double scl = 2.0 / width;
        double off = -(xmax + xmin) / width;
        // Column-major design matrix a[k*m + i] = x'_i^k, then unit column norms (numpy's lstsq preconditioning).
        // The column norms are summed while the matrix is built: p independent sums in one pass.
        // the right-hand side b follows the matrix in the same array, from offset bo
        double[] a = scratch.fit(p * m + m);
        int bo = p * m;
        double[] colScale = new double[p];
        for (int i = 0; i < m; i++) {
            double xs = off + scl * x[from + i];
            double v = 1;
            for (int k = 0; k < p; k++) {
                a[k * m + i] = v;
                colScale[k] += v * v;
                v *= xs;
            }
            a[bo + i] = y[yFrom + i];
        }
        for (int k = 0; k < p; k++) {
            double s = Math.sqrt(colScale[k]);
            colScale[k] = s == 0 ? 1 : s;
            double inv = 1.0 / colScale[k];
            for (int i = 0; i < m; i++) {
                a[k * m + i] *= inv;
            }
        }
        double[] diag = new double[p];
        // dot[j] holds v.a_j for the columns right of k, dot[p] v.b: all found in one pass over the rows
        double[] dot = new double[p + 1];
        for (int k = 0; k < p; k++) {
            // Columns were scaled to unit norm, so a plain sum of squares cannot overflow (hypot is 20x slower).
            double sq = 0;
            for (int i = k; i < m; i++) {
                sq += a[k * m + i] * a[k * m + i];
            }
            double norm = Math.sqrt(sq);
            double xk = a[k * m + k];
            double alpha = xk > 0 ? -norm : norm;
            diag[k] = alpha;
            if (norm == 0) {
                continue;
            }
            // Householder vector v = column - alpha e_k, stored in place; |v|^2 = |x|^2 - 2 alpha x_k + alpha^2.
            a[k * m + k] = xk - alpha;
            double vnorm2 = 2 * (sq - alpha * xk);
            if (!(vnorm2 > 0)) {
                continue;
            }
            java.util.Arrays.fill(dot, 0.0);
            for (int i = k; i < m; i++) {
                double vi = a[k * m + i];
                for (int j = k + 1; j < p; j++) {
                    dot[j] += vi * a[j * m + i];
                }
                dot[p] += vi * a[bo + i];
            }
            for (int j = k + 1; j <= p; j++) {
                double f = 2 * dot[j] / vnorm2;
                int col = j < p ? j * m : bo;
                for (int i = k; i < m; i++) {
                    a[col + i] -= f * a[k * m + i];
                }
            }
        }
        double[] c = new double[p];
        double rmax = 0;
        for (double d : diag) {
            rmax = Math.max(rmax, Math.abs(d));
        }
        // numpy lstsq's rcond = len(x)*eps: directions this weak are dropped instead of amplified.
        double cutoff = rmax * m * Math.ulp(1.0);
        for (int k = p - 1; k >= 0; k--) {
            double s = a[bo + k];
            for (int j = k + 1; j < p; j++) {
                s -= a[j * m + k] * c[j];
            }
            c[k] = Math.abs(diag[k]) <= cutoff ? 0 : s / diag[k];
        }
        for (int k = 0; k < p; k++) {
            c[k] /= colScale[k];
        }
        return new FittedPolynomial(xmin, xmax, c);
    }
}
