/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/** Order statistics in expected linear time (quickselect), for medians on the per-spectrum hot path. */
public final class Select {
    private Select() {
    }

    /** @return the median of {@code a} (mean of the two middle values for even length); reorders {@code a} */
    public static double median(double[] a) {
        return median(a, a.length);
    }

    /** @return the median of {@code a[0, n)}; reorders that part */
    static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double hi = kth(a, 0, n - 1, n / 2);
        if (n % 2 == 1) {
            return hi;
        }
        double lo = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n / 2; i++) {
            lo = Math.max(lo, a[i]);
        }
        return 0.5 * (lo + hi);
    }

    /** @return the k-th smallest of a[lo..hi], leaving smaller values before index k */
    static double kth(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    /**
     * Robust point-to-point noise of mu: the median absolute deviation of second differences, scaled to a
     * Gaussian sigma (a second difference of white noise has variance 6 sigma^2). Smooth curvature (the edge, the
     * EXAFS wiggles) affects few second differences, so the median sees mostly noise.
     */
    public static double noiseSigma(double[] mu) {
        return noiseSigma(mu, new Scratch());
    }

    /** The same using the scratch arrays instead of allocating. */
    public static double noiseSigma(double[] mu, Scratch scratch) {
        int n = mu.length;
        if (n < 3) {
            return 0;
        }
        int m = n - 2;
        double[] d2 = scratch.general(m);
        for (int i = 1; i < n - 1; i++) {
            d2[i - 1] = mu[i + 1] - 2 * mu[i] + mu[i - 1];
        }
        double med = median(d2, m);
        for (int i = 0; i < m; i++) {
            d2[i] = Math.abs(d2[i] - med);
        }
        double mad = median(d2, m);
        return 1.4826 * mad / Math.sqrt(6.0);
    }
}
