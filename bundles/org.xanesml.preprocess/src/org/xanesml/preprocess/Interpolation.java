/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/** Puts y(x) onto other abscissae. Pure functions; x must be strictly increasing and finite. */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * @param x       strictly increasing abscissa (eV)
     * @param y       values at x
     * @param targets strictly increasing energies to interpolate to (eV)
     * @throws OutOfDataRangeException with {@link Padding#ERROR} when a target lies outside [x0, xn]
     */
    public static double[] interpolate(double[] x, double[] y, double[] targets, InterpolationKind kind,
            Padding padding) {
        Arrays1.requireCurve("interpolation input", x, y, kind == InterpolationKind.CUBIC_SPLINE ? 3 : 2);
        int n = x.length;
        double lo = x[0];
        double hi = x[n - 1];
        if (padding == Padding.ERROR) {
            for (double t : targets) {
                if (!(t >= lo && t <= hi)) {
                    throw new OutOfDataRangeException("grid energy " + t + " eV lies outside the data [" + lo + ", "
                            + hi + "] eV; shrink the grid or choose explicit padding (EDGE_VALUES)");
                }
            }
        }
        double[] out = new double[targets.length];
        PolynomialSplineFunction spline = kind == InterpolationKind.CUBIC_SPLINE
                ? new SplineInterpolator().interpolate(x, y)
                : null;
        int j = 0;
        for (int i = 0; i < targets.length; i++) {
            double t = targets[i];
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("grid energy [" + i + "] is " + t + "; expected a finite energy");
            }
            if (t <= lo) {
                out[i] = y[0];
                continue;
            }
            if (t >= hi) {
                out[i] = y[n - 1];
                continue;
            }
            if (spline != null) {
                out[i] = spline.value(t);
                continue;
            }
            if (t < x[j]) {
                j = 0;
            }
            while (x[j + 1] <= t) {
                j++;
            }
            double f = (t - x[j]) / (x[j + 1] - x[j]);
            out[i] = y[j] + f * (y[j + 1] - y[j]);
        }
        return out;
    }

    /** Interpolates onto a grid, resolving an e0-relative grid with {@code e0Ev}. */
    public static double[] interpolate(double[] x, double[] y, EnergyGrid grid, double e0Ev, InterpolationKind kind,
            Padding padding) {
        return interpolate(x, y, grid.resolve(e0Ev), kind, padding);
    }
}
