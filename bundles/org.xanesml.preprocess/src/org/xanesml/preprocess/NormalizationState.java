/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.xanesml.core.MuScale;
import org.xanesml.core.Spectrum;

/**
 * Whether a spectrum still needs edge-step normalisation, so that spectra normalised by their source (FEFF,
 * FDMNES, databases) are not normalised twice.
 */
public enum NormalizationState {
    /** Raw absorption: normalise. */
    RAW,
    /** The source declares it edge-normalised ({@link MuScale#EDGE_NORMALIZED}). */
    DECLARED_NORMALIZED,
    /** Undeclared, but mu starts near 0 and ends near 1 as an edge-normalised spectrum does. */
    LOOKS_NORMALIZED;

    /** Tolerance on the pre-edge level (about 0) and the post-edge level (about 1). */
    static final double LEVEL_TOLERANCE = 0.15;

    /**
     * Declared scale wins; for {@link MuScale#UNKNOWN} the data decide: the mean of the first 5% of points
     * (at least 3) within 0.15 of 0, the mean of the last 20% within 0.15 of 1, and mu within [-0.5, 3] throughout
     * (raw transmission data sit at arbitrary offsets, fluorescence at arbitrary scale).
     */
    public static NormalizationState of(Spectrum spectrum) {
        if (spectrum.muScale() == MuScale.EDGE_NORMALIZED) {
            return DECLARED_NORMALIZED;
        }
        if (spectrum.muScale() == MuScale.RAW) {
            return RAW;
        }
        return looksNormalized(spectrum.mu()) ? LOOKS_NORMALIZED : RAW;
    }

    public static boolean looksNormalized(double[] mu) {
        int n = mu.length;
        if (n < 10) {
            return false;
        }
        for (double v : mu) {
            if (v < -0.5 || v > 3.0) {
                return false;
            }
        }
        int head = Math.max(3, n / 20);
        int tail = Math.max(3, n / 5);
        double pre = 0;
        for (int i = 0; i < head; i++) {
            pre += mu[i];
        }
        pre /= head;
        double post = 0;
        for (int i = n - tail; i < n; i++) {
            post += mu[i];
        }
        post /= tail;
        return Math.abs(pre) <= LEVEL_TOLERANCE && Math.abs(post - 1.0) <= LEVEL_TOLERANCE;
    }

    /** @return true unless normalising again would divide an already normalised spectrum by its step */
    public boolean needsNormalization() {
        return this == RAW;
    }
}
