/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/** How values between measured energies are made. */
public enum InterpolationKind {
    /** Straight lines between neighbours (numpy interp). */
    LINEAR,
    /** Natural cubic spline through every point (Commons Math SplineInterpolator). */
    CUBIC_SPLINE
}
