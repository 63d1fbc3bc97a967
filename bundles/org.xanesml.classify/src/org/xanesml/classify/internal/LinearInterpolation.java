/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

/**
 * Piecewise-linear interpolation onto a target grid. Kept minimal on purpose: the preprocess bundle will own the
 * project's interpolation; this one only serves feature extraction until then.
 */
public final class LinearInterpolation {
    private LinearInterpolation() {
    }

    /**
     * Interpolates (x, y) at each target abscissa. Outside [x[0], x[n-1]] the end value is held (as numpy's interp
     * does), because the caller counts uncovered points separately and decides whether that is acceptable.
     *
     * @param x strictly increasing abscissae
     * @param y ordinates, same length as x
     * @param target increasing abscissae to interpolate at
     */
    public static double[] interpolate(double[] x, double[] y, double[] target) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("interpolation needs >= 2 points of equal-length x and y, got "
                    + x.length + " and " + y.length);
        }
        double[] out = new double[target.length];
        int j = 0;
        int last = x.length - 1;
        for (int i = 0; i < target.length; i++) {
            double t = target[i];
            if (t <= x[0]) {
                out[i] = y[0];
                continue;
            }
            if (t >= x[last]) {
                out[i] = y[last];
                continue;
            }
            // targets increase, so the bracketing interval only moves forward
            while (x[j + 1] < t) {
                j++;
            }
            double f = (t - x[j]) / (x[j + 1] - x[j]);
            out[i] = y[j] + f * (y[j + 1] - y[j]);
        }
        return out;
    }

    /** @return how many target points lie outside [x[0], x[n-1]] (where interpolation would hold an end value). */
    public static int uncoveredCount(double[] x, double[] target, double toleranceEv) {
        int n = 0;
        for (double t : target) {
            if (t < x[0] - toleranceEv || t > x[x.length - 1] + toleranceEv) {
                n++;
            }
        }
        return n;
    }

    /**
     * Derivative dy/dx on a possibly non-uniform grid: central second-order differences inside, one-sided at the
     * ends (the scheme numpy's gradient uses), so features match the baseline's "+d" definition.
     */
    public static double[] gradient(double[] x, double[] y) {
        int n = x.length;
        double[] d = new double[n];
        if (n < 2) {
            return d;
        }
        d[0] = (y[1] - y[0]) / (x[1] - x[0]);
        d[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        for (int i = 1; i < n - 1; i++) {
            double h1 = x[i] - x[i - 1];
            double h2 = x[i + 1] - x[i];
            d[i] = (h1 * h1 * y[i + 1] - h2 * h2 * y[i - 1] + (h2 * h2 - h1 * h1) * y[i]) / (h1 * h2 * (h1 + h2));
        }
        return d;
    }

    /**
     * Gaussian smoothing (or broadening) of y sampled on a non-uniform grid x, by a normalised Gaussian-weighted
     * average over the points within 4 sigma. A sigma <= 0 returns a copy.
     */
    public static double[] gaussianSmooth(double[] x, double[] y, double sigmaEv) {
        double[] out = y.clone();
        if (sigmaEv <= 0) {
            return out;
        }
        int n = x.length;
        double reach = 4 * sigmaEv;
        int lo = 0;
        for (int i = 0; i < n; i++) {
            while (x[lo] < x[i] - reach) {
                lo++;
            }
            double sw = 0;
            double s = 0;
            for (int k = lo; k < n && x[k] <= x[i] + reach; k++) {
                double u = (x[k] - x[i]) / sigmaEv;
                // weight by the local spacing so dense parts of the grid do not dominate the average
                double spacing = 0.5 * ((k + 1 < n ? x[k + 1] : x[k]) - (k > 0 ? x[k - 1] : x[k]));
                double w = Math.exp(-0.5 * u * u) * Math.max(spacing, 1e-12);
                sw += w;
                s += w * y[k];
            }
            out[i] = s / sw;
        }
        return out;
    }
}
