/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.xanesml.preprocess.internal.LarchSmooth;

/** Noise reduction. Pure functions. */
public final class Smoothing {
    private static final double FWHM_PER_GAUSSIAN_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    /** Line shape of a convolution. */
    public enum Shape {
        LORENTZIAN, GAUSSIAN
    }

    private Smoothing() {
    }

    /**
     * Savitzky-Golay smoothing: each point becomes the value at its centre of a degree-{@code order} polynomial
     * fitted over {@code window} points. Assumes roughly even point spacing (as Larch's savitzky_golay). Near the
     * ends, where a centred window does not fit, the polynomial fitted to the first (last) window is evaluated at
     * the end points instead of padding with invented values.
     *
     * @param window odd number of points, greater than {@code order}
     */
    public static double[] savitzkyGolay(double[] y, int window, int order) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("Savitzky-Golay window = " + window + "; it must be a positive odd number");
        }
        if (order < 0 || order >= window) {
            throw new IllegalArgumentException("Savitzky-Golay order = " + order + " must be 0.." + (window - 1)
                    + " for a window of " + window);
        }
        if (y.length < window) {
            throw new TooFewPointsException("Savitzky-Golay: " + y.length + " points, fewer than the window of "
                    + window, y.length, window);
        }
        int half = window / 2;
        // Row r of the least-squares projector gives the fitted value at window position r from the window data.
        RealMatrix v = new Array2DRowRealMatrix(window, order + 1);
        for (int k = 0; k < window; k++) {
            double p = 1;
            for (int j = 0; j <= order; j++) {
                v.setEntry(k, j, p);
                p *= (k - half);
            }
        }
        RealMatrix pinv = new QRDecomposition(v).getSolver().getInverse();
        RealMatrix hat = v.multiply(pinv);
        int n = y.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int start;
            int row;
            if (i < half) {
                start = 0;
                row = i;
            } else if (i >= n - half) {
                start = n - window;
                row = i - start;
            } else {
                start = i - half;
                row = half;
            }
            double s = 0;
            for (int k = 0; k < window; k++) {
                s += hat.getEntry(row, k) * y[start + k];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * Convolution with a Lorentzian or Gaussian of the given full width at half maximum, done as Larch's
     * {@code smooth}: on a uniform grid of the smallest energy step, mirrored at the ends, interpolated back.
     */
    public static double[] convolve(double[] energyEv, double[] y, double fwhmEv, Shape shape) {
        Arrays1.requireCurve("convolution input", energyEv, y, 2);
        if (!(fwhmEv > 0) || !Double.isFinite(fwhmEv)) {
            throw new IllegalArgumentException("convolution FWHM = " + fwhmEv + " eV; it must be positive");
        }
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = 1; i < energyEv.length; i++) {
            minStep = Math.min(minStep, energyEv[i] - energyEv[i - 1]);
        }
        // Keep the grid fine enough to resolve the kernel but bounded for very fine data.
        double xstep = Math.max(minStep, fwhmEv / 20.0);
        if (shape == Shape.GAUSSIAN) {
            return LarchSmooth.smooth(energyEv, y, fwhmEv / FWHM_PER_GAUSSIAN_SIGMA, xstep, LarchSmooth.Form.GAUSSIAN);
        }
        return LarchSmooth.smooth(energyEv, y, fwhmEv / 2.0, xstep, LarchSmooth.Form.LORENTZIAN);
    }
}
