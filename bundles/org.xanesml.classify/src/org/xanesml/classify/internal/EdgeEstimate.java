/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify.internal;

/**
 * A plain edge-energy estimate: the energy of the largest dmu/dE after a 3-point running mean, ignoring the outer
 * 5% of points where end effects and glitches sit. Stands in for the preprocess bundle's Larch-compatible find_e0
 * until that bundle is wired in; model offsets are computed with the same rule, so the two stay consistent.
 */
public final class EdgeEstimate {
    private EdgeEstimate() {
    }

    public static double maxDerivativeE0(double[] energyEv, double[] mu) {
        int n = energyEv.length;
        if (n < 5) {
            throw new IllegalArgumentException("need >= 5 points to estimate an edge, got " + n);
        }
        double[] sm = mu.clone();
        for (int i = 1; i < n - 1; i++) {
            sm[i] = (mu[i - 1] + mu[i] + mu[i + 1]) / 3;
        }
        double[] d = LinearInterpolation.gradient(energyEv, sm);
        int lo = Math.max(1, n / 20);
        int hi = Math.min(n - 2, n - 1 - n / 20);
        int best = lo;
        for (int i = lo; i <= hi; i++) {
            if (d[i] > d[best]) {
                best = i;
            }
        }
        return energyEv[best];
    }
}
