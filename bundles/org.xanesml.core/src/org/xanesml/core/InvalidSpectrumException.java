/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.core;

/**
 * Thrown when arrays cannot form a spectrum. The message names the spectrum, the point index and what was
 * expected, so a beamline user can find the bad line in the file.
 */
public class InvalidSpectrumException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int pointIndex;

    public InvalidSpectrumException(String message, int pointIndex) {
        super(message);
        this.pointIndex = pointIndex;
    }

    /** @return the 0-based index of the offending point, or -1 when the problem is not at one point. */
    public int pointIndex() {
        return pointIndex;
    }
}
