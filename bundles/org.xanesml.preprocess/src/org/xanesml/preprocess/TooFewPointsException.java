/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/** Thrown when a spectrum, or the window a step works on, holds fewer points than the step needs. */
public class TooFewPointsException extends PreprocessingException {
    private static final long serialVersionUID = 1L;

    private final int points;
    private final int required;

    public TooFewPointsException(String message, int points, int required) {
        super(message);
        this.points = points;
        this.required = required;
    }

    /** @return how many points there were */
    public int points() {
        return points;
    }

    /** @return how many the step needs */
    public int required() {
        return required;
    }
}
