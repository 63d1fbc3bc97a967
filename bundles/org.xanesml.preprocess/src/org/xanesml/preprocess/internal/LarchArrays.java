/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The array cleaning Larch's {@code pre_edge} does silently before it fits anything: drop rows with a non-finite
 * energy or mu ({@code remove_nans2}), sort when energies go down, and nudge repeated energies up by
 * {@value #TINY_ENERGY_EV} eV ({@code remove_dups}). Here every repair is also written down, so a result can say
 * what was done to the caller's arrays.
 */
public final class LarchArrays {
    /** Larch's {@code xafsutils.TINY_ENERGY}. */
    public static final double TINY_ENERGY_EV = 0.0005;

    /** Cleaned arrays plus one human-readable line per repair made. */
    public record Cleaned(double[] energyEv, double[] mu, List<String> repairs) {
    }

    private LarchArrays() {
    }

    public static Cleaned clean(String id, double[] energyEv, double[] mu) {
        if (energyEv == null || mu == null) {
            throw new IllegalArgumentException(id + ": energy or mu array is missing");
        }
        if (energyEv.length != mu.length) {
            throw new IllegalArgumentException(id + ": energy has " + energyEv.length + " points but mu has "
                    + mu.length + "; they must have the same length");
        }
        List<String> repairs = new ArrayList<>();
        int n = energyEv.length;
        int good = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(energyEv[i]) && Double.isFinite(mu[i])) {
                good++;
            }
        }
        double[] e;
        double[] m;
        if (good == n) {
            e = energyEv.clone();
            m = mu.clone();
        } else {
            e = new double[good];
            m = new double[good];
            StringBuilder dropped = new StringBuilder();
            int k = 0;
            int shown = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(energyEv[i]) && Double.isFinite(mu[i])) {
                    e[k] = energyEv[i];
                    m[k++] = mu[i];
                } else if (shown++ < 10) {
                    dropped.append(shown > 1 ? ", " : "").append(i);
                }
            }
            repairs.add("dropped " + (n - good) + " row(s) with a non-finite energy or mu (input index "
                    + dropped + (n - good > 10 ? ", ..." : "") + "), as Larch's remove_nans2 does");
        }
        boolean decreasing = false;
        for (int i = 1; i < e.length; i++) {
            if (e[i] < e[i - 1]) {
                decreasing = true;
                break;
            }
        }
        if (decreasing) {
            Integer[] order = new Integer[e.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            final double[] key = e;
            // Stable, so rows with equal energies keep their file order (numpy's quicksort does not promise that).
            Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
            double[] se = new double[e.length];
            double[] sm = new double[e.length];
            for (int i = 0; i < order.length; i++) {
                se[i] = e[order[i]];
                sm[i] = m[order[i]];
            }
            e = se;
            m = sm;
            repairs.add("sorted the rows by energy because energies were not increasing, as Larch's pre_edge does");
        }
        // Larch applies remove_dups twice (pre_edge, then preedge); the second pass can matter after a nudge.
        for (int pass = 0; pass < 2; pass++) {
            int nudged = removeDups(e, TINY_ENERGY_EV);
            if (nudged > 0) {
                repairs.add("moved " + nudged + " repeated energy value(s) up by " + TINY_ENERGY_EV
                        + " eV per repeat (Larch remove_dups); mu values were kept, not averaged");
            }
        }
        return new Cleaned(e, m, List.copyOf(repairs));
    }

    /**
     * @return the smallest step {@code a[i] - a[i-1]} in {@code a[from, to)} (+infinity for fewer than 2 values). At
     *         least {@code tiny > 0} means strictly increasing with nothing for {@link #removeDups} to move.
     */
    static double minStep(double[] a, int from, int to) {
        double minStep = Double.POSITIVE_INFINITY;
        for (int i = from + 1; i < to; i++) {
            minStep = Math.min(minStep, a[i] - a[i - 1]);
        }
        return minStep;
    }

    /** @return whether {@code a[from, to)} is strictly increasing */
    static boolean strictlyIncreasing(double[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (!(a[i] > a[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Larch {@code remove_dups(arr, tiny)} in place: a value closer than {@code tiny} to its predecessor (compared
     * with the predecessor's value before nudging) gets the predecessor's nudge plus {@code tiny}.
     *
     * @return how many values were moved
     */
    public static int removeDups(double[] work, double tiny) {
        int n = work.length;
        if (n <= 1) {
            return 0;
        }
        if (minStep(work, 0, n) > 10 * tiny) {
            return 0;
        }
        double[] add = new double[n];
        double previousVal = Double.NaN;
        double previousAdd = 0;
        int moved = 0;
        for (int i = 1; i < n; i++) {
            if (!Double.isNaN(work[i - 1])) {
                previousVal = work[i - 1];
                previousAdd = add[i - 1];
            }
            double val = work[i];
            if (Double.isNaN(val) || Double.isNaN(previousVal)) {
                continue;
            }
            if (Math.abs(val - previousVal) < tiny) {
                add[i] = previousAdd + tiny;
            }
        }
        for (int i = 0; i < n; i++) {
            if (add[i] != 0) {
                work[i] += add[i];
                moved++;
            }
        }
        return moved;
    }

    /**
     * numpy {@code np.where(np.diff(np.argsort(a)) == 1)[0]}: positions k (in sorted order) where the next-larger
     * element directly follows in the array. For increasing input that is 0..n-2, so Larch's find_e0 always drops
     * the last point; this quirk is kept because e0 candidates depend on it.
     */
    static int[] orderedPositions(double[] a, int from, int to) {
        int n = to - from;
        if (strictlyIncreasing(a, from, to)) {
            int[] r = new int[Math.max(0, n - 1)];
            for (int k = 0; k < r.length; k++) {
                r[k] = k;
            }
            return r;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(a[from + x], a[from + y]));
        int[] tmp = new int[Math.max(0, n - 1)];
        int c = 0;
        for (int k = 0; k + 1 < n; k++) {
            if (order[k + 1] - order[k] == 1) {
                tmp[c++] = k;
            }
        }
        return Arrays.copyOf(tmp, c);
    }
}
