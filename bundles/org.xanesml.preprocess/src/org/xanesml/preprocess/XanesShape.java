/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xanesml.preprocess.internal.Select;

/**
 * Whether a spectrum shows an absorption edge with XANES structure at all, so that a featureless step, a ramp, an
 * inverted edge or an edge at another element's energy is not handed to a classifier as if it were XANES. Judged on
 * edge-normalised mu from three physical signatures; every criterion is relative to the spectrum's own rise or noise,
 * so the scale of the normalisation does not matter. Pure functions, thread-safe.
 * <ol>
 * <li><b>The edge rises.</b> The rise at E0 is the median of mu over [E0 + {@value #ABOVE_FROM_EV}, E0 +
 * {@value #WINDOW_EV}] eV (past the white line's rise, robust to oscillations) minus the lowest mu over
 * [E0 - {@value #BELOW_EV}, E0] eV. It must reach {@value #MIN_RISE_TO_NOISE} times the point-to-point noise (the
 * normaliser's own "clear edge" ratio). Where mu falls most steeply, the median level 15..60 eV before minus the
 * median level 15..60 eV after must not exceed the rise: a spectrum whose largest edge falls is inverted (I0 and It
 * swapped, or a sign error); after a white line mu falls back only to the post-edge level, never to the
 * pre-edge. On a normaliser's result the sign of Larch's edge step counts too ({@link #check(NormalizationResult,
 * double)}).</li>
 * <li><b>There is near-edge structure.</b> Above E0 XANES is never monotonic: the white line, or the first EXAFS
 * oscillation, falls again within a few eV. The largest fall of mu within any {@value #FALL_SPAN_EV} eV inside
 * E0..E0 + {@value #WINDOW_EV} eV must exceed {@value #MIN_STRUCTURE} of the rise plus {@value #NOISE_FALLS} noise
 * sigmas (noise alone makes falls of a few sigma). A logistic or arctangent step only rises; the normaliser's
 * pre-edge line, fitted to such a step's foot and subtracted, makes it fall only slowly, less than 0.02 per 15 eV
 * even on a 100 eV scan, so the span keeps that slow drift from passing as structure.</li>
 * <li><b>The edge is at the element's energy.</b> When the absorber's tabulated K-edge energy is known, E0 must lie
 * within {@value #MAX_EDGE_OFFSET_EV} eV of it.</li>
 * </ol>
 * Measured (ShapeOfRealSpectraTest, XanesShapeTest): on the 720 readable measured spectra of the shared experimental
 * data the near-edge fall is at least 1.7 times its threshold (Pb L-edge foils; 3d K edges at least 2.2 times) and
 * the rise at least 30 times the noise; K-edge E0 lies from 11 eV below (Larch taking a pre-edge peak as E0) to
 * 21 eV above (Cr(IV), Mn(IV) chemical shifts) the tabulated energy, and the simulated FEFF and FDMNES training
 * spectra from 2 eV below to 29 eV above it (their absolute energy scales are offset). 40 eV keeps 11 eV of margin
 * above all of these, while the neighbouring elements' K edges are at least 470 eV away.
 */
public final class XanesShape {
    /** Near-edge window above E0, eV: where the level above the edge is taken and structure is looked for. */
    public static final double WINDOW_EV = 60.0;
    /** The level above the edge is taken from here (eV above E0), past the steep part of the edge. */
    public static final double ABOVE_FROM_EV = 15.0;
    /** The level below the edge is the lowest mu within this many eV below E0. */
    public static final double BELOW_EV = 50.0;
    /** Smallest rise relative to the point-to-point noise, as the normaliser's "no clear edge" test. */
    public static final double MIN_RISE_TO_NOISE = 10.0;
    /** Smallest near-edge fall, as a fraction of the rise, before the noise allowance is added. */
    public static final double MIN_STRUCTURE = 0.02;
    /** Half-width of the means whose difference locates the steepest fall, eV. */
    public static final double SLOPE_EV = 5.0;
    /** Span within which a fall counts as structure, eV. */
    public static final double FALL_SPAN_EV = 15.0;
    /** Noise sigmas added to the structure threshold: noise alone makes falls of this size. */
    public static final double NOISE_FALLS = 6.0;
    /** Largest distance of E0 from the absorber's tabulated K-edge energy, eV. */
    public static final double MAX_EDGE_OFFSET_EV = 40.0;

    private XanesShape() {
    }

    /**
     * What was measured and which signatures are missing.
     *
     * @param e0Ev         the edge energy the spectrum was judged at, eV
     * @param rise         mu above minus below the edge at E0 (NaN when the data do not reach both levels)
     * @param fall         at the steepest fall, the median level before it minus the median level after it, over the
     *                     same distances as the rise (NaN when the data do not reach both levels)
     * @param noise        point-to-point noise sigma of mu
     * @param structure    the largest near-edge fall within {@link #FALL_SPAN_EV}
     * @param edgeOffsetEv E0 minus the tabulated edge energy, NaN when none was given
     * @param problems     one clause per missing signature, empty for a XANES spectrum
     */
    public record Result(double e0Ev, double rise, double fall, double noise, double structure, double edgeOffsetEv,
            List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        /** @return true when every signature of a XANES spectrum is present */
        public boolean isXanes() {
            return problems.isEmpty();
        }

        /** @return the problems as one clause ("; " between them), empty for a XANES spectrum */
        public String reason() {
            return String.join("; ", problems);
        }
    }

    /**
     * @param energyEv        increasing energies, eV
     * @param mu              edge-normalised mu at those energies
     * @param e0Ev            the edge energy, eV (the normaliser's, or Larch's find_e0)
     * @param tabulatedEdgeEv the absorber's tabulated edge energy, eV, or NaN when unknown
     */
    public static Result check(double[] energyEv, double[] mu, double e0Ev, double tabulatedEdgeEv) {
        if (energyEv.length != mu.length) {
            throw new IllegalArgumentException(energyEv.length + " energies but " + mu.length + " values");
        }
        List<String> problems = new ArrayList<>();
        double noise = Select.noiseSigma(mu);
        double rise = median(energyEv, mu, e0Ev + ABOVE_FROM_EV, e0Ev + WINDOW_EV)
                - min(energyEv, mu, e0Ev - BELOW_EV, e0Ev);
        double fallAtEv = steepestFallEv(energyEv, mu);
        double fall = median(energyEv, mu, fallAtEv - WINDOW_EV, fallAtEv - ABOVE_FROM_EV)
                - median(energyEv, mu, fallAtEv + ABOVE_FROM_EV, fallAtEv + WINDOW_EV);
        double structure = structure(energyEv, mu, e0Ev);
        double offset = e0Ev - tabulatedEdgeEv;
        if (fall >= MIN_RISE_TO_NOISE * noise && !(fall <= rise)) {
            problems.add(String.format(Locale.ROOT, "mu falls by %.3g across %.1f eV, more than it rises at E0 ="
                    + " %.1f eV (%.3g): an inverted edge", fall, fallAtEv, e0Ev, rise));
        } else if (Double.isNaN(rise)) {
            problems.add(String.format(Locale.ROOT, "the data (%.1f..%.1f eV) do not reach from below E0 = %.1f eV"
                    + " to %.0f eV above it, so no edge can be seen", energyEv[0], energyEv[energyEv.length - 1],
                    e0Ev, ABOVE_FROM_EV));
        } else if (!(rise > 0)) {
            problems.add(String.format(Locale.ROOT, "mu does not rise across E0 = %.1f eV (it changes by %.3g)", e0Ev,
                    rise));
        } else if (!(rise >= MIN_RISE_TO_NOISE * noise)) {
            problems.add(String.format(Locale.ROOT, "no clear edge at E0 = %.1f eV: mu rises by %.3g, %.1f times"
                    + " its noise (at least %.0f expected)", e0Ev, rise, rise / noise, MIN_RISE_TO_NOISE));
        } else if (!(structure > MIN_STRUCTURE * rise + NOISE_FALLS * noise)) {
            problems.add(String.format(Locale.ROOT, "no white line or oscillation within %.0f eV above E0 = %.1f eV:"
                    + " mu only rises there (largest fall %.3f of the edge step, at least %.3f expected), a"
                    + " featureless step", WINDOW_EV, e0Ev, structure / rise,
                    MIN_STRUCTURE + NOISE_FALLS * noise / rise));
        }
        if (Math.abs(offset) > MAX_EDGE_OFFSET_EV) {
            problems.add(String.format(Locale.ROOT, "E0 = %.1f eV is %.0f eV from the tabulated edge at %.0f eV"
                    + " (at most %.0f eV expected)", e0Ev, offset, tabulatedEdgeEv, MAX_EDGE_OFFSET_EV));
        }
        return new Result(e0Ev, rise, fall, noise, structure, offset, problems);
    }

    /**
     * The check of a normaliser's result: its norm at its E0, and also the sign of its edge step, which Larch's
     * {@code pre_edge} reports as an absolute value: a post-edge curve below the pre-edge line at E0 means mu falls
     * across the edge (a blank, or I0 and It swapped), however the normalised curve then looks.
     */
    public static Result check(NormalizationResult r, double tabulatedEdgeEv) {
        double[] energy = r.energyEv();
        Result shape = check(energy, r.norm(), r.e0Ev(), tabulatedEdgeEv);
        int at = 0;
        for (int i = 1; i < energy.length; i++) {
            if (Math.abs(energy[i] - r.e0Ev()) < Math.abs(energy[at] - r.e0Ev())) {
                at = i;
            }
        }
        double signedStep = r.postEdge()[at] - r.preEdge()[at];
        if (!(signedStep < 0)) {
            return shape;
        }
        List<String> problems = new ArrayList<>();
        problems.add(String.format(Locale.ROOT, "the post-edge curve lies %.3g below the pre-edge line at E0 = %.1f"
                + " eV: mu falls across the edge", -signedStep, r.e0Ev()));
        problems.addAll(shape.problems());
        return new Result(shape.e0Ev(), shape.rise(), shape.fall(), shape.noise(), shape.structure(),
                shape.edgeOffsetEv(), problems);
    }

    /**
     * @return the energy where mu falls most steeply: the largest drop from the mean over the {@value #SLOPE_EV} eV
     *         before a point to the mean over the {@value #SLOPE_EV} eV from it on (means, so that one glitch does not
     *         decide); NaN when no point has data on both sides
     */
    static double steepestFallEv(double[] energyEv, double[] mu) {
        int n = energyEv.length;
        double[] sum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + mu[i];
        }
        double best = Double.NaN;
        double steepest = 0;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            while (energyEv[lo] < energyEv[i] - SLOPE_EV) {
                lo++;
            }
            while (hi < n && energyEv[hi] <= energyEv[i] + SLOPE_EV) {
                hi++;
            }
            if (lo < i) {
                double drop = (sum[i] - sum[lo]) / (i - lo) - (sum[hi] - sum[i]) / (hi - i);
                if (drop > steepest) {
                    steepest = drop;
                    best = energyEv[i];
                }
            }
        }
        return best;
    }

    /**
     * @return the largest fall of mu from one point to a later one at most {@link #FALL_SPAN_EV} further, both
     *         within E0..E0 + {@link #WINDOW_EV}
     */
    static double structure(double[] energyEv, double[] mu, double e0Ev) {
        double top = Math.min(e0Ev + WINDOW_EV, energyEv[energyEv.length - 1]);
        int first = 0;
        int end = 0;
        for (int i = 0; i < energyEv.length && energyEv[i] <= top; i++) {
            end = i + 1;
        }
        while (first < end && energyEv[first] < e0Ev) {
            first++;
        }
        // The sliding minimum needs the points in energy order and finite values (a pair of equal infinities makes
        // a NaN that Math.max passes on, which a minimum would skip); anything else takes the pairwise scan.
        for (int i = first; i < end; i++) {
            if (!Double.isFinite(mu[i]) || i > first && !(energyEv[i] >= energyEv[i - 1])) {
                return structurePairwise(energyEv, mu, e0Ev);
            }
        }
        if (end < energyEv.length && !(energyEv[end] > top)) {
            return structurePairwise(energyEv, mu, e0Ev);
        }
        return structureSliding(energyEv, mu, top, first, end, new int[Math.max(0, end - first)]);
    }

    /**
     * The same answer in one pass over increasing energies: fl(mu[i] - x) never grows with x, so the largest fall
     * from point i is the fall to the lowest mu of its span, bit for bit. The spans' ends only move forward, so a
     * queue of positions with increasing mu (the usual sliding-window minimum) gives each span's lowest value
     * without scanning it, where the pairwise scan costs the span's length per point.
     *
     * @param first the first point at or above E0
     * @param end   one past the last point at or below top
     * @param queue room for end - first positions
     */
    private static double structureSliding(double[] energyEv, double[] mu, double top, int first, int end,
            int[] queue) {
        double fall = 0;
        int head = 0;
        int tail = 0;
        int next = first + 1; // the next point to enter a span
        for (int i = first; i < end; i++) {
            double spanEnd = Math.min(top, energyEv[i] + FALL_SPAN_EV);
            while (next < end && energyEv[next] <= spanEnd) {
                double v = mu[next];
                while (tail > head && mu[queue[tail - 1]] >= v) {
                    tail--;
                }
                queue[tail++] = next++;
            }
            while (tail > head && queue[head] <= i) {
                head++;
            }
            if (tail > head) {
                fall = Math.max(fall, mu[i] - mu[queue[head]]);
            }
        }
        return fall;
    }

    /** {@link #structure} by trying every pair: the definition, for input the sliding minimum cannot take. */
    static double structurePairwise(double[] energyEv, double[] mu, double e0Ev) {
        double top = Math.min(e0Ev + WINDOW_EV, energyEv[energyEv.length - 1]);
        double fall = 0;
        for (int i = 0; i < energyEv.length && energyEv[i] <= top; i++) {
            if (energyEv[i] < e0Ev) {
                continue;
            }
            double end = Math.min(top, energyEv[i] + FALL_SPAN_EV);
            for (int j = i + 1; j < energyEv.length && energyEv[j] <= end; j++) {
                fall = Math.max(fall, mu[i] - mu[j]);
            }
        }
        return fall;
    }

    /** @return the lowest value over [lo, hi] eV, NaN when no point lies there */
    private static double min(double[] energyEv, double[] values, double lo, double hi) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < energyEv.length; i++) {
            if (energyEv[i] >= lo && energyEv[i] <= hi) {
                m = Math.min(m, values[i]);
            }
        }
        return m == Double.POSITIVE_INFINITY ? Double.NaN : m;
    }

    /** @return the median over [lo, hi] eV, NaN when no point lies there */
    private static double median(double[] energyEv, double[] values, double lo, double hi) {
        // counted first, so that only the window's values are copied (in the same order, hence the same median)
        int n = 0;
        for (int i = 0; i < energyEv.length; i++) {
            if (energyEv[i] >= lo && energyEv[i] <= hi) {
                n++;
            }
        }
        double[] in = new double[n];
        int k = 0;
        for (int i = 0; i < energyEv.length && k < n; i++) {
            if (energyEv[i] >= lo && energyEv[i] <= hi) {
                in[k++] = values[i];
            }
        }
        return Select.median(in);
    }
}
