/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import org.xanesml.preprocess.TooFewPointsException;

/**
 * Larch's {@code find_e0}: a first pass takes the largest raw derivative dmu/dE that has high-derivative neighbours
 * on both sides; a second pass repeats this on a Lorentzian-smoothed derivative within 75 points of the first
 * answer. The result is always an element of the energy array.
 */
public final class LarchFindE0 {
    /**
     * Fewest cleaned points for which both passes have a non-empty core window (Larch itself fails below this with
     * numpy's "Shape of array too small" or "zero-size array" errors).
     */
    public static final int MIN_POINTS = 14;

    /** The intermediate values, named as in the golden JSON {@code internals}, for debugging one stage at a time. */
    public record Diagnostics(double e0, int firstPassIndex, double firstPassEstep, int istart, int istop,
            double smoothingEstep, int secondPassIndexInSlice, boolean fallbackIstartPlus2) {
    }

    private record Pass(double energy, int index, double estep) {
    }

    private LarchFindE0() {
    }

    /** @return e0 for cleaned (finite, increasing) arrays */
    public static double findE0(String id, double[] energyEv, double[] mu) {
        return diagnose(id, energyEv, mu).e0();
    }

    public static Diagnostics diagnose(String id, double[] energyEv, double[] mu) {
        int n = energyEv.length;
        if (n < MIN_POINTS) {
            throw new TooFewPointsException(id + ": " + n + " point(s) after cleaning; finding e0 needs at least "
                    + MIN_POINTS + " (Larch's find_e0 fails with a numpy shape error below that)", n, MIN_POINTS);
        }
        Pass first = pass(energyEv, mu, 0, n, Double.NaN, false);
        int ie0 = first.index();
        double e1 = first.energy();
        int istart = Math.max(3, ie0 - 75);
        int istop = Math.min(ie0 + 75, n - 3);
        // Larch: an e0 in the first 5% of points is usually a glitch, so search almost everything instead.
        if (ie0 < 0.05 * n) {
            e1 = PyNum.mean(energyEv, 0, n);
            istart = Math.max(3, ie0 - 20);
            istop = n - 3;
        }
        double estep = 0.5 * (PyNum.max(0.01, PyNum.min(1.0, first.estep()))
                + PyNum.max(0.01, PyNum.min(1.0, e1 / 25000.)));
        Pass second = pass(energyEv, mu, istart, istop, estep, true);
        double e0 = second.energy();
        boolean fallback = false;
        if (second.index() < 1) {
            e0 = energyEv[istart + 2];
            fallback = true;
        }
        return new Diagnostics(e0, ie0, first.estep(), istart, istop, estep, second.index(), fallback);
    }

    /**
     * Larch {@code find_energy_step(energy)}: ignoring the smallest 1% of steps, the mean of the next 10. NaN for
     * fewer than 100 points, where Larch's slice {@code [0:-0]} is empty.
     */
    public static double findEnergyStep(double[] en, int from, int to) {
        int n = to - from;
        int nskip = (int) (0.01 * n);
        int[] ordered = LarchArrays.orderedPositions(en, from, to);
        int lo = nskip;
        int hi = nskip == 0 ? 0 : ordered.length - nskip;
        if (hi - lo < 2) {
            return Double.NaN;
        }
        double[] diffs = new double[hi - lo - 1];
        for (int k = lo; k < hi - 1; k++) {
            diffs[k - lo] = en[from + ordered[k + 1]] - en[from + ordered[k]];
        }
        java.util.Arrays.sort(diffs);
        int a = Math.min(nskip, diffs.length);
        int b = Math.min(nskip + 10, diffs.length);
        return PyNum.mean(diffs, a, b);
    }

    /** Larch {@code _finde0(energy[from:to], mu[from:to], estep, use_smooth)}. */
    private static Pass pass(double[] energyEv, double[] muIn, int from, int to, double estepIn, boolean useSmooth) {
        double[] slice = java.util.Arrays.copyOfRange(energyEv, from, to);
        LarchArrays.removeDups(slice, LarchArrays.TINY_ENERGY_EV);
        int[] ordered = LarchArrays.orderedPositions(slice, 0, slice.length);
        int n = ordered.length;
        double[] en = new double[n];
        double[] mu = new double[n];
        for (int k = 0; k < n; k++) {
            en[k] = slice[ordered[k]];
            mu[k] = muIn[from + ordered[k]];
        }
        double estep = useSmooth ? estepIn : findEnergyStep(en, 0, n);
        int nmin = Math.max(3, (int) (n * 0.02));
        if (n - 2 * nmin < 1) {
            throw new TooFewPointsException("find_e0: a window of " + (to - from) + " points leaves no core after "
                    + "skipping " + nmin + " points at each end", to - from, 2 * nmin + 2);
        }
        double[] d = PyNum.derivative(en, mu, 0, n);
        if (useSmooth) {
            d = LarchSmooth.smooth(en, d, estep, estep, LarchSmooth.Form.LORENTZIAN);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                d[i] = -1.0;
            }
        }
        double dmMin = Double.POSITIVE_INFINITY;
        double dmMax = Double.NEGATIVE_INFINITY;
        for (int i = nmin; i < n - nmin; i++) {
            dmMin = Math.min(dmMin, d[i]);
            dmMax = Math.max(dmMax, d[i]);
        }
        double dmPtp = PyNum.max(1.e-10, dmMax - dmMin);
        for (int i = 0; i < n; i++) {
            d[i] = (d[i] - dmMin) / dmPtp;
        }
        double dhigh = n > 20 ? 0.60 : 0.30;
        int count = countAbove(d, dhigh);
        if (count < 3) {
            for (int t = 0; t < 2; t++) {
                if (count > 3) {
                    break;
                }
                dhigh *= 0.5;
                count = countAbove(d, dhigh);
            }
        }
        boolean[] high = new boolean[n];
        if (count < 3) {
            // Larch then takes every finite point as a candidate (all are finite after the -1 fill).
            java.util.Arrays.fill(high, true);
        } else {
            for (int i = 0; i < n; i++) {
                high[i] = d[i] > dhigh;
            }
        }
        int imax = 0;
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            if (!high[i] || i < nmin || i > n - nmin) {
                continue;
            }
            boolean before = i - 1 >= 0 && high[i - 1];
            boolean after = i + 1 < n && high[i + 1];
            if (d[i] > dmax && before && after) {
                imax = i;
                dmax = d[i];
            }
        }
        return new Pass(en[imax], imax, estep);
    }

    private static int countAbove(double[] d, double threshold) {
        int c = 0;
        for (double v : d) {
            if (v > threshold) {
                c++;
            }
        }
        return c;
    }

    /**
     * e0 of a calculated (FEFF/FDMNES) spectrum: where dmu/dE is largest. Larch's {@code find_e0_calc} takes the
     * points above 0.99 of the maximum and fails (TypeError) unless there is exactly one; the maximum is that one
     * point whenever Larch works, and a defined answer when it does not.
     */
    public static double findE0Calculated(String id, double[] energyEv, double[] mu) {
        if (energyEv.length < 3) {
            throw new TooFewPointsException(id + ": " + energyEv.length + " point(s); finding e0 of a calculated "
                    + "spectrum needs at least 3", energyEv.length, 3);
        }
        double[] d = PyNum.derivative(energyEv, mu, 0, energyEv.length);
        int best = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[best]) {
                best = i;
            }
        }
        return energyEv[best];
    }
}
