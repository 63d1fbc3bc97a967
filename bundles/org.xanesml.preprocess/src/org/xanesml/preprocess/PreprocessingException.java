/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/**
 * Base of the specific errors preprocessing raises instead of returning NaN. The message names the spectrum and
 * what was expected. Extends {@link IllegalArgumentException} like the core's InvalidSpectrumException, because in
 * every case the input (data or parameters) is what cannot be processed.
 */
public class PreprocessingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PreprocessingException(String message) {
        super(message);
    }

    public PreprocessingException(String message, Throwable cause) {
        super(message, cause);
    }
}
