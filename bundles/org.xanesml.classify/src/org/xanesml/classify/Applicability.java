/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/**
 * Whether a model may be trusted on a spectrum, and why not. A prediction outside the domain still carries the
 * classifier's output, but callers must show the reason instead of the class.
 *
 * @param verdict what was decided
 * @param score   the distance score (1 = threshold); NaN when the spectrum was rejected before scoring
 * @param reason  human-readable reason, naming the spectrum and the model's expectation
 */
public record Applicability(Verdict verdict, double score, String reason) {
    /**
     * The possible decisions. {@link #NOT_XANES}: the data show no absorption edge with XANES structure (a featureless
     * step, a ramp, an inverted edge, or an edge far from the element's tabulated energy, see
     * {@link org.xanesml.preprocess.XanesShape}); no class is given.
     */
    public enum Verdict {
        IN_DOMAIN, WRONG_ELEMENT, WRONG_EDGE, GRID_NOT_COVERED, MISSING_REFERENCE_ENERGY, UNLIKE_TRAINING_DATA,
        NOT_XANES;

        public boolean inDomain() {
            return this == IN_DOMAIN;
        }
    }

    public boolean inDomain() {
        return verdict.inDomain();
    }
}
