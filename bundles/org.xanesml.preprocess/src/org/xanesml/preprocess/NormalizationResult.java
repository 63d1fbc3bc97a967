/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.List;
import java.util.Objects;

/**
 * Output of Larch-compatible pre-edge subtraction and normalisation. Immutable: arrays are copied out.
 * <p>
 * All arrays belong to {@link #energyEv()}, which is the caller's energy after Larch's cleaning (non-finite rows
 * dropped, sorted, repeated energies nudged); {@link #repairs()} says which of these happened, so nothing is
 * changed silently. {@link #warnings()} lists results that are valid numbers but doubtful (e.g. an edge step at
 * Larch's 1e-12 floor, or no clear edge).
 */
public final class NormalizationResult {
    private final String spectrumId;
    private final double[] energyEv;
    private final double[] mu;
    private final double[] preEdge;
    private final double[] postEdge;
    private final double[] norm;
    private final double[] flat;
    private final double[] dmude;
    private final PreEdgeDetails details;
    private final PreEdgeParameters requested;
    private final List<String> repairs;
    private final List<String> warnings;
    private final double edgeToNoise;

    /** Arrays are copied in, so the caller may reuse its buffers. */
    public NormalizationResult(String spectrumId, double[] energyEv, double[] mu, double[] preEdge,
            double[] postEdge, double[] norm, double[] flat, double[] dmude, PreEdgeDetails details,
            PreEdgeParameters requested, List<String> repairs, List<String> warnings, double edgeToNoise) {
        this(spectrumId, energyEv.clone(), mu.clone(), preEdge.clone(), postEdge.clone(), norm.clone(), flat.clone(),
                dmude.clone(), details, requested, repairs, warnings, edgeToNoise, true);
    }

    /** Takes the arrays as they are: only for arrays nobody else holds (the normaliser's fresh outputs). */
    NormalizationResult(String spectrumId, double[] energyEv, double[] mu, double[] preEdge, double[] postEdge,
            double[] norm, double[] flat, double[] dmude, PreEdgeDetails details, PreEdgeParameters requested,
            List<String> repairs, List<String> warnings, double edgeToNoise, boolean owned) {
        this.spectrumId = Objects.requireNonNull(spectrumId);
        this.energyEv = energyEv;
        this.mu = mu;
        this.preEdge = preEdge;
        this.postEdge = postEdge;
        this.norm = norm;
        this.flat = flat;
        this.dmude = dmude;
        this.details = Objects.requireNonNull(details);
        this.requested = Objects.requireNonNull(requested);
        this.repairs = List.copyOf(repairs);
        this.warnings = List.copyOf(warnings);
        this.edgeToNoise = edgeToNoise;
        int n = energyEv.length;
        if (mu.length != n || preEdge.length != n || postEdge.length != n || norm.length != n || flat.length != n
                || dmude.length != n) {
            throw new IllegalArgumentException(spectrumId + ": normalisation arrays differ in length");
        }
    }

    public String spectrumId() {
        return spectrumId;
    }

    public int size() {
        return energyEv.length;
    }

    /** @return the cleaned energies the other arrays belong to, eV */
    public double[] energyEv() {
        return energyEv.clone();
    }

    /** @return mu after cleaning (row order as {@link #energyEv()}) */
    public double[] mu() {
        return mu.clone();
    }

    /** @return Larch {@code pre_edge}: the pre-edge line (or constant) at every energy */
    public double[] preEdge() {
        return preEdge.clone();
    }

    /** @return Larch {@code post_edge}: pre-edge plus the post-edge polynomial */
    public double[] postEdge() {
        return postEdge.clone();
    }

    /** @return Larch {@code norm} = (mu - pre_edge) / edge_step */
    public double[] norm() {
        return norm.clone();
    }

    /** @return Larch {@code flat}: norm with the post-edge curvature removed above e0 */
    public double[] flat() {
        return flat.clone();
    }

    /** @return Larch {@code dmude} = gradient(norm)/gradient(energy) */
    public double[] dmude() {
        return dmude.clone();
    }

    public double norm(int index) {
        return norm[index];
    }

    /**
     * norm put onto a grid (an e0-relative one is taken relative to this result's e0), without copying the
     * arrays first: the step a classifier's features come from.
     *
     * @throws OutOfDataRangeException with {@link Padding#ERROR} when the grid reaches beyond the data
     */
    public double[] normOn(EnergyGrid grid, InterpolationKind kind, Padding padding) {
        return Interpolation.interpolate(energyEv, norm, grid, e0Ev(), kind, padding);
    }

    /** flat put onto a grid, as {@link #normOn}. */
    public double[] flatOn(EnergyGrid grid, InterpolationKind kind, Padding padding) {
        return Interpolation.interpolate(energyEv, flat, grid, e0Ev(), kind, padding);
    }

    public double energyEv(int index) {
        return energyEv[index];
    }

    public double e0Ev() {
        return details.e0Ev();
    }

    public double edgeStep() {
        return details.edgeStep();
    }

    /** @return the parameters actually used (Larch's pre_edge_details) */
    public PreEdgeDetails details() {
        return details;
    }

    /** @return the parameters as the caller gave them (null = automatic) */
    public PreEdgeParameters requested() {
        return requested;
    }

    /** @return repairs made to the input, one sentence each; empty when the arrays were used as given */
    public List<String> repairs() {
        return repairs;
    }

    /** @return doubts about the result, one sentence each */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * @return edge step divided by a robust estimate of mu's point-to-point noise; large for any real edge,
     *         about 1 or below when the data show no edge
     */
    public double edgeToNoise() {
        return edgeToNoise;
    }

    @Override
    public String toString() {
        return "NormalizationResult[" + spectrumId + ", e0=" + details.e0Ev() + " eV, step=" + details.edgeStep()
                + ", " + energyEv.length + " points, repairs=" + repairs.size() + ", warnings=" + warnings.size() + "]";
    }
}
