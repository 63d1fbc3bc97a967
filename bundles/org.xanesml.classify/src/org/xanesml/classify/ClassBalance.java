/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

/** How training compensates for unequal class sizes (CN4 is two thirds of the Cu data). */
public enum ClassBalance {
    /** Every sample weighs 1. */
    NONE,
    /** Sample weights n / (k * n_class), the "balanced" weighting scikit-learn's baseline uses. */
    WEIGHTED,
    /** Square root of the balanced weights: a milder correction that keeps precision on the big class. */
    SQRT_WEIGHTED,
    /** Minority classes are duplicated (with replacement, seeded) up to the size of the largest class. */
    OVERSAMPLE
}
