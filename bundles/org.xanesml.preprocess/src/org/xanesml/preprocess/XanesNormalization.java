/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import java.util.List;

import org.xanesml.core.Spectrum;
import org.xanesml.preprocess.internal.LarchArrays;
import org.xanesml.preprocess.internal.LarchFindE0;
import org.xanesml.preprocess.internal.LarchPreEdge;

/**
 * Larch-compatible e0 determination and pre-edge normalisation (xraylarch 2026.3.1 {@code find_e0} and
 * {@code pre_edge}), checked number by number against Larch's own output. Pure functions, thread-safe.
 * <p>
 * Array inputs are cleaned as Larch cleans them (non-finite rows dropped, rows sorted by energy, repeated
 * energies nudged by 0.0005 eV) and each repair is listed in the result. Where Larch fails with a numpy error,
 * a {@link PreprocessingException} subclass says what is wrong instead.
 */
public final class XanesNormalization {
    private XanesNormalization() {
    }

    /**
     * Larch {@code find_e0}. Unlike Larch, unsorted input is sorted first (Larch's standalone find_e0 silently
     * drops out-of-order points, and fails on decreasing energies).
     *
     * @return e0, eV: an element of the (cleaned) energy array
     * @throws TooFewPointsException for fewer than {@value LarchFindE0#MIN_POINTS} usable points
     */
    public static double findE0(String id, double[] energyEv, double[] mu) {
        return findE0(id, energyEv, mu, new NormalizationWorkspace());
    }

    /** {@link #findE0(String, double[], double[])} reusing a thread's workspace instead of allocating. */
    public static double findE0(String id, double[] energyEv, double[] mu, NormalizationWorkspace workspace) {
        LarchArrays.Cleaned c = LarchArrays.clean(id, energyEv, mu);
        return LarchFindE0.findE0(id, c.energyEv(), c.mu(), workspace.scratch());
    }

    public static double findE0(Spectrum spectrum) {
        return findE0(spectrum.id(), spectrum.energyEv(), spectrum.mu());
    }

    /**
     * e0 of a calculated spectrum (Larch {@code find_e0_calc}): the energy of the largest dmu/dE. Larch raises
     * a TypeError unless exactly one point is within 1% of that maximum; this returns the maximum in all cases.
     */
    public static double findE0Calculated(String id, double[] energyEv, double[] mu) {
        LarchArrays.Cleaned c = LarchArrays.clean(id, energyEv, mu);
        return LarchFindE0.findE0Calculated(id, c.energyEv(), c.mu());
    }

    /**
     * Larch {@code pre_edge(energy, mu, ...)}.
     *
     * @param id names the spectrum in messages
     * @throws TooFewPointsException when too few points remain after cleaning
     */
    public static NormalizationResult preEdge(String id, double[] energyEv, double[] mu, PreEdgeParameters parameters) {
        return preEdge(id, energyEv, mu, parameters, new NormalizationWorkspace());
    }

    /**
     * {@link #preEdge(String, double[], double[], PreEdgeParameters)} reusing a thread's workspace: the same numbers,
     * with only the result's own arrays allocated.
     */
    public static NormalizationResult preEdge(String id, double[] energyEv, double[] mu, PreEdgeParameters parameters,
            NormalizationWorkspace workspace) {
        // clean() always returns fresh arrays, so the result may keep them
        LarchArrays.Cleaned c = LarchArrays.clean(id, energyEv, mu);
        LarchPreEdge.Outcome o = LarchPreEdge.normalize(id, c.energyEv(), c.mu(), parameters, c.repairs(),
                workspace.scratch());
        return new NormalizationResult(id, o.energy(), o.mu(), o.preEdge(), o.postEdge(), o.norm(), o.flat(),
                o.dmude(), o.details(), parameters, o.repairs(), o.warnings(), o.edgeToNoise(), true);
    }

    /** Larch {@code pre_edge} on a spectrum, whatever its {@link org.xanesml.core.MuScale}. */
    public static NormalizationResult preEdge(Spectrum spectrum, PreEdgeParameters parameters) {
        return preEdge(spectrum.id(), spectrum.energyEv(), spectrum.mu(), parameters);
    }

    /** @return the default normalisation, as {@code pre_edge(energy, mu)} */
    public static NormalizationResult preEdge(Spectrum spectrum) {
        return preEdge(spectrum, PreEdgeParameters.automatic());
    }

    /**
     * @return the result when its edge stands clearly above the noise
     * @throws NoEdgeException otherwise, naming the ratio found
     */
    public static NormalizationResult requireEdge(NormalizationResult result) {
        if (!(result.edgeToNoise() >= LarchPreEdge.MIN_EDGE_TO_NOISE)) {
            throw new NoEdgeException(result.spectrumId() + ": no absorption edge in the data: edge step "
                    + result.edgeStep() + " is " + result.edgeToNoise() + " times the point-to-point noise, below "
                    + LarchPreEdge.MIN_EDGE_TO_NOISE + " (e0 " + result.e0Ev() + " eV would be in the noise)");
        }
        return result;
    }

    /** @return the repairs Larch-style cleaning would make to these arrays (empty when none) */
    public static List<String> cleaningRepairs(String id, double[] energyEv, double[] mu) {
        return LarchArrays.clean(id, energyEv, mu).repairs();
    }
}
