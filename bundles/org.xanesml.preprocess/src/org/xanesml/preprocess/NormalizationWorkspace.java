/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.preprocess;

import org.xanesml.preprocess.internal.Scratch;

/**
 * Working memory for normalising many spectra on one thread: pass the same workspace to
 * {@link XanesNormalization#preEdge(String, double[], double[], PreEdgeParameters, NormalizationWorkspace)} for each
 * spectrum and only the results are allocated. Results do not depend on it (the same numbers as without one).
 * <p>
 * Not thread-safe, by design: give each worker thread its own (no locks are taken, so a batch scales with cores).
 */
public final class NormalizationWorkspace {
    private final Scratch scratch = new Scratch();

    Scratch scratch() {
        return scratch;
    }
}
