/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

/**
 * The few Python and numpy semantics that Larch's numbers depend on and that Java does differently. Each method
 * names the Python expression it reproduces; reproducing them bit for bit is what makes e0 land on the same point.
 */
public final class PyNum {
    private PyNum() {
    }

    /** Python 3 {@code round(x)} on a float: round half to even (Java's {@code Math.round} rounds half up). */
    public static double round(double x) {
        return Math.rint(x);
    }

    /**
     * Python {@code min(a, b)}: keeps {@code a} unless {@code b < a}. So {@code min(1.0, nan)} is 1.0 while
     * {@code Math.min} gives NaN; Larch's find_e0 relies on this for spectra under 100 points.
     */
    public static double min(double a, double b) {
        return b < a ? b : a;
    }

    /** Python {@code max(a, b)}: keeps {@code a} unless {@code b > a}. */
    public static double max(double a, double b) {
        return b > a ? b : a;
    }

    /**
     * numpy's pairwise summation of {@code a[from, from+n)}, as {@code ndarray.sum()} and {@code mean()} do it for
     * contiguous float64, so means of short slices agree to the last bit.
     */
    public static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i;
            int blocked = n - n % 8;
            for (i = 8; i < blocked; i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }

    /** numpy {@code a[from:to].mean()}; NaN for an empty slice, as numpy (with a warning). */
    public static double mean(double[] a, int from, int to) {
        int n = to - from;
        return n <= 0 ? Double.NaN : sum(a, from, n) / n;
    }

    /**
     * numpy {@code np.gradient(f)} with unit spacing: central differences inside, one-sided at the ends.
     *
     * @throws IllegalArgumentException for fewer than 2 points (numpy raises ValueError there)
     */
    public static double[] gradient(double[] f, int from, int to) {
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("a numerical gradient needs at least 2 points, got " + n);
        }
        double[] g = new double[n];
        g[0] = f[from + 1] - f[from];
        for (int i = 1; i < n - 1; i++) {
            g[i] = (f[from + i + 1] - f[from + i - 1]) / 2.0;
        }
        g[n - 1] = f[to - 1] - f[to - 2];
        return g;
    }

    /**
     * {@code np.gradient(y)/np.gradient(x)}: the derivative Larch uses everywhere. Halving both differences cancels
     * exactly in binary floating point, so the ratio of plain differences is the same number.
     */
    public static double[] derivative(double[] x, double[] y, int from, int to) {
        double[] d = new double[Math.max(0, to - from)];
        derivative(x, y, from, to, d);
        return d;
    }

    /** The same written into {@code d[0, to-from)}. */
    public static void derivative(double[] x, double[] y, int from, int to, double[] d) {
        int n = to - from;
        if (n < 2) {
            throw new IllegalArgumentException("a numerical derivative needs at least 2 points, got " + n);
        }
        d[0] = (y[from + 1] - y[from]) / (x[from + 1] - x[from]);
        for (int i = 1; i < n - 1; i++) {
            // numpy's halving, as a product: x * 0.5 and x / 2.0 are both the correctly rounded x/2, the same
            // number (subnormals included), and a multiplication is several times cheaper than a division
            d[i] = ((y[from + i + 1] - y[from + i - 1]) * 0.5) / ((x[from + i + 1] - x[from + i - 1]) * 0.5);
        }
        d[n - 1] = (y[to - 1] - y[to - 2]) / (x[to - 1] - x[to - 2]);
    }

    /** Larch {@code index_of}: last index with {@code array[i] <= value}, 0 when value is below every element. */
    public static int indexOf(double[] array, double value) {
        double min = array[0];
        for (double v : array) {
            min = Math.min(min, v);
        }
        if (value < min) {
            return 0;
        }
        int last = 0;
        for (int i = 0; i < array.length; i++) {
            if (array[i] <= value) {
                last = i;
            }
        }
        return last;
    }

    /** Larch {@code index_nearest}: first index of the smallest {@code |array[i] - value|} (numpy argmin). */
    public static int indexNearest(double[] array, double value) {
        int best = 0;
        double bestDist = Math.abs(array[0] - value);
        for (int i = 1; i < array.length; i++) {
            double d = Math.abs(array[i] - value);
            if (d < bestDist) {
                best = i;
                bestDist = d;
            }
        }
        return best;
    }

    /**
     * numpy {@code np.interp(xNew, x, y)} for increasing {@code x}: linear inside, end values held outside, and an
     * exact hit returns the tabulated value. Both abscissae are walked once because callers pass sorted grids.
     * {@code out} must not overlap {@code y}.
     */
    public static void interpSorted(double[] x, int xFrom, int xTo, double[] y, int yFrom, double[] xNew, double[] out,
            int outFrom, int count) {
        interpSorted(x, xFrom, xTo, y, yFrom, xNew, out, outFrom, count, 0);
    }

    /** The same with the new abscissae taken from {@code xNew[xNewFrom, xNewFrom+count)}. */
    public static void interpSorted(double[] x, int xFrom, int xTo, double[] y, int yFrom, double[] xNew, double[] out,
            int outFrom, int count, int xNewFrom) {
        int n = xTo - xFrom;
        int j = 0;
        double xFirst = x[xFrom];
        double xLast = x[xTo - 1];
        // the slope of the interval last used: a finer new grid has several points in each interval, and the
        // same expression gives the same number, so it is divided out once per interval
        int slopeAt = -1;
        double slope = Double.NaN;
        for (int i = 0; i < count; i++) {
            double v = xNew[xNewFrom + i];
            double r;
            if (v < xFirst) {
                r = y[yFrom];
            } else if (v >= xLast) {
                r = y[yFrom + n - 1];
            } else {
                if (v < x[xFrom + j]) {
                    j = 0;
                }
                while (j + 1 < n && x[xFrom + j + 1] <= v) {
                    j++;
                }
                double xj = x[xFrom + j];
                if (xj == v) {
                    r = y[yFrom + j];
                } else {
                    if (slopeAt != j) {
                        slope = (y[yFrom + j + 1] - y[yFrom + j]) / (x[xFrom + j + 1] - xj);
                        slopeAt = j;
                    }
                    r = slope * (v - xj) + y[yFrom + j];
                }
            }
            out[outFrom + i] = r;
        }
    }
}
