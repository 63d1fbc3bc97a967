/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

/**
 * Thrown when an edge is required but the data do not show one: the fitted edge step is not clearly above the
 * point-to-point noise (e.g. a scan that ends before the edge). Larch itself returns an e0 in the noise there.
 */
public class NoEdgeException extends PreprocessingException {
    private static final long serialVersionUID = 1L;

    public NoEdgeException(String message) {
        super(message);
    }
}
