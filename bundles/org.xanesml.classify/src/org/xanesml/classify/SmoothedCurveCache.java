/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import org.xanesml.core.Spectrum;

/**
 * The last curve a thread's feature extraction renormalised and smoothed, shared by that thread's classifiers. The
 * Fe CN and geometry models place, renormalise and smooth a spectrum identically and differ only in the grid they
 * then sample, and smoothing a whole measured scan (EXAFS included) is the largest cost of their features: with this
 * the second model samples the first one's curve. Keyed by the spectrum object itself (the classify step hands the
 * same one to every model) and every parameter the curve depends on, so a hit gives exactly what a recomputation
 * would. Not thread-safe: one per thread.
 */
public final class SmoothedCurveCache {
    /** Everything the smoothed curve of a spectrum depends on besides the spectrum. */
    record Key(EnergyReference reference, double referenceEv, FeatureRecipe.Calibration calibration,
            FeatureRecipe.Renormalisation renormalisation, double smoothingSigmaEv) {
    }

    private Spectrum spectrum;
    private Key key;
    private double[] curve;
    private long hits;

    /** @return the curve kept for this spectrum object and key, or null */
    double[] get(Spectrum s, Key k) {
        if (s == spectrum && k.equals(key)) {
            hits++;
            return curve;
        }
        return null;
    }

    /** @return how many curves were taken from the cache rather than recomputed */
    public long hits() {
        return hits;
    }

    /** Keeps a curve (not copied: callers only read it) in place of the last one. */
    void put(Spectrum s, Key k, double[] smoothed) {
        spectrum = s;
        key = k;
        curve = smoothed;
    }
}
