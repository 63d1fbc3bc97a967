/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

/**
 * What the mu array of a {@link Spectrum} already went through, so that a spectrum normalised by its source
 * (FEFF's xmu.dat, FDMNES convolved output, database downloads) is not edge-step normalised a second time.
 */
public enum MuScale {
    /** Absorption as measured or computed: arbitrary offset and scale; pre/post-edge normalisation applies. */
    RAW,
    /** Already divided by the edge step by the source (mu ~ 0 before, ~ 1 after the edge). */
    EDGE_NORMALIZED,
    /** The source does not say; preprocessing decides from the data. */
    UNKNOWN
}
