/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.workflow.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What the HTML report plots for one spectrum: the normalised XANES around E0, the raw mu with the pre-edge line and
 * post-edge curve of the normalisation, and the class probabilities. The curves are thinned ({@link #of}) to what a
 * plot a few hundred pixels wide shows, so a report can keep every spectrum of a large run. Arrays are owned by this
 * record (callers must not change them after construction).
 *
 * @param id            spectrum id
 * @param source        the input file the spectrum came from
 * @param energyEv      energies of the curves, eV, increasing
 * @param mu            mu as read (before the edge-step division)
 * @param preEdge       pre-edge line at each energy; empty when the source had already normalised mu
 * @param postEdge      post-edge curve at each energy; empty likewise
 * @param norm          normalised mu at each energy ((mu - pre-edge) / edge step; mu itself when the source had
 *                      already normalised it)
 * @param e0Ev          edge energy, NaN when unknown
 * @param classes       model classes, empty without a prediction
 * @param probabilities one per class
 * @param verdict       applicability verdict
 */
public record PlotSample(String id, String source, double[] energyEv, double[] mu, double[] preEdge,
        double[] postEdge, double[] norm, double e0Ev, List<String> classes, double[] probabilities,
        String verdict) {
    /** Start of the XANES window of the main plot, eV relative to E0: the pre-edge peaks begin about 20 eV below. */
    public static final double XANES_FROM_EV = -30;
    /** End of the XANES window, eV relative to E0: the region the models' features cover. */
    public static final double XANES_TO_EV = 80;
    /** Points kept inside the XANES window: a 560-pixel plot shows no more. */
    static final int WINDOW_POINTS = 180;
    /** Points kept below and above the window, for the raw plot's pre-edge line and post-edge curve. */
    static final int OUTSIDE_POINTS = 40;

    public PlotSample {
        classes = List.copyOf(classes);
    }

    /**
     * @return the sample with its curves thinned: every point inside the XANES window up to {@link #WINDOW_POINTS}
     *         (evenly strided beyond), up to {@link #OUTSIDE_POINTS} on either side, always the first and last; a
     *         spectrum without E0 is thinned as a whole
     */
    public static PlotSample of(String id, String source, double[] energyEv, double[] mu, double[] preEdge,
            double[] postEdge, double[] norm, double e0Ev, List<String> classes, double[] probabilities,
            String verdict) {
        int n = energyEv.length;
        int[] window = window(energyEv, e0Ev);
        int first = window[0];
        int end = window[1];
        List<Integer> keep = new ArrayList<>();
        strided(0, first, OUTSIDE_POINTS, keep);
        strided(first, end, WINDOW_POINTS, keep);
        strided(end, n, OUTSIDE_POINTS, keep);
        if (n > 0 && keep.get(keep.size() - 1) != n - 1) {
            keep.add(n - 1);
        }
        return new PlotSample(id, source, pick(energyEv, keep), pick(mu, keep), pick(preEdge, keep),
                pick(postEdge, keep), pick(norm, keep), e0Ev, classes, probabilities, verdict);
    }

    /**
     * @param energyEv increasing energies
     * @return {from, to}: the indices from..to-1 are those in the XANES window around {@code e0Ev}; all of them
     *         when E0 is unknown
     */
    public static int[] window(double[] energyEv, double e0Ev) {
        double from = Double.isFinite(e0Ev) ? e0Ev + XANES_FROM_EV : Double.NEGATIVE_INFINITY;
        double to = Double.isFinite(e0Ev) ? e0Ev + XANES_TO_EV : Double.POSITIVE_INFINITY;
        int first = 0;
        while (first < energyEv.length && energyEv[first] < from) {
            first++;
        }
        int end = first;
        while (end < energyEv.length && energyEv[end] <= to) {
            end++;
        }
        return new int[] {first, end};
    }

    /** Adds indices {@code from..to-1}, every k-th so that at most {@code max} are added. */
    private static void strided(int from, int to, int max, List<Integer> keep) {
        int stride = Math.max(1, (to - from + max - 1) / max);
        for (int i = from; i < to; i += stride) {
            keep.add(i);
        }
    }

    private static double[] pick(double[] values, List<Integer> keep) {
        if (values.length == 0) {
            return values;
        }
        double[] out = new double[keep.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[keep.get(i)];
        }
        return out;
    }

    /** @return whether the edge energy is known (the XANES window is around it) */
    public boolean hasE0() {
        return Double.isFinite(e0Ev);
    }

    /** @return whether the source had already normalised mu, so there is no pre-edge line nor post-edge curve */
    public boolean sourceNormalised() {
        return preEdge.length != energyEv.length;
    }
}
