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
        return diagnose(id, energyEv, mu, new Scratch()).e0();
    }

    /** @return e0 for cleaned (finite, increasing) arrays, using the scratch arrays instead of allocating */
    public static double findE0(String id, double[] energyEv, double[] mu, Scratch scratch) {
        return diagnose(id, energyEv, mu, scratch).e0();
    }

    public static Diagnostics diagnose(String id, double[] energyEv, double[] mu) {
        return diagnose(id, energyEv, mu, new Scratch());
    }

    public static Diagnostics diagnose(String id, double[] energyEv, double[] mu, Scratch scratch) {
        int n = energyEv.length;
        if (n < MIN_POINTS) {
            throw new TooFewPointsException(id + ": " + n + " point(s) after cleaning; finding e0 needs at least "
                    + MIN_POINTS + " (Larch's find_e0 fails with a numpy shape error below that)", n, MIN_POINTS);
        }
        Pass first = pass(energyEv, mu, 0, n, Double.NaN, false, scratch);
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
        Pass second = pass(energyEv, mu, istart, istop, estep, true, scratch);
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
        return findEnergyStep(en, from, to, new Scratch());
    }

    static double findEnergyStep(double[] en, int from, int to, Scratch scratch) {
        int n = to - from;
        int nskip = (int) (0.01 * n);
        int[] ordered = LarchArrays.strictlyIncreasing(en, from, to) ? null
                : LarchArrays.orderedPositions(en, from, to);
        int orderedLength = ordered == null ? Math.max(0, n - 1) : ordered.length;
        int lo = nskip;
        int hi = nskip == 0 ? 0 : orderedLength - nskip;
        if (hi - lo < 2) {
            return Double.NaN;
        }
        int m = hi - lo - 1;
        int a = Math.min(nskip, m);
        int b = Math.min(nskip + 10, m);
        // Only sorted positions a..b-1 matter, so only the b smallest steps are kept, in order, as they come: most
        // steps are not among them and cost one comparison. The values and their order in [a, b) are those of a
        // full sort (equal steps are the same number), so the pairwise mean is bit-identical.
        double[] smallest = scratch.general(Math.max(1, b));
        int kept = 0;
        for (int k = lo; k < hi - 1; k++) {
            int i = ordered == null ? k : ordered[k];
            int j = ordered == null ? k + 1 : ordered[k + 1];
            double step = en[from + j] - en[from + i];
            if (kept == b) {
                if (!(step < smallest[b - 1])) {
                    continue;
                }
                kept--;
            }
            int at = kept;
            while (at > 0 && smallest[at - 1] > step) {
                smallest[at] = smallest[at - 1];
                at--;
            }
            smallest[at] = step;
            kept++;
        }
        return PyNum.mean(smallest, a, b);
    }

    /** Larch {@code _finde0(energy[from:to], mu[from:to], estep, use_smooth)}. */
    private static Pass pass(double[] energyEv, double[] muIn, int from, int to, double estepIn, boolean useSmooth,
            Scratch scratch) {
        // Larch works on energy[ordered], mu[ordered] (see LarchArrays.orderedPositions) after remove_dups. For the
        // usual increasing energies without near-duplicates (every step at least remove_dups' tiny) that is the slice
        // minus its last point, read in place.
        double[] en;
        double[] mu;
        int base;
        int n;
        if (LarchArrays.minStep(energyEv, from, to) >= LarchArrays.TINY_ENERGY_EV) {
            en = energyEv;
            mu = muIn;
            base = from;
            n = Math.max(0, to - from - 1);
        } else {
            double[] slice = java.util.Arrays.copyOfRange(energyEv, from, to);
            LarchArrays.removeDups(slice, LarchArrays.TINY_ENERGY_EV);
            int[] ordered = LarchArrays.orderedPositions(slice, 0, slice.length);
            n = ordered.length;
            en = scratch.energy(n);
            mu = scratch.mu(n);
            for (int k = 0; k < n; k++) {
                en[k] = slice[ordered[k]];
                mu[k] = muIn[from + ordered[k]];
            }
            base = 0;
        }
        double estep = useSmooth ? estepIn : findEnergyStep(en, base, base + n, scratch);
        int nmin = Math.max(3, (int) (n * 0.02));
        if (n - 2 * nmin < 1) {
            throw new TooFewPointsException("find_e0: a window of " + (to - from) + " points leaves no core after "
                    + "skipping " + nmin + " points at each end", to - from, 2 * nmin + 2);
        }
        double[] d = scratch.derivative(n);
        PyNum.derivative(en, mu, base, base + n, d);
        if (useSmooth) {
            LarchSmooth.smooth(en, base, d, 0, n, estep, estep, LarchSmooth.Form.LORENTZIAN, scratch, d);
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
        int count = countAbove(d, n, dhigh);
        if (count < 3) {
            for (int t = 0; t < 2; t++) {
                if (count > 3) {
                    break;
                }
                dhigh *= 0.5;
                count = countAbove(d, n, dhigh);
            }
        }
        // Larch takes every finite point as a candidate when fewer than 3 are high (all are finite after the -1
        // fill), else the points above dhigh.
        boolean all = count < 3;
        int imax = 0;
        double dmax = 0;
        for (int i = 0; i < n; i++) {
            if (!(all || d[i] > dhigh) || i < nmin || i > n - nmin) {
                continue;
            }
            boolean before = i - 1 >= 0 && (all || d[i - 1] > dhigh);
            boolean after = i + 1 < n && (all || d[i + 1] > dhigh);
            if (d[i] > dmax && before && after) {
                imax = i;
                dmax = d[i];
            }
        }
        return new Pass(en[base + imax], imax, estep);
    }

    private static int countAbove(double[] d, int n, double threshold) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] > threshold) {
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
