/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io.internal.athena;

/** What a group's x/y arrays hold, from the flags Athena stores with it. */
public enum AthenaGroupKind {
    /** x is energy in eV, y is mu(E) (raw, or normalised when the group says so). */
    XMU,
    /** x is photo-electron wavenumber k in 1/Angstrom, y is chi(k): no energy axis, so no XANES spectrum. */
    CHI,
    /** Anything else Athena can hold (fit results, difference spectra flagged as such, detector images). */
    OTHER
}
