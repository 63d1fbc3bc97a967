/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess.internal;

import java.util.ArrayList;
import java.util.List;

import org.xanesml.preprocess.FittedPolynomial;
import org.xanesml.preprocess.PreEdgeDetails;
import org.xanesml.preprocess.PreEdgeParameters;
import org.xanesml.preprocess.TooFewPointsException;

/**
 * Larch's {@code pre_edge}/{@code preedge} (xraylarch 2026.3.1) on cleaned arrays: the parameter defaults and
 * clamps, the pre-edge line (Victoreen-weighted, constant fallback), the post-edge polynomial, edge step, norm,
 * flat and dmu/dE. Index windows follow Larch exactly: start {@code index_of(E, e0+lo)}, exclusive end
 * {@code index_nearest(E, e0+hi)}.
 */
public final class LarchPreEdge {
    /** Points needed when e0 is given: the validity test looks at E[1] and E[n-2]. */
    public static final int MIN_POINTS_GIVEN_E0 = 4;
    /** Below this edge-to-noise ratio a result is flagged as showing no clear edge. */
    public static final double MIN_EDGE_TO_NOISE = 10.0;

    private static final double MIN_EDGE_STEP = 1.e-12;

    private LarchPreEdge() {
    }

    /**
     * Everything {@code pre_edge} computes, in arrays owned by the caller from now on (nothing else holds them).
     * All arrays belong to {@code energy}.
     */
    public record Outcome(double[] energy, double[] mu, double[] preEdge, double[] postEdge, double[] norm,
            double[] flat, double[] dmude, PreEdgeDetails details, List<String> repairs, List<String> warnings,
            double edgeToNoise) {
    }

    /**
     * @param energy cleaned energies (finite, increasing), eV; the outcome refers to (not copies) this array
     * @param mu     mu at those energies; also referred to, not copied
     */
    public static Outcome normalize(String id, double[] energy, double[] mu, PreEdgeParameters p,
            List<String> cleaningRepairs, Scratch scratch) {
        int n = energy.length;
        List<String> repairs = new ArrayList<>(cleaningRepairs);
        List<String> warnings = new ArrayList<>();
        if (n < MIN_POINTS_GIVEN_E0) {
            throw new TooFewPointsException(id + ": " + n + " point(s) after cleaning; normalisation needs at least "
                    + MIN_POINTS_GIVEN_E0 + " with e0 given and " + LarchFindE0.MIN_POINTS + " to find e0", n,
                    MIN_POINTS_GIVEN_E0);
        }
        Double e0Given = p.e0Ev();
        double e0;
        if (e0Given == null || e0Given < energy[1] || e0Given > energy[n - 2]) {
            e0 = p.calculated() ? LarchFindE0.findE0Calculated(id, energy, mu)
                    : LarchFindE0.findE0(id, energy, mu, scratch);
            if (e0Given != null) {
                repairs.add("given e0 = " + e0Given + " eV lies outside the data's inner range [" + energy[1] + ", "
                        + energy[n - 2] + "] eV and was ignored; e0 = " + e0 + " eV was found instead (as Larch)");
            }
        } else {
            e0 = e0Given;
        }
        int ie0 = PyNum.indexNearest(energy, e0);
        double eMin = energy[0];
        double eMax = energy[0];
        for (double v : energy) {
            eMin = Math.min(eMin, v);
            eMax = Math.max(eMax, v);
        }

        Double pre1Given = p.pre1Ev();
        double pre1;
        if (pre1Given != null) {
            pre1 = pre1Given;
        } else if (p.calculated()) {
            pre1 = eMin - e0;
        } else if (ie0 > 20) {
            pre1 = 5.0 * PyNum.round((energy[1] - e0) / 5.0);
        } else {
            pre1 = 2.0 * PyNum.round((energy[1] - e0) / 2.0);
        }
        pre1 = PyNum.max(pre1, eMin - e0);
        double pre2;
        if (p.pre2Ev() != null) {
            pre2 = p.pre2Ev();
        } else {
            pre2 = p.calculated() ? pre1 : 0.5 * pre1;
        }
        if (pre1 > pre2) {
            double t = pre1;
            pre1 = pre2;
            pre2 = t;
        }

        double norm2 = p.norm2Ev() != null ? p.norm2Ev() : 5.0 * PyNum.round((eMax - e0) / 5.0);
        if (norm2 < 0) {
            // Larch quirk kept on purpose: a negative norm2 means the full range, not |norm2| before the end.
            norm2 = eMax - e0 - norm2;
        }
        norm2 = PyNum.min(norm2, eMax - e0);
        double norm1 = p.norm1Ev() != null ? p.norm1Ev() : PyNum.min(25, 5.0 * PyNum.round(norm2 / 15.0));
        if (norm1 > norm2) {
            double t = norm1;
            norm1 = norm2;
            norm2 = t;
        }
        int nnorm;
        if (p.nnorm() != null) {
            nnorm = p.nnorm();
        } else {
            nnorm = 2;
            if (norm2 - norm1 < 300) {
                nnorm = 1;
            }
            if (norm2 - norm1 < 30) {
                nnorm = 0;
            }
        }
        norm1 = PyNum.min(norm1, norm2 - 2);

        // Pre-edge: a line in mu*E^nvict, or a constant when asked (npre=0) or when the window is under 3 points.
        int nvict = p.nvict();
        int p1 = PyNum.indexOf(energy, pre1 + e0);
        int p2 = PyNum.indexNearest(energy, pre2 + e0);
        boolean preConstant = p.npre() == 0 || p2 - p1 < 3;
        FittedPolynomial preFit;
        double[] preEdge = new double[n];
        if (preConstant) {
            if (p.npre() != 0) {
                repairs.add("pre-edge window [" + pre1 + ", " + pre2 + "] eV holds " + Math.max(0, p2 - p1)
                        + " point(s), fewer than the 3 a line needs: a constant pre-edge (mean mu) was used and "
                        + "nvict set to 0, as Larch does");
            }
            int end = Math.max(p2, p1 + 1);
            double c = PyNum.mean(mu, p1, end);
            nvict = 0;
            preFit = new FittedPolynomial(energy[p1], energy[end - 1], new double[] { c });
            java.util.Arrays.fill(preEdge, c);
        } else {
            int m = p2 - p1;
            double[] weighted = scratch.general(m);
            for (int i = 0; i < m; i++) {
                weighted[i] = mu[p1 + i] * victoreen(energy[p1 + i], nvict);
            }
            preFit = PolyFit.fit(energy, p1, p2, weighted, 0, 1, scratch);
            for (int i = 0; i < n; i++) {
                preEdge[i] = preFit.valueAt(energy[i]) / victoreen(energy[i], nvict);
            }
        }

        // Post-edge polynomial fitted to mu - pre_edge.
        int q1 = PyNum.indexOf(energy, norm1 + e0);
        int q2 = PyNum.indexNearest(energy, norm2 + e0);
        if (q2 - q1 < 2) {
            int widened = Math.min(n, q1 + 2);
            repairs.add("post-edge window [" + norm1 + ", " + norm2 + "] eV holds " + Math.max(0, q2 - q1)
                    + " point(s); widened to " + (widened - q1) + " and fitted with a constant (nnorm=0), as Larch");
            q2 = widened;
            nnorm = 0;
        } else if (q2 - q1 < 5 && nnorm > 1) {
            repairs.add("post-edge window [" + norm1 + ", " + norm2 + "] eV holds only " + (q2 - q1)
                    + " points; nnorm lowered from " + nnorm + " to 1, as Larch");
            nnorm = 1;
        }
        if (nnorm > q2 - q1 - 1) {
            int lowered = q2 - q1 - 1;
            repairs.add("post-edge window holds " + (q2 - q1) + " points, too few for degree " + nnorm
                    + "; nnorm lowered to " + lowered);
            nnorm = lowered;
        }
        int m = q2 - q1;
        double[] presub = scratch.general(m);
        for (int i = 0; i < m; i++) {
            presub[i] = mu[q1 + i] - preEdge[q1 + i];
        }
        FittedPolynomial postFit = PolyFit.fit(energy, q1, q2, presub, 0, nnorm, scratch);
        double[] postEdge = new double[n];
        for (int i = 0; i < n; i++) {
            postEdge[i] = preEdge[i] + postFit.valueAt(energy[i]);
        }
        double edgeStep = p.edgeStep() != null ? p.edgeStep() : postEdge[ie0] - preEdge[ie0];
        edgeStep = Math.abs(edgeStep);
        boolean atFloor = !(edgeStep >= MIN_EDGE_STEP);
        if (atFloor) {
            warnings.add("edge step " + edgeStep + " is at Larch's floor of " + MIN_EDGE_STEP
                    + "; the normalised values are meaningless");
            edgeStep = MIN_EDGE_STEP;
        }

        double[] norm = new double[n];
        double[] flat = new double[n];
        double flatAtE0 = (postEdge[ie0] - preEdge[ie0]) / edgeStep;
        for (int i = 0; i < n; i++) {
            norm[i] = (mu[i] - preEdge[i]) / edgeStep;
            if (i < ie0) {
                flat[i] = norm[i];
            } else {
                double residue = (postEdge[i] - preEdge[i]) / edgeStep;
                flat[i] = norm[i] - residue + flatAtE0;
            }
        }
        double[] dmude = PyNum.derivative(energy, norm, 0, n);

        double edgeToNoise = atFloor ? 0.0 : edgeStep / Select.noiseSigma(mu, scratch);
        if (edgeToNoise < MIN_EDGE_TO_NOISE) {
            warnings.add(String.format(java.util.Locale.ROOT, "no clear edge: edge step %.3g is only %.3g times the "
                    + "point-to-point noise of mu (e0 = %.3f eV may sit in the noise)", edgeStep, edgeToNoise, e0));
        }
        PreEdgeDetails details = new PreEdgeDetails(e0, edgeStep, pre1, pre2, norm1, norm2, nnorm, nvict,
                preConstant, preFit, postFit);
        return new Outcome(energy, mu, preEdge, postEdge, norm, flat, dmude, details, repairs, warnings,
                edgeToNoise);
    }

    private static double victoreen(double energy, int nvict) {
        switch (nvict) {
        case 0:
            return 1.0;
        case 1:
            return energy;
        case 2:
            return energy * energy;
        default:
            return Math.pow(energy, nvict);
        }
    }
}
