/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/**
 * The arguments of Larch's {@code pre_edge}. A {@code null} value means "automatic", with Larch's defaults:
 * e0 from find_e0; pre1 = E[1]-e0 rounded to 5 eV (2 eV when e0 is within the first 20 points), clamped to the
 * data; pre2 = pre1/2; norm2 = Emax-e0 rounded to 5 eV, clamped to the data; norm1 = min(25, norm2/15 rounded to 5);
 * nnorm = 2, 1 or 0 when norm2-norm1 is at least 300, at least 30, or less. Ranges are in eV relative to e0.
 *
 * @param e0Ev       edge energy (absolute eV), or null to find it; a value outside the data is ignored as in Larch
 * @param edgeStep   edge step to divide by, or null to take the post-edge minus pre-edge difference at e0
 * @param pre1Ev     start of the pre-edge fit window relative to e0
 * @param pre2Ev     end of the pre-edge fit window relative to e0
 * @param norm1Ev    start of the post-edge fit window relative to e0
 * @param norm2Ev    end of the post-edge fit window relative to e0; negative means the full range (Larch quirk)
 * @param nnorm      degree 0..5 of the post-edge polynomial, or null for automatic
 * @param nvict      Victoreen exponent: the pre-edge line is fitted to mu*E^nvict (0..4)
 * @param npre       degree of the pre-edge polynomial: 1 (a line, Larch's default) or 0 (a constant)
 * @param calculated Larch's {@code iscalc}: a FEFF/FDMNES spectrum; e0 at the maximum derivative and, unless
 *                   given, pre1 = pre2 = Emin-e0 (a constant pre-edge equal to the first point)
 */
public record PreEdgeParameters(Double e0Ev, Double edgeStep, Double pre1Ev, Double pre2Ev, Double norm1Ev,
        Double norm2Ev, Integer nnorm, int nvict, int npre, boolean calculated) {

    /** Larch's MAX_NNORM. */
    public static final int MAX_NNORM = 5;

    private static final PreEdgeParameters AUTOMATIC = new PreEdgeParameters(null, null, null, null, null, null,
            null, 0, 1, false);

    public PreEdgeParameters {
        requireFinite("e0Ev", e0Ev);
        requireFinite("edgeStep", edgeStep);
        requireFinite("pre1Ev", pre1Ev);
        requireFinite("pre2Ev", pre2Ev);
        requireFinite("norm1Ev", norm1Ev);
        requireFinite("norm2Ev", norm2Ev);
        // Larch clamps nnorm silently to 0..5; an out-of-range request is more likely a mistake, so say so.
        if (nnorm != null && (nnorm < 0 || nnorm > MAX_NNORM)) {
            throw new IllegalArgumentException("nnorm = " + nnorm + "; the post-edge polynomial degree must be 0.."
                    + MAX_NNORM);
        }
        if (nvict < 0 || nvict > 4) {
            throw new IllegalArgumentException("nvict = " + nvict + "; the Victoreen exponent must be 0..4");
        }
        if (npre != 0 && npre != 1) {
            throw new IllegalArgumentException("npre = " + npre + "; the pre-edge is a line (1) or a constant (0)");
        }
    }

    private static void requireFinite(String name, Double v) {
        if (v != null && !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + "; expected a finite number or null (automatic)");
        }
    }

    /** @return every parameter automatic, as {@code pre_edge(energy, mu)} */
    public static PreEdgeParameters automatic() {
        return AUTOMATIC;
    }

    public PreEdgeParameters withE0(Double value) {
        return new PreEdgeParameters(value, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, nvict, npre, calculated);
    }

    public PreEdgeParameters withEdgeStep(Double value) {
        return new PreEdgeParameters(e0Ev, value, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, nvict, npre, calculated);
    }

    public PreEdgeParameters withPreEdgeRange(Double pre1, Double pre2) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1, pre2, norm1Ev, norm2Ev, nnorm, nvict, npre, calculated);
    }

    public PreEdgeParameters withNormRange(Double norm1, Double norm2) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1, norm2, nnorm, nvict, npre, calculated);
    }

    public PreEdgeParameters withNnorm(Integer value) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, value, nvict, npre, calculated);
    }

    public PreEdgeParameters withNvict(int value) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, value, npre, calculated);
    }

    public PreEdgeParameters withNpre(int value) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, nvict, value, calculated);
    }

    public PreEdgeParameters withCalculated(boolean value) {
        return new PreEdgeParameters(e0Ev, edgeStep, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, nvict, npre, value);
    }
}
