/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/**
 * The parameters Larch actually used (its {@code pre_edge_details}), after defaults, clamping to the data,
 * swapping and fallbacks. Feeding these back as explicit {@link PreEdgeParameters} reproduces the result.
 *
 * @param e0Ev            edge energy used, eV
 * @param edgeStep        edge step divided by (never below 1e-12, as Larch)
 * @param pre1Ev          pre-edge window start relative to e0
 * @param pre2Ev          pre-edge window end relative to e0
 * @param norm1Ev         post-edge window start relative to e0
 * @param norm2Ev         post-edge window end relative to e0
 * @param nnorm           post-edge polynomial degree used
 * @param nvict           Victoreen exponent used (0 when the pre-edge fell back to a constant)
 * @param preEdgeConstant true when the pre-edge is a constant: npre = 0 or fewer than 3 points in its window
 * @param preEdgeFit      the pre-edge polynomial fitted to mu*E^nvict (pre_edge = fit(E) * E^-nvict)
 * @param postEdgeFit     the polynomial fitted to mu - pre_edge over the post-edge window
 */
public record PreEdgeDetails(double e0Ev, double edgeStep, double pre1Ev, double pre2Ev, double norm1Ev,
        double norm2Ev, int nnorm, int nvict, boolean preEdgeConstant, FittedPolynomial preEdgeFit,
        FittedPolynomial postEdgeFit) {

    /** @return Larch's {@code pre_offset}: the constant term of the pre-edge line in absolute energy */
    public double preOffset() {
        return preEdgeFit.absoluteCoefficients()[0];
    }

    /** @return Larch's {@code pre_slope}; 0 for a constant pre-edge */
    public double preSlope() {
        double[] c = preEdgeFit.absoluteCoefficients();
        return c.length > 1 ? c[1] : 0.0;
    }

    /** @return Larch's {@code norm_c0, norm_c1, ...} in absolute energy (ill-conditioned; compare curves instead) */
    public double[] normCoefficients() {
        return postEdgeFit.absoluteCoefficients();
    }

    /** @return these values as explicit parameters (nothing automatic), to reproduce the normalisation */
    public PreEdgeParameters asParameters() {
        return new PreEdgeParameters(e0Ev, null, pre1Ev, pre2Ev, norm1Ev, norm2Ev, nnorm, nvict,
                preEdgeConstant ? 0 : 1, false);
    }
}
