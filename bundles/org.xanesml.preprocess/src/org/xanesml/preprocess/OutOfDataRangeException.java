/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/**
 * Thrown when a grid or window reaches outside the measured energies and the caller did not ask for explicit
 * padding: values there would be invented, so they are refused.
 */
public class OutOfDataRangeException extends PreprocessingException {
    private static final long serialVersionUID = 1L;

    public OutOfDataRangeException(String message) {
        super(message);
    }
}
